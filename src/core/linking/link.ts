// Each backend error attached to the request(s) it most likely belongs to: same session, a log time
// inside the request's start..end widened by the clock-skew tolerance, and — when the line names
// a method or path — the matching endpoint. Ambiguity is reported, never resolved by guessing.

import type { AuditEntry, CapturedRequest } from '../audit/types.ts';
import {
  extractRequestHint,
  HINT_MATCH_RANK,
  matchHint,
  namesEndpoint,
  type HintMatch,
  type RequestHint,
} from './hint.ts';
import { entriesCarryingSession, type SessionKey } from './session-match.ts';

/** What linking needs of a log entry (a core/logs LogEntry fits). */
export interface LinkableLog {
  raw: string;
  messageTime?: number | undefined;
  receiptTime?: number | undefined;
  classification?: { isError: boolean };
}

export const DEFAULT_SKEW_MS = 2_000;
export const MAX_SKEW_MS = 10 * 60_000;

export interface LinkOptions extends SessionKey {
  /** Tolerance for clock skew between browser and backend, added on both sides of a request. */
  skewMs?: number;
  /** Link every given line, not only errors. Default false. */
  allLines?: boolean;
}

export interface Candidate {
  requestId: string;
  match: HintMatch;
  /** null when the line names no status or the request got no response. */
  statusMatch: boolean | null;
  /** 0 inside the request's start..end; else how far outside, in ms. */
  distanceMs: number;
}

export type LinkOutcome =
  | 'linked'
  /** More than one request fits equally well: all are candidates. */
  | 'ambiguous'
  /** No request of this session was running around the line's time. */
  | 'no-request-in-window'
  /** Requests were running, but the line names another endpoint. */
  | 'no-endpoint-match'
  /** The line has no time (neither message nor receipt time). */
  | 'no-time';

export interface ErrorLink<L extends LinkableLog = LinkableLog> {
  /** Position among the given log entries. */
  index: number;
  log: L;
  time: number | undefined;
  hint: RequestHint;
  /** Best first. */
  candidates: Candidate[];
  ambiguous: boolean;
  outcome: LinkOutcome;
  /** Requests of this session in the time window, before matching the endpoint. */
  inWindow: number;
}

export interface RequestLinkRef {
  /** Position in `Linking.errors`. */
  error: number;
  /** 0 = best candidate. */
  rank: number;
  /** How many candidates the error has (> 1: ambiguous). */
  of: number;
}

export interface Linking<L extends LinkableLog = LinkableLog> {
  errors: ErrorLink<L>[];
  /** Request id → the errors that name it as a candidate. */
  byRequest: Map<string, RequestLinkRef[]>;
  skewMs: number;
}

export function logTimeOf(log: Pick<LinkableLog, 'messageTime' | 'receiptTime'>): number | undefined {
  return log.messageTime ?? log.receiptTime;
}

export function requestEnd(req: Pick<CapturedRequest, 'startedAt' | 'durationMs'>): number {
  return req.startedAt + Math.max(0, Number.isFinite(req.durationMs) ? req.durationMs : 0);
}

export function clampSkew(skewMs: number | undefined): number {
  if (skewMs === undefined || !Number.isFinite(skewMs)) return DEFAULT_SKEW_MS;
  return Math.min(Math.max(0, Math.round(skewMs)), MAX_SKEW_MS);
}

/** Requests sorted by start, with the longest duration, so a time lookup scans only a slice. */
export class RequestTimeline {
  readonly reqs: CapturedRequest[];
  readonly #starts: number[];
  readonly #longest: number;

  constructor(reqs: readonly CapturedRequest[]) {
    this.reqs = [...reqs].sort((a, b) => a.startedAt - b.startedAt);
    this.#starts = this.reqs.map((r) => r.startedAt);
    let longest = 0;
    for (const r of this.reqs) longest = Math.max(longest, requestEnd(r) - r.startedAt);
    this.#longest = longest;
  }

