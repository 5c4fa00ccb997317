// End-to-end propagation verdict per endpoint: the header was sent (the audit saw it), and did the
// backend tag its log lines with it? Judged from the lines a search returned in the window after
// each request that carried the token.
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
import { maskToken } from '../audit/mask.ts';
import { findTagIssues, recheckTag, type TagIssue } from '../logs/parse.ts';
import { isSessionIdTagName } from '../search/query.ts';
import { extractRequestHint, matchHint, namesEndpoint, type RequestHint } from './hint.ts';
import { clampSkew, logTimeOf, lowerBound, requestEnd } from './link.ts';
import { carriesSessionCached } from './session-match.ts';

export interface TaggingLine {
  raw: string;
  messageTime?: number | undefined;
  receiptTime?: number | undefined;
}

export const DEFAULT_TAGGING_WINDOW_MS = 10_000;

export interface TaggingOptions {
  /** The token the search looked for. */
  token: string;
  sessionId?: string | undefined;
  /** The tag names the search used (Settings → Search). */
  tagNames: readonly string[];
  /** How long after a request's end its lines may arrive. Default 10 s. */
  windowMs?: number;
  skewMs?: number;
  /** The end of the searched time range: requests whose window reaches past it are not judged yet. */
  searchedTo?: number | undefined;
  /** Whether a search has results to judge against at all. */
  searched?: boolean;
}

export type TaggingStatus = 'tagged' | 'probably-tagged' | 'not-tagged' | 'not-searched';

export type TaggingReason =
  | 'exact-tag'
  | 'unattributed-lines'
  | 'no-lines'
  | 'wrong-case-name'
  | 'truncated-token'
  | 'other-tag-name'
  | 'other-token'
  | 'wrong-case-value'
  | 'extended-token'
  | 'no-search'
  | 'after-search'
  | 'not-received';

export interface EndpointTagging {
  /** `METHOD origin+template`. */
  endpoint: string;
  method: string;
  origin: string;
  template: string;
  /** Requests to this endpoint the audit holds. */
  requests: number;
  /** Of them, those that sent the searched token: the "header sent" side. */
  withToken: number;
  status: TaggingStatus;
  reason: TaggingReason;
  /** One line for people; token values in it are masked. */
  detail: string;
  /** Lines attributed to this endpoint with the exact tag. */
  taggedLines: number;
  /** Lines attributed to this endpoint whose tag was wrong (any reason). */
  wrongLines: number;
  /** What was found for a wrong tag (tag name, or masked token), when there is one. */
  found?: string;
  /** Ids of the requests that sent the token, oldest first. */
  requestIds: string[];
}

type LineTag =
  { kind: 'exact' } | { kind: 'issue'; issue: TagIssue | { kind: 'other-tag-name'; found: string } } | { kind: 'none' };

