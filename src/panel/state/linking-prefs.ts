import { effect, type Signal } from '@preact/signals';
import { clampSkew } from '../../core/linking/link.ts';
import { STORAGE_KEYS } from '../../shared/storage-keys.ts';
import { clampRefreshSeconds } from './auto-refresh.ts';
import type { KeyValueStorage } from './site-storage.ts';

/** The panel's own preferences for linking; one key, kept apart from the shared storage keys. */
export const LINKING_PREFS_KEY = STORAGE_KEYS.linkingPrefs;

export interface LinkingPrefs {
  skewMs: Signal<number>;
  windowMs: Signal<number>;
  refreshSeconds: Signal<number>;
}

/**
 * Loads the saved skew, tagging window and refresh interval into `prefs`, then saves every change.
 * Auto-refresh itself is never saved: it is off whenever the panel opens. Returns the stop function.
 */
export function persistLinkingPrefs(storage: KeyValueStorage | undefined, prefs: LinkingPrefs): () => void {
  let loaded = storage === undefined;
  void storage?.get(LINKING_PREFS_KEY).then((raw) => {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    if (typeof r.skewMs === 'number') prefs.skewMs.value = clampSkew(r.skewMs);
    if (typeof r.windowMs === 'number' && Number.isFinite(r.windowMs))
      prefs.windowMs.value = Math.min(Math.max(0, r.windowMs), 10 * 60_000);
    if (typeof r.refreshSeconds === 'number') prefs.refreshSeconds.value = clampRefreshSeconds(r.refreshSeconds);
    loaded = true;
  });
  return effect(() => {
    const value = {
      skewMs: prefs.skewMs.value,
      windowMs: prefs.windowMs.value,
      refreshSeconds: prefs.refreshSeconds.value,
    };
    if (loaded) void storage?.set(LINKING_PREFS_KEY, value);
  });
}
