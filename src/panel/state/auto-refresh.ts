import { effect, signal } from '@preact/signals';
import { MIN_REFRESH_SECONDS } from '../../core/search/refusal.ts';
import type { SearchModel } from './search-model.ts';

export { MIN_REFRESH_SECONDS };
export const MAX_REFRESH_SECONDS = 600;
export const DEFAULT_REFRESH_SECONDS = 30;

export function clampRefreshSeconds(s: number): number {
  if (!Number.isFinite(s)) return DEFAULT_REFRESH_SECONDS;
  return Math.min(MAX_REFRESH_SECONDS, Math.max(MIN_REFRESH_SECONDS, Math.round(s)));
}

export interface TimerDeps {
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Keeps searching the session shown while the Timeline's auto-refresh is on, through the panel's one
 * search path (which never starts a search while one runs, nor sooner than MIN_REFRESH_SECONDS).
 */
export function createAutoRefresh(search: SearchModel, deps: TimerDeps = {}) {
  const autoRefresh = signal(false);
  const refreshSeconds = signal(DEFAULT_REFRESH_SECONDS);

  function tick(): void {
    if (autoRefresh.value) search.searchCurrentSession({ auto: true });
  }

  const setTimer = deps.setInterval ?? ((fn: () => void, ms: number) => globalThis.setInterval(fn, ms));
  const clearTimer =
    deps.clearInterval ?? ((h: unknown) => globalThis.clearInterval(h as ReturnType<typeof globalThis.setInterval>));
  const stop = effect(() => {
    if (!autoRefresh.value) return;
    const handle = setTimer(tick, clampRefreshSeconds(refreshSeconds.value) * 1000);
    return () => clearTimer(handle);
  });

  return { autoRefresh, refreshSeconds, tick, dispose: stop };
}
