// End-to-end propagation verdict per endpoint: the header was sent (the audit saw it), and did the
// backend tag its log lines with it? Judged from the lines a search returned in the window after
// each request that carried the token.
//
// Which tag a line carries is line-tag.ts; the verdict's words are tagging-verdict.ts.
//
// Limits (what a search can and cannot show):
// - A search returns only lines that match the tag query. SumoLogic matches keywords without case,
//   so lines with a wrongly cased tag name (`openreplaysessiontoken=`) DO come back, and are told
//   apart here. A cut-off token comes back only when the cut falls on a term boundary of the query
//   (SumoLogic splits terms at punctuation such as `.`); a cut in the middle of a term does not.
// - A line that writes the token under an unrelated name (`sessionToken=…`) does not match the query
//   and is invisible: such an endpoint shows as "no line at all". It is recognized only when such a
//   line comes back anyway (it also carries the tag elsewhere, e.g. the session-id tag).
// - An endpoint that logs nothing at all looks the same as one that logs without the tag.

import { endpointKey, templateOf } from '../audit/path-template.ts';
import type { AuditEntry, CapturedRequest } from '../audit/types.ts';
import { extractRequestHint, matchHint, namesEndpoint, type RequestHint } from './hint.ts';
import { clampSkew, logTimeOf, lowerBound, requestEnd } from './link.ts';
import { lineTag, type LineTag, type LineTagOptions } from './line-tag.ts';
import { carriesSessionCached } from './session-match.ts';
import {
  judgeTagging,
  NOT_JUDGED,
  type LineCounts,
  type TaggingStatus,
  type TaggingVerdict,
} from './tagging-verdict.ts';

export interface TaggingLine {
  raw: string;
  messageTime?: number | undefined;
  receiptTime?: number | undefined;
}

export const DEFAULT_TAGGING_WINDOW_MS = 10_000;

export interface TaggingOptions extends LineTagOptions {
  /** How long after a request's end its lines may arrive. Default 10 s. */
  windowMs?: number;
  skewMs?: number;
  /** The end of the searched time range: requests whose window reaches past it are not judged yet. */
  searchedTo?: number | undefined;
  /** Whether a search has results to judge against at all. */
  searched?: boolean;
}

export interface EndpointTagging extends TaggingVerdict {
  /** `METHOD origin+template`. */
  endpoint: string;
  method: string;
  origin: string;
  template: string;
  /** Requests to this endpoint the audit holds. */
  requests: number;
  /** Of them, those that sent the searched token: the "header sent" side. */
  withToken: number;
  /** Ids of the requests that sent the token, oldest first. */
  requestIds: string[];
}

interface PreparedLine {
  time: number;
  hint: RequestHint;
  tag: LineTag;
}

interface EndpointAcc {
  endpoint: string;
  method: string;
  origin: string;
  template: string;
  requests: number;
  carrying: CapturedRequest[];
}

/** A request the browser never completed (blocked by CORS, network error) wrote nothing on the backend. */
function reachedBackend(req: CapturedRequest): boolean {
  return req.status > 0;
}

const STATUS_ORDER: Readonly<Record<TaggingStatus, number>> = {
  'not-tagged': 0,
  'probably-tagged': 1,
  'not-searched': 2,
  tagged: 3,
};

/**
 * Per endpoint that carried the token: did the backend tag its lines? Lines are attributed to an
 * endpoint when they name its method/path (as linking does) within [start − skew, end + skew + window]
 * of one of its requests; lines naming no path only make it "probably tagged".
 */
