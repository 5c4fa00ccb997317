import { render } from 'preact';
import { App } from './App.tsx';
import { applyTheme, currentTheme, followTheme } from './theme.ts';
import { ModelContext, createPanelModel } from './state/model.ts';
import { channelTransport } from '../shared/transport.ts';
import { connectFrameLink } from '../shared/frame-link.ts';
import { backgroundTransport } from '../shared/port-transport.ts';
import { PANEL_PORT, tabChannelName } from '../shared/protocol.ts';
import { extensionStorage } from './state/site-storage.ts';

applyTheme(currentTheme());
followTheme(applyTheme);

const model = createPanelModel({
  devtools: connectFrameLink(window, channelTransport(tabChannelName(chrome.devtools.inspectedWindow.tabId))),
  background: backgroundTransport(PANEL_PORT, () => model.worker.backgroundLost()),
  storage: extensionStorage,
});
model.devtools.connect();
void model.worker.load();
// The panel document goes when DevTools closes: stop timers and close the pipes with it.
window.addEventListener('pagehide', () => model.dispose(), { once: true });

const root = document.getElementById('app');
if (root) {
  render(
    <ModelContext.Provider value={model}>
      <App />
    </ModelContext.Provider>,
    root,
  );
}
