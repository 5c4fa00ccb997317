import browser from 'webextension-polyfill';

/**
 * The devtools page lives from the moment DevTools opens until it closes, unlike the panel
 * document (created when first shown). So it registers the panel and hosts the per-tab model.
 */
async function main(): Promise<void> {
  const panel = await browser.devtools.panels.create('Replay Link', '/icons/icon-32.png', '/src/panel/panel.html');
  void panel;
}

void main();
