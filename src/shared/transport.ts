/**
 * The one way the extension's parts talk: a typed, two-way message pipe. Panel code only sees this
 * interface, so component tests can hand it a fake instead of a real port or channel.
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

/** An in-memory pair for tests: what one side posts, the other side receives. */
export function fakeTransportPair<A, B>(): [Transport<A, B>, Transport<B, A>] {
  const toA = new Set<(m: B) => void>();
  const toB = new Set<(m: A) => void>();
  const a: Transport<A, B> = {
    post: (m) => queueMicrotask(() => toB.forEach((l) => l(structuredClone(m)))),
    subscribe: (l) => (toA.add(l), () => toA.delete(l)),
    close: () => toA.clear(),
  };
  const b: Transport<B, A> = {
    post: (m) => queueMicrotask(() => toA.forEach((l) => l(structuredClone(m)))),
    subscribe: (l) => (toB.add(l), () => toB.delete(l)),
    close: () => toB.clear(),
  };
  return [a, b];
}
