// Links out of the panel: the replay in OpenReplay at a request's moment, and the SumoLogic search
// narrowed to an error's time.

import { uiSearchUrl } from '../search/query.ts';
import { safeHttpUrl } from '../safe-url.ts';

/**
 * The session URL with `jumpto=<ms since the session start>`, the parameter the tracker's own
 * `getSessionURL({ withCurrentTime: true })` appends. Without a known start the plain URL is
 * returned (the replay opens at its beginning). null for anything but an http(s) URL.
 */
export function openReplayAtTime(sessionUrl: string, atMs: number, sessionStartMs: number | undefined): string | null {
  const href = safeHttpUrl(sessionUrl);
  if (href === null) return null;
  const url = new URL(href);
  url.searchParams.delete('jumpto');
  if (sessionStartMs !== undefined && Number.isFinite(sessionStartMs) && Number.isFinite(atMs)) {
    url.searchParams.set('jumpto', String(Math.max(0, Math.round(atMs - sessionStartMs))));
  }
  return url.toString();
}

export const DEFAULT_SUMO_MARGIN_MS = 60_000;

export interface SumoAtTimeInput {
  /** The deployment's UI host (`service.sumologic.com`), or any SumoLogic UI URL of it (the search's own deep link). */
  ui: string;
  /** The search's query, as the background built it (tag clause and scope). */
  query: string;
  /** The error's time. */
  atMs: number;
  /** Margin before and after; default 1 min each. */
  beforeMs?: number;
  afterMs?: number;
}

/** The SumoLogic UI search for the same query, narrowed to a few minutes around one error; null without a UI. */
export function sumoSearchAtTime(input: SumoAtTimeInput): string | null {
  if (input.ui.trim() === '' || !Number.isFinite(input.atMs)) return null;
  let host = input.ui.trim();
  if (/^https?:\/\//i.test(host)) {
    try {
      host = new URL(host).origin;
    } catch {
      return null;
    }
  }
  const before = Math.max(0, input.beforeMs ?? DEFAULT_SUMO_MARGIN_MS);
  const after = Math.max(0, input.afterMs ?? DEFAULT_SUMO_MARGIN_MS);
  return uiSearchUrl(host, input.query, input.atMs - before, input.atMs + after);
}
