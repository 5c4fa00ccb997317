import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Transport } from '../../shared/transport.ts';
import type { BackgroundToPanel, DevtoolsToPanel, PanelToBackground, PanelToDevtools } from '../../shared/protocol.ts';
import { createDevtoolsModel } from './devtools-model.ts';
import { createWorkerModel } from './worker-model.ts';
import type { KeyValueStorage } from './site-storage.ts';
import { createSettingsForms } from './settings-forms.ts';

export interface PanelDeps {
  devtools: Transport<PanelToDevtools, DevtoolsToPanel>;
  background: Transport<PanelToBackground, BackgroundToPanel>;
  storage: KeyValueStorage;
  now?: () => number;
}

/** Everything the views read and do; built from transports so component tests can pass fakes. */
export function createPanelModel(deps: PanelDeps) {
  const devtools = createDevtoolsModel(deps.devtools, deps.storage);
  const worker = createWorkerModel(deps.background, deps.now);
  return { devtools, worker, settings: createSettingsForms(devtools, worker) };
}

export type PanelModel = ReturnType<typeof createPanelModel>;

export const ModelContext = createContext<PanelModel | null>(null);

export function useModel(): PanelModel {
  const model = useContext(ModelContext);
  if (!model) throw new Error('Panel views must be rendered inside <ModelContext.Provider>.');
  return model;
}
