import { effect, signal } from '@preact/signals';
import { planSearch, targetChanged, type PlanResult } from '../../core/search/plan.ts';
import { searchRefusal, type SearchRefusal } from '../../core/search/refusal.ts';
import type { DevtoolsModel } from './devtools-model.ts';
import { isActive, type WorkerModel } from './worker-model.ts';

// The one way the panel starts a search for the session it shows. The Backend errors area, the
// Timeline, the `s` key and auto-refresh all call `searchCurrentSession`, so "can we search, and
// if not why" is decided here once (core/search/refusal.ts words it).

export type SearchOutcome = { started: true; searchId: string } | { started: false; refusal: SearchRefusal };

/** What the last attempt did, for the Timeline's status line. */
export interface SearchAttempt {
  at: number;
  auto: boolean;
  outcome: SearchOutcome;
}

export interface SearchModelDeps {
  devtools: DevtoolsModel;
  worker: WorkerModel;
  now: () => number;
}

export function createSearchModel({ devtools, worker, now }: SearchModelDeps) {
  /** How far the user widened the search window, for one session (another session starts unwidened). */
  const windowWidening = signal<{ sessionId: string; ms: number } | null>(null);
  /** Why a search was cancelled by the panel itself rather than by the user. */
  const cancelledBecause = signal<{ searchId: string; reason: string } | null>(null);
  const lastAttempt = signal<SearchAttempt | null>(null);
  let lastStartedAt: number | undefined;

  function widenedMsFor(sessionId: string | undefined): number {
    const w = windowWidening.value;
    return w !== null && w.sessionId === sessionId ? w.ms : 0;
  }

  /** The search the session shown would run at `at`, or why there is none; null until settings load. */
  function planAt(at: number): PlanResult | null {
    const settings = worker.settings.value;
    if (settings === null) return null;
    const current = devtools.session.value.current;
    return planSearch(current, settings, at, widenedMsFor(current?.sessionId));
  }

  function refusalAt(at: number, auto = false): SearchRefusal | null {
    const plan = planAt(at);
    return searchRefusal({
      settingsLoaded: plan !== null,
      hasCredentials: worker.credentials.value !== null,
      running: isActive(worker.search.value),
      plan: plan ?? { ok: true },
      auto,
      now: at,
      ...(lastStartedAt !== undefined ? { lastStartedAt } : {}),
    });
  }

  function searchCurrentSession(options: { auto?: boolean } = {}): SearchOutcome {
    const auto = options.auto === true;
    // The window ends now, at the click or the tick, not at the last render.
    const at = now();
    const refusal = refusalAt(at, auto);
    const plan = planAt(at);
    let outcome: SearchOutcome;
    if (refusal !== null || plan === null || !plan.ok) {
      outcome = {
        started: false,
        refusal: refusal ?? { reason: 'plan', message: plan?.ok === false ? plan.reason : 'No search plan.' },
      };
    } else {
      cancelledBecause.value = null;
      lastStartedAt = at;
      outcome = { started: true, searchId: worker.startSearch(plan.target) };
    }
    lastAttempt.value = { at, auto, outcome };
    return outcome;
  }

  // A running search is for one token: when the session's current token changes (a new session, a
  // token entered by hand), it is cancelled, which deletes its job. Whatever started it, whichever
  // area is shown.
  const stopGuard = effect(() => {
    const run = worker.search.value;
    const current = devtools.session.value.current;
    if (!run || !isActive(run)) return;
    if (!targetChanged(run.target, current)) return;
    cancelledBecause.value = {
      searchId: run.id,
      reason:
        "The session's token changed while the search ran, so the search was cancelled and its job deleted. Search again for the new session.",
    };
    worker.cancelSearch();
  });

  return {
    windowWidening,
    cancelledBecause,
    lastAttempt,
    widenedMsFor,
    plan: planAt,
    refusal: refusalAt,
    searchCurrentSession,
    widen(sessionId: string, stepMs: number): void {
      windowWidening.value = { sessionId, ms: widenedMsFor(sessionId) + stepMs };
    },
    resetWidening(): void {
      windowWidening.value = null;
    },
    cancel: () => worker.cancelSearch(),
    dispose(): void {
      stopGuard();
    },
  };
}

export type SearchModel = ReturnType<typeof createSearchModel>;
