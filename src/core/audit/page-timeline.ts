// Which document made a fetch or XHR, from the page's own Resource Timing. A document's
// performance timeline lists the requests that document made, and only those: a dedicated or
// shared Worker has a timeline of its own. So a fetch/XHR DevTools saw that no frame's timeline
// lists was sent from outside the page's documents — a Worker, which the tracker's fetch/XHR patch
// (installed in the page's window) never sees. Both Chromium and Firefox keep these timelines; no
// URL shape, stack or browser-private HAR field is guessed from.
//
// The claim is made only when the timelines can be trusted to be whole: every frame readable
// (same-origin), no buffer that may have filled (250 entries by default; later entries are then
// dropped), the top document past DOMContentLoaded and no sign that the page cleared its timeline
// (performance.clearResourceTimings, used by some RUM scripts: the entries it loaded with are gone). Otherwise the answer is
// "unknown", and the verdict keeps the reason that names every way around the tracker.

import { isTrackerIngestUrl } from '../session/network-tokens.ts';
import { isFetchOrXhr, type CapturedRequest } from './types.ts';

/** URLs per evaluation. */
export const TIMELINE_BATCH = 100;
/** The default Resource Timing buffer size: a timeline this long may have dropped entries. */
export const TIMELINE_FULL = 250;
/**
 * Long URLs are named to the page by their head, length and tail: the expression stays small (it
 * crosses to the page and back on the panel's thread) and a pair of URLs differing only in a
 * query parameter still differs. Two URLs alike in all three would both count as the document's,
 * the answer that claims nothing.
 */
const KEY_PART = 256;

export function timelineKey(url: string): string {
  if (url.length <= 2 * KEY_PART) return url;
  return `${url.slice(0, KEY_PART)}\u0000${url.length}\u0000${url.slice(url.length - KEY_PART)}`;
}

export type MadeBy = 'document' | 'elsewhere' | 'unknown';

function jsLiteral(v: unknown): string {
  return JSON.stringify(v)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A read-only expression for inspectedWindow.eval in the top frame: which of `urls` a fetch or XHR
 * of the page's documents (the top frame and its same-origin frames) requested, and whether those
 * timelines are whole. Bounded: at most 20 frames, 3 levels deep, `TIMELINE_FULL` entries each.
 */
export function timelineExpression(urls: readonly string[]): string {
  const list = urls.slice(0, TIMELINE_BATCH).map(timelineKey);
  return `(function (urls) {
  'use strict';
  var FULL = ${TIMELINE_FULL}, PART = ${KEY_PART}, wanted = {}, found = {}, whole = true, frames = 0;
  function key(n) {
    return n.length <= 2 * PART ? n : n.slice(0, PART) + '\\u0000' + n.length + '\\u0000' + n.slice(n.length - PART);
  }
  for (var i = 0; i < urls.length; i++) wanted[urls[i]] = true;
  function visit(w, depth) {
    var entries, loaded;
    try {
      var perf = w.performance;
      entries = perf.getEntriesByType('resource');
      var nav = perf.getEntriesByType('navigation')[0];
      loaded = nav ? nav.domContentLoadedEventEnd : 0;
    } catch (e) { whole = false; return; }
    var n = entries ? entries.length : 0;
    if (typeof n !== 'number' || n >= FULL) { whole = false; n = Math.min(n >>> 0, FULL); }
    // The top document keeps what it loaded with, unless the buffer was cleared since.
    if (depth === 0 && !(n > 0 && loaded > 0 && entries[0].startTime <= loaded)) whole = false;
    for (var j = 0; j < n; j++) {
      var e = entries[j], t = e.initiatorType;
      if (t !== 'fetch' && t !== 'xmlhttprequest') continue;
      var name = String(e.name), hash = name.indexOf('#');
      if (hash >= 0) name = name.slice(0, hash);
      name = key(name);
      if (wanted[name] === true) found[name] = true;
    }
    var count;
    try { count = w.frames.length; } catch (e) { whole = false; return; }
    for (var k = 0; k < count; k++) {
      if (++frames > 20 || depth >= 3) { whole = false; return; }
      visit(w.frames[k], depth + 1);
    }
  }
  try { visit(window, 0); } catch (e) { return null; }
  var made = [];
  for (var m = 0; m < urls.length; m++) made.push(found[urls[m]] === true);
  var origin;
  try { origin = Number(window.performance.timeOrigin); } catch (e) { origin = NaN; }
  return { v: 1, whole: whole, made: made, origin: origin };
})(${jsLiteral(list)})`;
}

export interface TimelineReply {
  /** Epoch ms the top document started at: a request that started earlier was another document's. */
  timeOrigin: number;
  madeBy: Map<string, MadeBy>;
}

/** The page's reply, checked like any page value: anything malformed answers "unknown" for every URL. */
export function interpretTimelineReply(value: unknown, urls: readonly string[]): TimelineReply {
  const madeBy = new Map<string, MadeBy>();
  const asked = urls.slice(0, TIMELINE_BATCH);
  const reply = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  const made = reply?.['made'];
  const origin = reply?.['origin'];
  const timeOrigin = typeof origin === 'number' && Number.isFinite(origin) && origin > 0 ? origin : Infinity;
  const valid = reply !== null && reply['v'] === 1 && Array.isArray(made) && made.length === asked.length;
  const whole = valid && reply['whole'] === true;
  asked.forEach((url, i) => {
    const m = valid ? (made as unknown[])[i] : undefined;
    madeBy.set(url, m === true ? 'document' : m === false && whole ? 'elsewhere' : 'unknown');
  });
  return { timeOrigin, madeBy };
}

/**
 * The requests worth asking about: fetches and XHRs that got a final response (a failed request and
 * a redirect hop leave no entry of their own under their URL), not the tracker's own traffic, and
 * not the target of a redirect (the timeline names a redirected request by its first URL).
 */
export function timelineCandidates(
  reqs: readonly CapturedRequest[],
  redirected: ReadonlySet<string>,
): CapturedRequest[] {
  return reqs.filter(
    (r) =>
      isFetchOrXhr(r.resourceType) &&
      r.status >= 200 &&
      (r.status < 300 || r.status >= 400) &&
      (r.url.startsWith('http:') || r.url.startsWith('https:')) &&
      !redirected.has(r.url) &&
      !isTrackerIngestUrl(r.url),
  );
}

/** Who made one request, by the reply: a request older than the document that answered is unknown. */
export function madeByOf(req: CapturedRequest, reply: TimelineReply): MadeBy {
  if (!(req.startedAt >= reply.timeOrigin)) return 'unknown';
  return reply.madeBy.get(req.url) ?? 'unknown';
}
