import type { DemoPageConfig } from '../page-config.ts';

// Tracker setups for the audit lab page (`/audit.html?case=…`): each is one thing a real team
// configures, and the requests the page then makes. The e2e tests assert the panel's verdicts.

export type AuditCase =
  | 'include'
  | 'exclude'
  | 'throws'
  | 'slow'
  | 'custom-header'
  | 'header-off'
  | 'no-matcher'
  | 'sampled'
  | 'saved-fetch'
  | 'axios-name'
  | 'unreachable';

export const AUDIT_CASES: readonly AuditCase[] = [
  'include',
  'exclude',
  'throws',
  'slow',
  'custom-header',
  'header-off',
  'no-matcher',
  'sampled',
  'saved-fetch',
  'axios-name',
  'unreachable',
];

export { SAMPLED_OUT_PROJECT_KEY } from '../page-config.ts';

export interface NetworkOptions {
  sessionTokenHeader?: boolean | string;
  tokenUrlMatcher?: (url: string) => boolean;
}

function sameOriginApi(url: string): boolean {
  const u = new URL(url, location.href);
  return u.origin === location.origin && u.pathname.startsWith('/api/');
}

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // A matcher that does real work on the main thread (parsing a big allow-list, say).
  }
}

export function networkOptions(c: AuditCase): NetworkOptions {
  switch (c) {
    case 'include':
    case 'saved-fetch':
    case 'unreachable':
      return { sessionTokenHeader: true, tokenUrlMatcher: sameOriginApi };
    case 'exclude':
      return { sessionTokenHeader: true, tokenUrlMatcher: (url) => sameOriginApi(url) && !url.includes('/api/health') };
    case 'throws':
      return {
        sessionTokenHeader: true,
        tokenUrlMatcher: (url) => {
          if (url.includes('/api/legacy/')) throw new TypeError('allow-list not loaded');
          return sameOriginApi(url);
        },
      };
    case 'slow':
      return {
        sessionTokenHeader: true,
        tokenUrlMatcher: (url) => {
          busyWait(200);
          return sameOriginApi(url);
        },
      };
    case 'custom-header':
      return { sessionTokenHeader: 'X-Session-Replay', tokenUrlMatcher: sameOriginApi };
    case 'header-off':
    case 'axios-name':
      return {};
    case 'no-matcher':
    case 'sampled':
      return { sessionTokenHeader: true };
  }
}

export interface Call {
  url: string;
  /** Made with a `fetch` kept from before the tracker started: the tracker's patch never sees it. */
  saved?: boolean;
  headers?: Record<string, string>;
}

/** The requests the page makes once the tracker's start has been answered. */
export function calls(c: AuditCase, config: DemoPageConfig, token: () => string | undefined): Call[] {
  const api = (path: string) => new URL(path, location.href).href;
  switch (c) {
    case 'include':
    case 'exclude':
      return [{ url: api('/api/users/42') }, { url: api('/api/health') }];
    case 'throws':
      return [{ url: api('/api/users/42') }, { url: api('/api/legacy/report'), saved: true }];
    case 'slow':
      return [{ url: api('/api/users/42') }, { url: api('/api/health'), saved: true }];
    case 'custom-header':
    case 'header-off':
    case 'sampled':
      return [{ url: api('/api/users/42') }];
    case 'no-matcher':
      return [{ url: api('/api/users/42') }, { url: `${config.openOrigin}/partner/rates` }];
    case 'saved-fetch':
      return [{ url: api('/api/users/42'), saved: true }];
    case 'axios-name':
      return [{ url: api('/api/users/42'), headers: { 'X-OpenReplay-Session-Token': token() ?? '' } }];
    case 'unreachable':
      return [{ url: api('/api/users/7') }];
  }
}

export function isAuditCase(v: string | null): v is AuditCase {
  return v !== null && (AUDIT_CASES as readonly string[]).includes(v);
}
