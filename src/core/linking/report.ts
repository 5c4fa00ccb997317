// The audit report with the backend side added: per endpoint, header sent and backend tagging, and
// the linked errors (first line, count, first/last seen). The audit part is core/audit/report.ts,
// reused as is; log text is escaped the same way and the token masked in it unless revealed.

import { maskTokensIn, tokensToMask } from '../audit/token-mask.ts';
import { buildJsonExport, type AuditJson } from '../audit/json-export.ts';
import { escapeMarkdown, renderMarkdownReport, type ReportInput } from '../audit/report.ts';
import { removeSessionTags } from '../logs/parse.ts';
import type { LinkedErrorGroup } from './error-groups.ts';
import { linkSummary, type LinkableLog, type Linking } from './link.ts';
import { NOT_TAGGING_LABEL, type EndpointTagging } from './tagging.ts';

export interface BackendReport {
  /** The search's query as sent (the token in it is masked unless revealed). */
  query?: string | undefined;
  window?: { from: number; to: number } | undefined;
  /** 'done', 'running', 'failed', 'cancelled'. */
  status?: string | undefined;
  /** Lines the search returned that carry the exact tag. */
  lines: number;
  skewMs: number;
  windowMs: number;
  tagging: readonly EndpointTagging[];
  groups: readonly LinkedErrorGroup[];
  linking: Linking<LinkableLog>;
}

export interface LinkedReportInput extends ReportInput {
  /** Absent when no search was run. */
  backend?: BackendReport | undefined;
  maxErrorGroups?: number;
}

