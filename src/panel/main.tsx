import { render } from 'preact';
import { App } from './App.tsx';
import { applyTheme, currentTheme, followTheme } from './theme.ts';
import { ModelContext, createPanelModel } from './state/model.ts';
import { channelTransport } from '../shared/transport.ts';
import { connectFrameLink } from '../shared/frame-link.ts';
import { backgroundTransport } from '../shared/port-transport.ts';
import { PANEL_PORT, tabChannelName } from '../shared/protocol.ts';
import { extensionStorage } from './state/site-storage.ts';
import { linkingOf } from './state/linking-model.ts';

applyTheme(currentTheme());
followTheme(applyTheme);

const model = createPanelModel({
  devtools: connectFrameLink(window, channelTransport(tabChannelName(chrome.devtools.inspectedWindow.tabId))),
  background: backgroundTransport(PANEL_PORT, () => model.worker.backgroundLost()),
  storage: extensionStorage,
});
model.devtools.connect();
// Created here so its saved preferences (skew, window, interval) load with the panel.
linkingOf(model, { storage: extensionStorage });
void model.worker.load();

const root = document.getElementById('app');
if (root) {
  render(
    <ModelContext.Provider value={model}>
      <App />
    </ModelContext.Provider>,
    root,
  );
}
