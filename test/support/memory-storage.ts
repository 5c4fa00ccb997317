import type { KeyValueStorage } from '../../src/panel/state/site-storage.ts';

/** The panel's storage, in memory. */
export function memoryStorage(initial: Record<string, unknown> = {}): KeyValueStorage {
  const data = new Map(Object.entries(initial));
  return {
    get: async (key) => data.get(key),
    set: async (key, value) => void data.set(key, value),
  };
}
