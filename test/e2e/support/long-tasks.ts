// The panel's long tasks, seen from inside the panel (PerformanceObserver 'longtask'): printed by
// the e2e tests and the flood bench, never asserted.
import type { Frame } from 'playwright-core';

export interface LongTasks {
  longestMs: number;
  /** Tasks over 50 ms since the watch began. */
  over50: number;
}

/** Starts (or restarts) counting the panel's long tasks from now. */
export async function watchLongTasks(panel: Frame): Promise<void> {
  await panel.evaluate(() => {
    const w = window as unknown as { __longest: number; __longTasks: number; __lt?: PerformanceObserver };
    w.__longest = 0;
    w.__longTasks = 0;
    w.__lt?.disconnect();
    w.__lt = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__longTasks++;
        w.__longest = Math.max(w.__longest, e.duration);
      }
    });
    w.__lt.observe({ type: 'longtask' });
  });
}

/** The long tasks since `watchLongTasks`. */
export async function longTasks(panel: Frame): Promise<LongTasks> {
  // A task still running is reported when it ends: let the thread go idle first.
  await panel.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  return panel.evaluate(() => {
    const w = window as unknown as { __longest: number; __longTasks: number };
    return { longestMs: Math.round(w.__longest), over50: w.__longTasks };
  });
}
