// The ticket-ready Markdown report of an audit, and the input every export takes. The JSON document
// for tools is json-export.ts (shape: docs/audit-json.md). Everything that came from the page is
// escaped for Markdown and tokens are masked unless asked.

import { computeCoverage, formatPercentage, type Coverage, type CoverageCounts } from './coverage.ts';
import { inertText, maskToken } from './mask.ts';
import { endpointKey } from './path-template.ts';
import { noteLines } from './report-notes.ts';
import { maskedReportInput } from './token-mask.ts';
import type { ScopeSettings } from './scope-settings.ts';
import { isProblem, VERDICT_LABELS, VERDICTS, type AuditEntry, type Verdict } from './types.ts';

export interface ReportInput {
  pageUrl: string;
  /** The current session token, if one is known. */
  token?: string;
  /** The tab's earlier tokens: masked in the export too. */
  otherTokens?: readonly string[];
  sessionId?: string;
  /** Show the token and header values unmasked (the user asked for it). */
  revealToken?: boolean;
  generatedAt: number | Date;
  requests: readonly AuditEntry[];
  /** Computed from `requests` when absent. */
  coverage?: Coverage;
  /** Printed so the reader knows what "in scope" meant. */
  settings?: ScopeSettings;
  /** Requests dropped by the store's cap. */
  dropped?: number;
  cap?: number;
  /** Rows before the Markdown report says "… N more". */
  maxEndpoints?: number;
  maxProblemGroups?: number;
}

/**
 * Text that came from the page, made safe inside Markdown prose and table cells: control
 * characters visible, Markdown and HTML syntax escaped, newlines impossible.
 */
