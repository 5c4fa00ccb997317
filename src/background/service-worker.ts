import browser from 'webextension-polyfill';

browser.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((message: unknown) => {
    void message;
  });
});
