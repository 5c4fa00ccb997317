import { effect, signal } from '@preact/signals';
import { targetChanged } from '../../../core/search/plan.ts';
import type { PanelModel } from '../../state/model.ts';
import type { SearchRun } from '../../state/worker-model.ts';

// View state that must outlive the view: App renders only the active tab, so BackendView unmounts
// whenever the user looks at another tab while a search keeps running.

/** "Errors only" (true) or "all linked lines". */
export const errorsOnly = signal(true);

/** The `s` shortcut: the Backend view starts a search (if it can) when it renders, then resets this. */
export const searchWanted = signal(false);

/** How far the user widened the search window, for one session (another session starts unwidened). */
export const windowWidening = signal<{ sessionId: string; ms: number } | null>(null);

export function widenedMsFor(sessionId: string | undefined): number {
  const w = windowWidening.value;
  return w !== null && w.sessionId === sessionId ? w.ms : 0;
}

/** Why a search was cancelled by the panel itself rather than by the user. */
export const cancelledBecause = signal<{ searchId: string; reason: string } | null>(null);

export const isActive = (run: SearchRun | null): boolean => run !== null && (run.status === 'starting' || run.status === 'running');

const guarded = new WeakSet<PanelModel>();

/**
 * A running search is for one token: when the session's current token changes (a new session, a
 * token entered by hand), the search is cancelled, which deletes its job. Installed once per model
 * and kept alive with it, so it also works while another tab is shown.
 */
export function guardTokenChanges(model: PanelModel): void {
  if (guarded.has(model)) return;
  guarded.add(model);
  effect(() => {
    const run = model.worker.search.value;
    const current = model.devtools.session.value.current;
    if (!run || !isActive(run)) return;
    if (!targetChanged(run.target, current)) return;
    cancelledBecause.value = {
      searchId: run.id,
      reason: "The session's token changed while the search ran, so the search was cancelled and its job deleted. Search again for the new session.",
    };
    model.worker.cancelSearch();
  });
}