export function escapeMarkdown(text: string, maxLength = 300): string {
  return (
    inertText(text, maxLength)
      // Links and images need `[`; headings and lists need a line start, which values never get.
      .replace(/[\\`*_[\]|~$]/g, '\\$&')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

/** ISO 8601 in UTC, for tools and tickets read across time zones. */
export function isoOf(t: number | Date): string {
  const d = typeof t === 'number' ? new Date(t) : t;
  return Number.isFinite(d.getTime()) ? d.toISOString() : 'unknown time';
}

function tokenLine(input: ReportInput): string {
  if (input.token === undefined || input.token === '') return 'none found';
  return input.revealToken === true
    ? escapeMarkdown(input.token)
    : `${escapeMarkdown(maskToken(input.token))} (masked)`;
}

function scopeLine(settings: ScopeSettings): string {
  const parts: string[] = [settings.includeSameOrigin ? 'same-origin fetch/XHR' : 'same-origin excluded'];
  if (settings.extraOrigins.length > 0)
    parts.push(`origins ${settings.extraOrigins.map((o) => escapeMarkdown(o, 200)).join(', ')}`);
  if (settings.urlPatterns.length > 0)
    parts.push(`URL patterns ${settings.urlPatterns.map((o) => escapeMarkdown(o, 200)).join(', ')}`);
  if (settings.extraHeaderNames.length > 0)
    parts.push(`extra headers ${settings.extraHeaderNames.map((o) => escapeMarkdown(o, 100)).join(', ')}`);
  return parts.join('; ');
}

function countsCells(c: CoverageCounts): string {
  return (
    [c.requests, c.carrying, c.stale, c.foreign, c.missing, c.blocked, c.outsideScope, c.notExpected].join(' | ') +
    ` | ${formatPercentage(c.percentage)}`
  );
}

const COUNTS_HEADER =
  'Requests | Carrying | Stale | Foreign | Missing | Blocked | Outside scope | Not expected | Coverage';
const COUNTS_ALIGN = '---:|---:|---:|---:|---:|---:|---:|---:|---:';

interface ProblemGroup {
  verdict: Verdict;
  endpoint: string;
  reason: string;
  fix: string;
  count: number;
  first: number;
  last: number;
  example: string;
}

function problemGroups(requests: readonly AuditEntry[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const { req, result } of requests) {
    if (!isProblem(result.verdict)) continue;
    const endpoint = endpointKey(req);
    const fix = result.fix ?? '';
    const k = `${result.verdict}\u0000${endpoint}\u0000${result.reason}\u0000${fix}`;
    const g = groups.get(k);
    if (g === undefined) {
      groups.set(k, {
        verdict: result.verdict,
        endpoint,
        reason: result.reason,
        fix,
        count: 1,
        first: req.startedAt,
        last: req.startedAt,
        example: req.url,
      });
    } else {
      g.count++;
      if (req.startedAt < g.first) g.first = req.startedAt;
      if (req.startedAt > g.last) g.last = req.startedAt;
    }
  }
  const order: Verdict[] = ['blocked', 'outside-scope', 'foreign', 'stale', 'missing'];
  return [...groups.values()].sort(
    (a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || b.count - a.count || a.first - b.first,
  );
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A ticket-ready Markdown report: page, masked token, time, summary, coverage, every problem with reason and fix. */
export function renderMarkdownReport(unmasked: ReportInput): string {
  const input = maskedReportInput(unmasked);
  const coverage = input.coverage ?? computeCoverage(input.requests);
  const s = coverage.summary;
  const maxEndpoints = input.maxEndpoints ?? 50;
  const maxGroups = input.maxProblemGroups ?? 100;
  const lines: string[] = [];

  lines.push('# OpenReplay session token propagation report', '');
  lines.push(`- **Page:** ${escapeMarkdown(input.pageUrl, 500)}`);
  lines.push(`- **Session token:** ${tokenLine(input)}`);
  if (input.sessionId !== undefined) lines.push(`- **Session id:** ${escapeMarkdown(input.sessionId, 40)}`);
  lines.push(`- **Generated:** ${isoOf(input.generatedAt)}`);
  if (input.settings !== undefined) lines.push(`- **Scope:** ${scopeLine(input.settings)}`);
  const dropped = input.dropped ?? 0;
  const capNote =
    dropped > 0
      ? ` (${plural(dropped, 'older request')} dropped${input.cap !== undefined ? ` beyond the cap of ${input.cap}` : ''})`
      : '';
  lines.push(`- **Requests:** ${s.requests} captured${capNote}`);
  lines.push('');

  lines.push('## Summary', '', '| Verdict | Requests |', '|---|---:|');
  const byVerdict: Record<Verdict, number> = {
    carries: s.carrying,
    stale: s.stale,
    foreign: s.foreign,
    missing: s.missing,
    blocked: s.blocked,
    'outside-scope': s.outsideScope,
    'not-expected': s.notExpected,
  };
  for (const v of VERDICTS) lines.push(`| ${VERDICT_LABELS[v]} | ${byVerdict[v]} |`);
  lines.push('');
  lines.push(
    s.inScope === 0
      ? 'Coverage: no request was in scope.'
      : `Coverage: **${formatPercentage(s.percentage)}** of ${plural(s.inScope, 'in-scope request')} carry the current token.`,
  );
  lines.push('');

  lines.push('## Coverage by origin', '', `| Origin | ${COUNTS_HEADER} |`, `|---|${COUNTS_ALIGN}|`);
  for (const o of coverage.origins) lines.push(`| ${escapeMarkdown(o.origin, 200)} | ${countsCells(o)} |`);
  if (coverage.origins.length === 0) lines.push('| (none) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | — |');
  lines.push('');

  lines.push('## Coverage by endpoint', '', `| Endpoint | ${COUNTS_HEADER} |`, `|---|${COUNTS_ALIGN}|`);
  for (const e of coverage.endpoints.slice(0, maxEndpoints))
    lines.push(`| ${escapeMarkdown(e.key, 300)} | ${countsCells(e)} |`);
  if (coverage.endpoints.length === 0) lines.push('| (none in scope) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | — |');
  if (coverage.endpoints.length > maxEndpoints) {
    lines.push('', `… and ${plural(coverage.endpoints.length - maxEndpoints, 'more endpoint')} (see the JSON export).`);
  }
  lines.push('');

  const groups = problemGroups(input.requests);
  lines.push(`## Problems (${s.problems})`, '');
  if (groups.length === 0) lines.push('No problems: every in-scope request carries the current token.');
  groups.slice(0, maxGroups).forEach((g, i) => {
    const when = g.count === 1 ? `at ${isoOf(g.first)}` : `${isoOf(g.first)} to ${isoOf(g.last)}`;
    lines.push(
      `${i + 1}. **${VERDICT_LABELS[g.verdict]}** — ${escapeMarkdown(g.endpoint, 300)} — ${plural(g.count, 'request')}, ${when}`,
    );
    lines.push(`   - Reason: ${escapeMarkdown(g.reason, 500)}`);
    if (g.fix !== '') lines.push(`   - Fix: ${escapeMarkdown(g.fix, 500)}`);
    lines.push(`   - Example: ${escapeMarkdown(g.example, 300)}`);
  });
  if (groups.length > maxGroups) {
    lines.push('', `… and ${plural(groups.length - maxGroups, 'more kind')} of problem (see the JSON export).`);
  }
  lines.push('', ...noteLines(input.requests, escapeMarkdown));
  return lines.join('\n');
}