  /** Requests whose [start − before, end + after] contains t. */
  around(t: number, before: number, after: number): CapturedRequest[] {
    // start ≤ t + before, and end ≥ t − after, so start ≥ t − after − longest.
    let hi = upperBound(this.#starts, t + before);
    const out: CapturedRequest[] = [];
    const floor = t - after - this.#longest;
    while (hi > 0) {
      const r = this.reqs[--hi] as CapturedRequest;
      if (r.startedAt < floor) break;
      if (requestEnd(r) + after >= t) out.push(r);
    }
    return out.reverse();
  }
}

/** First index whose value is ≥ x. */
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x. */
export function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function distance(t: number, req: CapturedRequest): number {
  if (t < req.startedAt) return req.startedAt - t;
  const end = requestEnd(req);
  return t > end ? t - end : 0;
}

/** Ranks the requests around one line; see the file comment for the rules. */
export function candidatesFor(
  hint: RequestHint,
  t: number,
  around: readonly CapturedRequest[],
): { candidates: Candidate[]; outcome: LinkOutcome } {
  if (around.length === 0) return { candidates: [], outcome: 'no-request-in-window' };
  let scored = around.map((req) => ({
    req,
    match: matchHint(hint, req),
    statusMatch: hint.status === undefined || req.status === 0 ? null : hint.status === req.status,
    distanceMs: distance(t, req),
  }));
  scored = scored.filter((s) => s.match !== 'none');
  if (scored.length === 0) return { candidates: [], outcome: 'no-endpoint-match' };
  // Only the best kind of match counts: a line naming POST /api/checkout is not "maybe" GET /api/users.
  const best = Math.max(...scored.map((s) => HINT_MATCH_RANK[s.match]));
  scored = scored.filter((s) => HINT_MATCH_RANK[s.match] === best);
  // A status the line names must agree, when any request agrees (a proxy may rewrite it otherwise).
  if (scored.some((s) => s.statusMatch === true)) scored = scored.filter((s) => s.statusMatch !== false);
  scored.sort((a, b) => a.distanceMs - b.distanceMs || a.req.startedAt - b.req.startedAt);
  const candidates = scored.map((s) => ({
    requestId: s.req.id,
    match: s.match,
    statusMatch: s.statusMatch,
    distanceMs: s.distanceMs,
  }));
  // One request that was running when the line was written beats others that fit only through
  // the clock-skew tolerance: linked, with the others still listed. Two running ones: ambiguous.
  const running = scored.filter((s) => s.distanceMs === 0).length;
  return { candidates, outcome: candidates.length === 1 || running === 1 ? 'linked' : 'ambiguous' };
}

/**
 * Links backend errors (or every line, with `allLines`) to the requests of the session.
 * `requests` are the audit's entries; only those that carried the session's token or id count.
 */
// A log entry's text never changes, and the panel re-links the same entries each time a search
// brings more: the hint is read once per entry.
const hints = new WeakMap<LinkableLog, RequestHint>();

function hintOf(log: LinkableLog): RequestHint {
  let hint = hints.get(log);
  if (hint === undefined) hints.set(log, (hint = extractRequestHint(log.raw)));
  return hint;
}

export function linkErrors<L extends LinkableLog>(
  requests: readonly AuditEntry[],
  logEntries: readonly L[],
  options: LinkOptions = {},
): Linking<L> {
  const skewMs = clampSkew(options.skewMs);
  const timeline = new RequestTimeline(entriesCarryingSession(requests, options).map((e) => e.req));
  const errors: ErrorLink<L>[] = [];
  const byRequest = new Map<string, RequestLinkRef[]>();
  logEntries.forEach((log, index) => {
    if (options.allLines !== true && log.classification?.isError !== true) return;
    const hint = hintOf(log);
    const time = logTimeOf(log);
    if (time === undefined) {
      errors.push({ index, log, time, hint, candidates: [], ambiguous: false, outcome: 'no-time', inWindow: 0 });
      return;
    }
    const around = timeline.around(time, skewMs, skewMs);
    const { candidates, outcome } = candidatesFor(hint, time, around);
    const at = errors.length;
    errors.push({
      index,
      log,
      time,
      hint,
      candidates,
      ambiguous: outcome === 'ambiguous',
      outcome,
      inWindow: around.length,
    });
    candidates.forEach((c, rank) => {
      let refs = byRequest.get(c.requestId);
      if (refs === undefined) byRequest.set(c.requestId, (refs = []));
      refs.push({ error: at, rank, of: candidates.length });
    });
  });
  return { errors, byRequest, skewMs };
}

/** One line for people: "POST /api/checkout", "2 candidate requests", "no request of this session around 13:09:10". */
export function linkSummary(link: Pick<ErrorLink, 'outcome' | 'candidates' | 'hint' | 'inWindow'>): string {
  switch (link.outcome) {
    case 'linked': {
      const base =
        link.candidates[0] && namesEndpoint(link.candidates[0].match) ? 'linked to its request' : 'linked by time only';
      const others = link.candidates.length - 1;
      return others > 0
        ? `${base} (${others} other${others === 1 ? '' : 's'} only within the clock-skew tolerance)`
        : base;
    }
    case 'ambiguous':
      return `${link.candidates.length} candidate requests`;
    case 'no-request-in-window':
      return 'no request of this session around this time';
    case 'no-endpoint-match': {
      const named = [link.hint.method, link.hint.path].filter((x) => x !== undefined).join(' ');
      return `names ${named}, but none of the ${link.inWindow} request${link.inWindow === 1 ? '' : 's'} around this time went there`;
    }
    case 'no-time':
      return 'the line has no time';
  }
}
