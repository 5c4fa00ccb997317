/**
 * The one way the extension's parts talk: a typed, two-way message pipe. Panel code only sees this
 * interface, so tests can hand it a fake (test/support/fake-transport.ts) instead of a real port or channel.
 */
export interface Transport<Out, In> {
  post(message: Out): void;
  subscribe(listener: (message: In) => void): () => void;
  close(): void;
}

/** BroadcastChannel between the devtools page and the panel of the same inspected tab. */
export function channelTransport<Out, In>(name: string): Transport<Out, In> {
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: In) => void>();
  channel.onmessage = (event: MessageEvent<In>) => {
    for (const listener of listeners) listener(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