const OTHER_NAME = /([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*[=:]\s*["']?$/;

/** The name written before the token when it is not one of ours: `sessionToken=<token>`. */
export function otherTagName(raw: string, token: string, tagNames: readonly string[]): string | undefined {
  if (token.length < 8) return undefined;
  const ours = new Set(tagNames.map((n) => n.toLowerCase()));
  for (let i = raw.indexOf(token); i !== -1; i = raw.indexOf(token, i + 1)) {
    const name = OTHER_NAME.exec(raw.slice(Math.max(0, i - 80), i))?.[1];
    if (name !== undefined && !ours.has(name.toLowerCase())) return name;
  }
  return undefined;
}

/** The best (most telling) tag state of one line, for one token and the search's tag names. */
export function lineTag(raw: string, options: Pick<TaggingOptions, 'token' | 'sessionId' | 'tagNames'>): LineTag {
  const issues: TagIssue[] = [];
  for (const tagName of options.tagNames) {
    const value = isSessionIdTagName(tagName) ? options.sessionId : options.token;
    if (value === undefined || value === '') continue;
    if (recheckTag(raw, tagName, value) === 'exact') return { kind: 'exact' };
    issues.push(...findTagIssues(raw, tagName, value));
  }
  // The most specific diagnosis first: a cut token or a wrong case says exactly what to fix.
  const order: TagIssue['kind'][] = [
    'truncated-token',
    'wrong-case-name',
    'wrong-case-value',
    'extended-token',
    'other-token',
  ];
  for (const kind of order) {
    const issue = issues.find((i) => i.kind === kind);
    if (issue) return { kind: 'issue', issue };
  }
  const other = otherTagName(raw, options.token, options.tagNames);
  if (other !== undefined) return { kind: 'issue', issue: { kind: 'other-tag-name', found: other } };
  return { kind: 'none' };
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

const ISSUE_TEXT: Readonly<Record<string, string>> = {
  'wrong-case-name': 'writes the tag name in another case',
  'wrong-case-value': 'writes the token in another case',
  'truncated-token': 'cuts the token off',
  'extended-token': 'adds characters after the token',
  'other-token': 'tags with another session token (stale or foreign)',
  'other-tag-name': 'writes the token under another tag name',
};

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function describeFound(issue: LineTag & { kind: 'issue' }, token: string): { found: string; text: string } {
  const i = issue.issue;
  switch (i.kind) {
    case 'wrong-case-name':
      return {
        found: i.found,
        text: `${ISSUE_TEXT[i.kind]} ("${i.found}=" instead of the exact name) — the exact-tag search and field extraction miss it`,
      };
    case 'truncated-token': {
      const kept = token.length - i.missingChars;
      return {
        found: maskToken(i.found),
        text: `${ISSUE_TEXT[i.kind]}: ${kept} of ${token.length} characters are logged`,
      };
    }
    case 'other-tag-name':
      return { found: i.found, text: `${ISSUE_TEXT[i.kind]} ("${i.found}=")` };
    default:
      return { found: maskToken(i.found), text: ISSUE_TEXT[i.kind] ?? i.kind };
  }
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
      rows.push({
        ...base,
        status: 'not-searched',
        reason: 'no-search',
        detail: 'not searched yet: run a backend search to check the tagging',
        taggedLines: 0,
        wrongLines: 0,
      });
      continue;
    }
    // A request is judged once the search's range reached its end (its lines are written by then);
    // the window after it may be covered only in part
    // (a search right after a click): said in the detail rather than waited for.
    const searchedTo = options.searchedTo;
    const reached = acc.carrying.filter(reachedBackend);
    if (reached.length === 0) {
      rows.push({
        ...base,
        status: 'not-searched',
        reason: 'not-received',
        detail: 'its requests never reached the backend (blocked or failed in the browser): nothing there to tag',
        taggedLines: 0,
        wrongLines: 0,
      });
      continue;
    }
    const judged = reached.filter((r) => searchedTo === undefined || requestEnd(r) <= searchedTo);
    const partial = searchedTo !== undefined && judged.some((r) => requestEnd(r) + skewMs + windowMs > searchedTo);
    if (judged.length === 0) {
      rows.push({
        ...base,
        status: 'not-searched',
        reason: 'after-search',
        detail: 'sent after the last search covered: search again to check the tagging',
        taggedLines: 0,
        wrongLines: 0,
      });
      continue;
    }
    let tagged = 0;
    let unattributedTagged = 0;
    let wrong = 0;
    let firstWrong: (LineTag & { kind: 'issue' }) | undefined;
    let unattributedWrong: (LineTag & { kind: 'issue' }) | undefined;
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
          if (attributed) tagged++;
          else unattributedTagged++;
        } else if (line.tag.kind === 'issue') {
          if (attributed) {
            wrong++;
            firstWrong ??= line.tag;
          } else unattributedWrong ??= line.tag;
        }
      }
    }
    const n = judged.length;
    const reqText = `${n} request${n === 1 ? '' : 's'}`;
    if (tagged > 0) {
      const extra =
        wrong > 0
          ? `; ${wrong} other line${wrong === 1 ? '' : 's'} ${ISSUE_TEXT[firstWrong?.issue.kind ?? ''] ?? 'are tagged wrongly'}`
          : '';
      rows.push({
        ...base,
        status: 'tagged',
        reason: 'exact-tag',
        detail: `${tagged} backend line${tagged === 1 ? ' carries' : 's carry'} the exact tag${extra}`,
        taggedLines: tagged,
        wrongLines: wrong,
      });
      continue;
    }
    const issue = firstWrong ?? (unattributedTagged === 0 ? unattributedWrong : undefined);
    if (issue !== undefined) {
      const { found, text } = describeFound(issue, options.token);
      const hedge = firstWrong === undefined ? ' (lines near its requests that name no path)' : '';
      rows.push({
        ...base,
        status: 'not-tagged',
        reason: issue.issue.kind,
        detail: `backend ${text}${hedge}`,
        taggedLines: 0,
        wrongLines: wrong,
        found,
      });
      continue;
    }
    if (unattributedTagged > 0) {
      rows.push({
        ...base,
        status: 'probably-tagged',
        reason: 'unattributed-lines',
        detail: `${unattributedTagged} tagged line${unattributedTagged === 1 ? '' : 's'} near its requests name no path, so they cannot be tied to this endpoint`,
        taggedLines: 0,
        wrongLines: 0,
      });
      continue;
    }
    rows.push({
      ...base,
      status: 'not-tagged',
      reason: 'no-lines',
      detail:
        `no backend line with this token within ${seconds(windowMs)} after any of its ${reqText}: the backend does not tag this endpoint's lines (or writes the token under another name, or logs nothing here)` +
        (partial ? '; the search ended before that window did — search again if its lines may still be arriving' : ''),
      taggedLines: 0,
      wrongLines: 0,
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
