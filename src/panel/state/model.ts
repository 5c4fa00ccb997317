import { effect } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Transport } from '../../shared/transport.ts';
import type { BackgroundToPanel, DevtoolsToPanel, PanelToBackground, PanelToDevtools } from '../../shared/protocol.ts';
import type { TimerDeps } from './auto-refresh.ts';
import { createDevtoolsModel } from './devtools-model.ts';
import { createLinkingModel } from './linking-model.ts';
import { createSearchAnalysis, type AnalysisWorkerLike } from './search-analysis.ts';
import { createSearchModel } from './search-model.ts';
import { createSettingsForms } from './settings-forms.ts';
import type { KeyValueStorage } from './site-storage.ts';
import { createUiState } from './ui-model.ts';
import { createWorkerModel } from './worker-model.ts';

export interface PanelDeps extends TimerDeps {
  devtools: Transport<PanelToDevtools, DevtoolsToPanel>;
  background: Transport<PanelToBackground, BackgroundToPanel>;
  storage: KeyValueStorage;
  now?: () => number;
  /** The log analysis Worker; none in Node tests, where the analysis runs inline. */
  analysisWorker?: () => AnalysisWorkerLike | null;
}

/**
 * The panel's one model: every piece of panel state, who may change it, and one lifetime — from
 * the panel document's start to `dispose()`. Built from transports, so tests pass fakes.
 * docs/architecture.md draws it.
 *
 * - devtools: the session and the audit, fed by the devtools page of this tab;
 * - worker:   settings, credentials (masked) and searches, through the service worker;
 * - search:   the one way to start a search, its refusals, the token-change guard;
 * - analysis: one analysis per search, in a Worker, shared by every area;
 * - linking:  errors ↔ requests, tagging per endpoint, auto-refresh, linked exports;
 * - settings: the Settings area's save-as-you-go forms;
 * - ui:       what the areas remember, and the named moves between them.
 */
export function createPanelModel(deps: PanelDeps) {
  const now = deps.now ?? Date.now;
  const devtools = createDevtoolsModel(deps.devtools, deps.storage);
  const worker = createWorkerModel(deps.background, now);
  const search = createSearchModel({ devtools, worker, now });
  const analysis = createSearchAnalysis(deps.analysisWorker);
  // Each chunk of messages goes to the analysis Worker in the task that received it, not in a
  // later render that would hand over everything that arrived meanwhile at once.
  const stopFeeding = effect(() => {
    const run = worker.search.value;
    if (run !== null) analysis.feed(run);
  });
  const linking = createLinkingModel({ devtools, worker, search, analysis }, { ...deps, now });
  const settings = createSettingsForms(devtools, worker);
  const state = createUiState();
  const ui = {
    ...state,
    /** From a request to one of its backend errors: select it in the Timeline. */
    showErrorInTimeline(key: string): void {
      linking.select({ kind: 'error', key });
      state.area.value = 'timeline';
    },
    /** The `s` key: show Backend errors and search the session shown (the refusal there says why not). */
    searchCurrentSession(): void {
      state.area.value = 'backend';
      search.searchCurrentSession();
    },
  };
  return {
    devtools,
    worker,
    search,
    analysis,
    linking,
    settings,
    ui,
    dispose(): void {
      linking.dispose();
      search.dispose();
      stopFeeding();
      analysis.dispose();
      deps.devtools.close();
      deps.background.close();
    },
  };
}

export type PanelModel = ReturnType<typeof createPanelModel>;

export const ModelContext = createContext<PanelModel | null>(null);

export function useModel(): PanelModel {
  const model = useContext(ModelContext);
  if (!model) throw new Error('Panel views must be rendered inside <ModelContext.Provider>.');
  return model;
}
