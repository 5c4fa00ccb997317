import { DevtoolsHost } from './host.ts';
import { channelTransport } from '../shared/transport.ts';
import { offerFrameLink } from '../shared/frame-link.ts';
import { tabChannelName, type DevtoolsToPanel, type PanelToDevtools } from '../shared/protocol.ts';

/**
 * The devtools page lives from the moment DevTools opens until it closes, unlike the panel
 * document (created when first shown). So it registers the panel and hosts the per-tab model.
 */
const host = new DevtoolsHost(
  chrome.devtools,
  offerFrameLink(
    window,
    channelTransport<DevtoolsToPanel, PanelToDevtools>(tabChannelName(chrome.devtools.inspectedWindow.tabId)),
  ),
);
void host.start();
// The demo/test build lets the benchmark reach the host; the store build exposes nothing.
if (__REPLAY_LINK_DEMO__) (globalThis as unknown as { __replayLinkHost: DevtoolsHost }).__replayLinkHost = host;

chrome.devtools.panels.create('Replay Link', '/icons/icon-32.png', '/src/panel/panel.html', (panel) => {
  panel.onShown.addListener(() => host.setPanelVisible(true));
  panel.onHidden.addListener(() => host.setPanelVisible(false));
});