export function endpointTagging(
  entries: readonly AuditEntry[],
  logLines: readonly TaggingLine[],
  options: TaggingOptions,
): EndpointTagging[] {
  const skewMs = clampSkew(options.skewMs);
  const windowMs = Math.max(0, options.windowMs ?? DEFAULT_TAGGING_WINDOW_MS);
  const key = { token: options.token, sessionId: options.sessionId };

  const byEndpoint = new Map<string, EndpointAcc>();
  for (const { req } of entries) {
    const k = req.endpoint ?? endpointKey(req);
    let acc = byEndpoint.get(k);
    if (acc === undefined) {
      byEndpoint.set(
        k,
        (acc = {
          endpoint: k,
          method: req.method,
          origin: req.origin,
          template: templateOf(req),
          requests: 0,
          carrying: [],
        }),
      );
    }
    acc.requests++;
    if (carriesSessionCached(req, key)) acc.carrying.push(req);
  }

  const lines: PreparedLine[] = [];
  for (const line of logLines) {
    const time = logTimeOf(line);
    if (time === undefined) continue;
    const tag = lineTag(line.raw, options);
    if (tag.kind === 'none') continue;
    lines.push({ time, hint: extractRequestHint(line.raw), tag });
  }
  lines.sort((a, b) => a.time - b.time);
  const times = lines.map((l) => l.time);

  // A line that names no path can only be tied to a request by time: it counts for the request
  // that started last before it (among all requests that carried the token), never for several.
  const received = [...byEndpoint.values()]
    .flatMap((acc) => acc.carrying.filter(reachedBackend))
    .sort((a, b) => a.startedAt - b.startedAt);
  // (Clock skew shifts every request alike, so it does not change which one started last.)
  const starts = received.map((r) => r.startedAt);
  const ownerOfPathless = new Map<PreparedLine, string>();
  for (const line of lines) {
    const owner = received[lowerBound(starts, line.time + 1) - 1] ?? received[0];
    if (owner !== undefined) ownerOfPathless.set(line, owner.id);
  }

  const rows: EndpointTagging[] = [];
  for (const acc of byEndpoint.values()) {
    if (acc.carrying.length === 0) continue;
    acc.carrying.sort((a, b) => a.startedAt - b.startedAt);
    const base = {
      endpoint: acc.endpoint,
      method: acc.method,
      origin: acc.origin,
      template: acc.template,
      requests: acc.requests,
      withToken: acc.carrying.length,
      requestIds: acc.carrying.map((r) => r.id),
    };
    if (options.searched === false) {
      rows.push({ ...base, ...NOT_JUDGED['no-search'] });
      continue;
    }
    // A request is judged once the search's range reached its end (its lines are written by then);
    // the window after it may be covered only in part
    // (a search right after a click): said in the detail rather than waited for.
    const searchedTo = options.searchedTo;
    const reached = acc.carrying.filter(reachedBackend);
    if (reached.length === 0) {
      rows.push({ ...base, ...NOT_JUDGED['not-received'] });
      continue;
    }
    const judged = reached.filter((r) => searchedTo === undefined || requestEnd(r) <= searchedTo);
    const partial = searchedTo !== undefined && judged.some((r) => requestEnd(r) + skewMs + windowMs > searchedTo);
    if (judged.length === 0) {
      rows.push({ ...base, ...NOT_JUDGED['after-search'] });
      continue;
    }
    const counts: LineCounts = { tagged: 0, unattributedTagged: 0, wrong: 0 };
    const counted = new Set<PreparedLine>();
    for (const req of judged) {
      const from = req.startedAt - skewMs;
      const to = requestEnd(req) + skewMs + windowMs;
      for (let i = lowerBound(times, from); i < lines.length && (lines[i] as PreparedLine).time <= to; i++) {
        const line = lines[i] as PreparedLine;
        if (counted.has(line)) continue;
        const match = matchHint(line.hint, req);
        if (match === 'none') continue;
        const attributed = namesEndpoint(match);
        if (!attributed && ownerOfPathless.get(line) !== req.id) continue;
        counted.add(line);
        if (line.tag.kind === 'exact') {
          if (attributed) counts.tagged++;
          else counts.unattributedTagged++;
        } else if (line.tag.kind === 'issue') {
          if (attributed) {
            counts.wrong++;
            counts.firstWrong ??= line.tag;
          } else counts.unattributedWrong ??= line.tag;
        }
      }
    }
    rows.push({
      ...base,
      ...judgeTagging(counts, { judged: judged.length, token: options.token, windowMs, partial }),
    });
  }
  return rows.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      b.withToken - a.withToken ||
      (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0),
  );
}

/** The words a flagged row shows. */
export const NOT_TAGGING_LABEL = 'backend not tagging';
