import type { Transport } from '../../src/shared/transport.ts';

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
