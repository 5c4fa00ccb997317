import Tracker from '@openreplay/tracker';
import type { DemoPageConfig } from '../page-config.ts';

/**
 * Which URLs get the session token header: same-origin API calls and both partner origins (which
 * is what makes the strict partner's preflight block its call). The health check is accepted too,
 * but the page calls it with a fetch saved before the tracker started: the audit calls it missing.
 */
export function tokenUrlMatcher(config: DemoPageConfig): (url: string) => boolean {
  return (url) => {
    let target: URL;
    try {
      target = new URL(url, location.href);
    } catch {
      return false;
    }
    if (target.origin === location.origin) return target.pathname.startsWith('/api/');
    return target.origin === config.strictOrigin || target.origin === config.openOrigin;
  };
}

export function createDemoTracker(config: DemoPageConfig, extra: { isSnippet?: boolean } = {}): Tracker {
  return new Tracker({
    projectKey: config.projectKey,
    ingestPoint: config.ingestUrl,
    __DISABLE_SECURE_MODE: true,
    respectDoNotTrack: false,
    network: {
      sessionTokenHeader: true,
      tokenUrlMatcher: tokenUrlMatcher(config),
      capturePayload: true,
      failuresOnly: false,
      ignoreHeaders: ['cookie', 'set-cookie', 'authorization'],
      captureInIframes: true,
    },
    ...(extra.isSnippet ? { __is_snippet: true } : {}),
  });
}

/** Batches otherwise leave every 30 s; the demo wants /v1/web/i traffic to show up quickly. */
export function keepBatchesFlowing(tracker: Tracker, everyMs = 3000): void {
  setInterval(() => tracker.forceFlushBatch(), everyMs);
}
