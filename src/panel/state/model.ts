import { effect } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Transport } from '../../shared/transport.ts';
import type { BackgroundToPanel, DevtoolsToPanel, PanelToBackground, PanelToDevtools } from '../../shared/protocol.ts';
import { createDevtoolsModel } from './devtools-model.ts';
import { createWorkerModel } from './worker-model.ts';
import { createSearchAnalysis, type AnalysisWorkerLike } from './search-analysis.ts';
import type { KeyValueStorage } from './site-storage.ts';
import { createSettingsForms } from './settings-forms.ts';

export interface PanelDeps {
  devtools: Transport<PanelToDevtools, DevtoolsToPanel>;
  background: Transport<PanelToBackground, BackgroundToPanel>;
  storage: KeyValueStorage;
  now?: () => number;
  /** The log analysis Worker; none in Node tests, where the analysis runs inline. */
  analysisWorker?: () => AnalysisWorkerLike | null;
}

/** Everything the views read and do; built from transports so component tests can pass fakes. */
export function createPanelModel(deps: PanelDeps) {
  const devtools = createDevtoolsModel(deps.devtools, deps.storage);
  const worker = createWorkerModel(deps.background, deps.now);
  const analysis = createSearchAnalysis(deps.analysisWorker);
  // Each chunk of messages goes to the analysis Worker in the task that received it, not in a
  // later render that would hand over everything that arrived meanwhile at once.
  effect(() => {
    const run = worker.search.value;
    if (run !== null) analysis.feed(run);
  });
  return {
    devtools,
    worker,
    settings: createSettingsForms(devtools, worker),
    /** One analysis per search, shared by the Backend errors view and the linking model. */
    analysis,
  };
}

export type PanelModel = ReturnType<typeof createPanelModel>;

export const ModelContext = createContext<PanelModel | null>(null);

export function useModel(): PanelModel {
  const model = useContext(ModelContext);
  if (!model) throw new Error('Panel views must be rendered inside <ModelContext.Provider>.');
  return model;
}