function iso(t: number | undefined): string {
  if (t === undefined || !Number.isFinite(t)) return 'unknown time';
  return new Date(t).toISOString();
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Log or page text with the token (and anything after a tag) masked unless revealed. */
function masked(text: string, input: LinkedReportInput): string {
  return maskTokensIn(text, tokensToMask(input));
}

const TAGGED_TEXT: Readonly<Record<EndpointTagging['status'], string>> = {
  tagged: '✓ tagged',
  'probably-tagged': '? probably tagged',
  'not-tagged': `✗ ${NOT_TAGGING_LABEL}`,
  'not-searched': '— not searched',
};

export function taggedText(row: Pick<EndpointTagging, 'status'>): string {
  return TAGGED_TEXT[row.status];
}

function backendMarkdown(input: LinkedReportInput): string[] {
  const b = input.backend;
  const lines: string[] = ['## Backend (SumoLogic)', ''];
  if (b === undefined) {
    lines.push('No backend search was run, so backend tagging and errors are not part of this report.', '');
    return lines;
  }
  if (b.query !== undefined) lines.push(`- **Query:** ${escapeMarkdown(masked(b.query, input), 800)}`);
  if (b.window !== undefined)
    lines.push(
      `- **Searched:** ${iso(b.window.from)} to ${iso(b.window.to)}${b.status !== undefined && b.status !== 'done' ? ` (search ${escapeMarkdown(b.status, 20)})` : ''}`,
    );
  lines.push(`- **Lines with the exact tag:** ${b.lines}; **errors:** ${b.linking.errors.length}`);
  lines.push(
    `- **Linking:** ±${b.skewMs / 1000} s clock-skew tolerance around each request; tagging looked ${b.windowMs / 1000} s past each request's end`,
  );
  lines.push('');

  lines.push('### Header sent and backend tagging by endpoint', '');
  if (b.tagging.length === 0) lines.push('No request carried the searched token.');
  else {
    lines.push('| Endpoint | Requests | Header sent | Backend | Detail |', '|---|---:|---|---|---|');
    for (const row of b.tagging) {
      lines.push(
        `| ${escapeMarkdown(masked(row.endpoint, input), 300)} | ${row.requests} | ✓ ${row.withToken}/${row.requests} | ${taggedText(row)} | ${escapeMarkdown(masked(row.detail, input), 400)} |`,
      );
    }
  }
  lines.push('');

  const max = input.maxErrorGroups ?? 50;
  lines.push(`### Linked backend errors (${b.linking.errors.length})`, '');
  if (b.groups.length === 0) lines.push('No backend error with this token.');
  b.groups.slice(0, max).forEach((g, i) => {
    const when = g.count === 1 ? `at ${iso(g.firstSeen)}` : `first ${iso(g.firstSeen)}, last ${iso(g.lastSeen)}`;
    const headline = escapeMarkdown(masked(removeSessionTags(g.headline), input), 300) || '(empty line)';
    lines.push(`${i + 1}. **${headline}** — ${plural(g.count, 'occurrence')}, ${when}`);
    const eps = g.endpoints.map((e) => `${escapeMarkdown(masked(e.endpoint, input), 300)} (${e.count})`).join(', ');
    lines.push(`   - Requests: ${eps === '' ? 'none linked' : eps}`);
    if (g.ambiguous > 0)
      lines.push(`   - Ambiguous: ${plural(g.ambiguous, 'occurrence')} with several candidate requests`);
    if (g.unlinked > 0)
      lines.push(`   - Not linked: ${plural(g.unlinked, 'occurrence')} (no request of this session matched)`);
  });
  if (b.groups.length > max)
    lines.push('', `… and ${plural(b.groups.length - max, 'more kind')} of error (see the JSON export).`);
  lines.push('');
  return lines;
}

/** The audit's Markdown report followed by the backend side. */
export function renderLinkedReport(input: LinkedReportInput): string {
  return `${renderMarkdownReport(input).replace(/\n+$/, '')}\n\n${backendMarkdown(input).join('\n')}`;
}

export const BACKEND_JSON_SCHEMA = 'replay-link/backend@1';

export interface BackendJson {
  schema: typeof BACKEND_JSON_SCHEMA;
  search: { query: string | null; from: string | null; to: string | null; status: string | null };
  lines: number;
  skewMs: number;
  windowMs: number;
  tagging: Array<Omit<EndpointTagging, 'requestIds'> & { headerSent: boolean; requestIds: string[] }>;
  errors: Array<{
    time: string | null;
    firstLine: string;
    outcome: string;
    summary: string;
    ambiguous: boolean;
    hint: { method: string | null; path: string | null; status: number | null };
    candidates: Array<{ requestId: string; match: string; statusMatch: boolean | null; distanceMs: number }>;
  }>;
  groups: Array<{
    headline: string;
    count: number;
    firstSeen: string | null;
    lastSeen: string | null;
    endpoints: Array<{ endpoint: string; count: number }>;
    ambiguous: number;
    unlinked: number;
  }>;
}

export type LinkedJson = Omit<AuditJson, 'requests'> & {
  requests: Array<AuditJson['requests'][number] & { backendErrors: number }>;
  backend: BackendJson | null;
};

const isoOrNull = (t: number | undefined): string | null =>
  t === undefined || !Number.isFinite(t) ? null : new Date(t).toISOString();

/** The audit JSON with `backend` added and a `backendErrors` count on each request. */
export function buildLinkedJson(input: LinkedReportInput): LinkedJson {
  const audit = buildJsonExport(input);
  const b = input.backend;
  const requests = audit.requests.map((r) => ({ ...r, backendErrors: b?.linking.byRequest.get(r.id)?.length ?? 0 }));
  if (b === undefined) return { ...audit, requests, backend: null };
  return {
    ...audit,
    requests,
    backend: {
      schema: BACKEND_JSON_SCHEMA,
      search: {
        query: b.query === undefined ? null : masked(b.query, input),
        from: isoOrNull(b.window?.from),
        to: isoOrNull(b.window?.to),
        status: b.status ?? null,
      },
      lines: b.lines,
      skewMs: b.skewMs,
      windowMs: b.windowMs,
      tagging: b.tagging.map((row) => ({
        ...row,
        endpoint: masked(row.endpoint, input),
        detail: masked(row.detail, input),
        headerSent: row.withToken > 0,
        requestIds: [...row.requestIds],
      })),
      errors: b.linking.errors.map((e) => ({
        time: isoOrNull(e.time),
        firstLine: masked(removeSessionTags(e.log.raw.split('\n', 1)[0] ?? ''), input).slice(0, 2000),
        outcome: e.outcome,
        summary: linkSummary(e),
        ambiguous: e.ambiguous,
        hint: {
          method: e.hint.method ?? null,
          path: e.hint.path === undefined ? null : masked(e.hint.path, input),
          status: e.hint.status ?? null,
        },
        candidates: e.candidates.map((c) => ({ ...c })),
      })),
      groups: b.groups.map((g) => ({
        headline: masked(removeSessionTags(g.headline), input),
        count: g.count,
        firstSeen: isoOrNull(g.firstSeen),
        lastSeen: isoOrNull(g.lastSeen),
        endpoints: g.endpoints.map((e) => ({ ...e, endpoint: masked(e.endpoint, input) })),
        ambiguous: g.ambiguous,
        unlinked: g.unlinked,
      })),
    },
  };
}

export function renderLinkedJson(input: LinkedReportInput): string {
  return JSON.stringify(buildLinkedJson(input), null, 2) + '\n';
}
