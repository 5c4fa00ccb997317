import browser, { type Runtime } from 'webextension-polyfill';
import type { Transport } from './transport.ts';

/**
 * A runtime port to the background that reconnects when the service worker is stopped and
 * restarted (MV3 kills idle workers); messages posted while reconnecting are queued.
 */
export function backgroundTransport<Out, In>(name: string, onReconnect?: () => void): Transport<Out, In> {
  const listeners = new Set<(message: In) => void>();
  let port: Runtime.Port | null = null;
  let closed = false;
  const queue: Out[] = [];

  const connect = () => {
    port = browser.runtime.connect({ name });
    port.onMessage.addListener((message: unknown) => {
      for (const listener of listeners) listener(message as In);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (closed) return;
      setTimeout(() => {
        connect();
        // Whatever the old worker was doing for us (a search) is gone with it.
        onReconnect?.();
      }, 100);
    });
    while (queue.length && port) port.postMessage(queue.shift());
  };
  connect();

  return {
    post(message) {
      if (port) port.postMessage(message);
      else queue.push(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      port?.disconnect();
    },
  };
}
