// The Replay link is whatever the page's `getSessionURL()` returns: the page could point it
// anywhere. The tracker builds it from its ingest point (self-hosted) or OpenReplay's cloud app,
// so a link elsewhere is only the page's claim.

import { DEFAULT_INGEST } from './network-tokens.ts';

export const OPENREPLAY_APP_HOST = 'app.openreplay.com';

export interface ReplayLinkCheck {
  /** The link's host is the tracker's ingest host or OpenReplay's cloud app host. */
  expected: boolean;
  /** The link's host, as the URL parser gives it ('' when it does not parse). */
  host: string;
  /** What to say beside the link when it is not expected. */
  note: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Whether the page's Replay link goes where the tracker would have built it to go. */
export function checkReplayLink(sessionUrl: string, ingestUrls: readonly string[]): ReplayLinkCheck {
  const host = hostOf(sessionUrl);
  const known = ingestUrls.map(hostOf).filter((h) => h !== '' && h !== hostOf(DEFAULT_INGEST));
  if (host !== '' && (host === OPENREPLAY_APP_HOST || known.includes(host))) return { expected: true, host, note: '' };
  const where =
    known.length > 0 ? `the tracker's ingest host (${known.join(', ')})` : "the tracker's ingest host (not seen yet)";
  return {
    expected: false,
    host,
    note: `the page's claim: ${host || 'this link'} is neither ${where} nor OpenReplay's app (${OPENREPLAY_APP_HOST}) — check it before you open it`,
  };
}
