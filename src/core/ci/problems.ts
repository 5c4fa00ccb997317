// The problems a pipeline fails on, read off the audit's verdicts and the backend tagging rows —
// never judged again here — grouped per endpoint, then split by `failOn` and the allow-list.

import { endpointKey } from '../audit/path-template.ts';
import type { AuditEntry } from '../audit/types.ts';
import type { EndpointTagging } from '../linking/tagging.ts';
import type { TaggingReason } from '../linking/tagging-verdict.ts';

export const PROBLEM_KINDS = ['missing', 'blocked', 'stale', 'foreign', 'outside-scope', 'not-tagging'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export function isProblemKind(v: string): v is ProblemKind {
  return (PROBLEM_KINDS as readonly string[]).includes(v);
}

export interface Problem {
  kind: ProblemKind;
  /** `METHOD origin+template`. */
  endpoint: string;
  requests: number;
  reason: string;
  fix: string;
  /** One URL it happened on. */
  example: string;
}

export interface IgnoredProblem extends Problem {
  /** Why it does not fail the run. */
  ignoredBecause: string;
}

export interface PolicyResult {
  failing: Problem[];
  ignored: IgnoredProblem[];
}

export interface AllowRuleLike {
  endpoint: string;
  problems?: readonly ProblemKind[];
  reason?: string;
}

const TAGGING_FIX: Partial<Record<TaggingReason, string>> = {
  'no-lines':
    "in this endpoint's handler, read the session header and prefix every log line with [openReplaySessionToken=<token>]",
  'wrong-case-name': 'write the tag name exactly as openReplaySessionToken (the exact-tag search is case-sensitive)',
  'truncated-token': 'log the whole token, unchanged',
  'other-tag-name': 'log the token as openReplaySessionToken=<token>',
  'other-token': 'log the token of the request being handled, not one kept from an earlier request',
  'wrong-case-value': 'log the token unchanged — it is case-sensitive',
  'extended-token': 'log only the token, without characters appended',
};

/** Every problem of the run, one per kind, endpoint, reason and fix (like the report's problem list). */
export function collectProblems(entries: readonly AuditEntry[], tagging: readonly EndpointTagging[] = []): Problem[] {
  const groups = new Map<string, Problem>();
  for (const { req, result } of entries) {
    // A verdict that names a problem kind is that problem: new verdicts of the audit join by name.
    const kind: string = result.verdict;
    if (!isProblemKind(kind) || kind === 'not-tagging') continue;
    const endpoint = req.endpoint ?? endpointKey(req);
    const fix = result.fix ?? '';
    const key = `${kind}\u0000${endpoint}\u0000${result.reason}\u0000${fix}`;
    const g = groups.get(key);
    if (g !== undefined) g.requests++;
    else groups.set(key, { kind, endpoint, requests: 1, reason: result.reason, fix, example: req.url });
  }
  const out = [...groups.values()];
  for (const row of tagging) {
    if (row.status !== 'not-tagged') continue;
    out.push({
      kind: 'not-tagging',
      endpoint: row.endpoint,
      requests: row.withToken,
      reason: `header sent ✓ — backend tagged ✗: ${row.detail}`,
      fix: TAGGING_FIX[row.reason] ?? 'make the backend tag its log lines with the exact session token',
      example: row.endpoint,
    });
  }
  return out;
}

/**
 * Glob match where only `*` is special (any run of characters). Iterative with one backtrack
 * point, so it stays O(pattern × text) whatever the page put in a URL.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** `METHOD /path` (no origin) matches that path on any origin; otherwise the whole endpoint key. */
export function endpointMatches(pattern: string, endpoint: string): boolean {
  const space = pattern.indexOf(' ');
  const rest = space >= 0 ? pattern.slice(space + 1) : '';
  if (rest.startsWith('/')) {
    const method = pattern.slice(0, space);
    const sp = endpoint.indexOf(' ');
    const url = endpoint.slice(sp + 1);
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    const path = pathStart >= 0 ? url.slice(pathStart) : '/';
    return globMatch(method, endpoint.slice(0, sp)) && globMatch(rest, path);
  }
  return globMatch(pattern, endpoint);
}

/** Splits problems into those that fail the run and those `failOn` or the allow-list set aside. */
export function applyPolicy(
  problems: readonly Problem[],
  failOn: readonly ProblemKind[],
  allow: readonly AllowRuleLike[],
): PolicyResult {
  const failing: Problem[] = [];
  const ignored: IgnoredProblem[] = [];
  for (const p of problems) {
    if (!failOn.includes(p.kind)) {
      ignored.push({ ...p, ignoredBecause: `${p.kind} is not in fail-on (${failOn.join(', ') || 'nothing'})` });
      continue;
    }
    const rule = allow.find(
      (r) => (r.problems === undefined || r.problems.includes(p.kind)) && endpointMatches(r.endpoint, p.endpoint),
    );
    if (rule !== undefined)
      ignored.push({ ...p, ignoredBecause: `allowed by "${rule.endpoint}"${rule.reason ? `: ${rule.reason}` : ''}` });
    else failing.push(p);
  }
  return { failing, ignored };
}

/** One line per problem for people: kind, endpoint, count, reason and fix. */
export function describeProblem(p: Problem): string {
  const n = `${p.requests} request${p.requests === 1 ? '' : 's'}`;
  return `${p.kind} — ${p.endpoint} (${n})\n    reason: ${p.reason}\n    fix: ${p.fix || '—'}`;
}
