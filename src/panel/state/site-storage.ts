import browser from 'webextension-polyfill';

/** The little the panel stores itself (per-site audit scope, view preferences);
 * test/support/memory-storage.ts stands in for it in tests. */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export const extensionStorage: KeyValueStorage = {
  async get(key) {
    return (await browser.storage.local.get(key))[key];
  },
  async set(key, value) {
    await browser.storage.local.set({ [key]: value });
  },
};
