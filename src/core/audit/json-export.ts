// The audit as a JSON document for tools (shape: docs/audit-json.md, checked by a test). Tokens and
// header values are masked unless the user asked to reveal them.

import {
  computeCoverage,
  roundPercentage,
  type CoverageCounts,
  type CoverageSummary,
  type EndpointCoverage,
  type OriginCoverage,
} from './coverage.ts';
import { maskToken } from './mask.ts';
import { endpointKey } from './path-template.ts';
import { isoOf, type ReportInput } from './report.ts';
import { maskedReportInput } from './token-mask.ts';
import { VERDICT_LABELS, type AuditEntry, type Verdict } from './types.ts';

export const AUDIT_JSON_SCHEMA = 'replay-link/audit@1';

export interface AuditJsonRequest {
  id: string;
  startedAt: string;
  durationMs: number;
  method: string;
  url: string;
  origin: string;
  /** `METHOD origin+template`. */
  endpoint: string;
  status: number;
  type: string;
  initiator: string;
  error: string | null;
  pageUrl: string;
  verdict: Verdict;
  label: string;
  reason: string;
  fix: string | null;
  /** What the request's detail notes beside the verdict (e.g. the axios header spelling), or null. */
  note: string | null;
  /** The session header that decided the verdict; value masked unless revealed. */
  header: { name: string; value: string } | null;
}

export interface AuditJson {
  schema: typeof AUDIT_JSON_SCHEMA;
  generatedAt: string;
  page: { url: string };
  token: { value: string; masked: boolean; sessionId: string | null } | null;
  capture: { requests: number; dropped: number; cap: number | null };
  summary: CoverageSummary;
  coverage: { origins: OriginCoverage[]; endpoints: EndpointCoverage[] };
  requests: AuditJsonRequest[];
}

function roundCounts<T extends CoverageCounts>(c: T): T {
  return { ...c, percentage: roundPercentage(c.percentage) };
}

function rawHeader(entry: AuditEntry): string | undefined {
  const name = entry.result.headerName;
  if (name === undefined) return undefined;
  return entry.req.requestHeaders.find(([n]) => n === name)?.[1].trim();
}

/** The JSON export as an object; `renderJsonExport` serializes it. */
export function buildJsonExport(unmasked: ReportInput): AuditJson {
  const input = maskedReportInput(unmasked);
  const reveal = input.revealToken === true;
  const coverage = input.coverage ?? computeCoverage(input.requests, { includeNotExpectedEndpoints: true });
  const hasToken = input.token !== undefined && input.token !== '';
  return {
    schema: AUDIT_JSON_SCHEMA,
    generatedAt: isoOf(input.generatedAt),
    page: { url: input.pageUrl },
    token: hasToken
      ? {
          value: reveal ? (input.token as string) : maskToken(input.token as string),
          masked: !reveal,
          sessionId: input.sessionId ?? null,
        }
      : null,
    capture: { requests: input.requests.length, dropped: input.dropped ?? 0, cap: input.cap ?? null },
    summary: roundCounts(coverage.summary),
    coverage: { origins: coverage.origins.map(roundCounts), endpoints: coverage.endpoints.map(roundCounts) },
    requests: input.requests.map((e) => {
      const { req, result } = e;
      const headerValue = reveal ? (rawHeader(e) ?? result.headerValue) : result.headerValue;
      return {
        id: req.id,
        startedAt: isoOf(req.startedAt),
        durationMs: Math.round(req.durationMs * 1000) / 1000,
        method: req.method,
        url: req.url,
        origin: req.origin,
        endpoint: endpointKey(req),
        status: req.status,
        type: req.resourceType,
        initiator: req.initiatorType,
        error: req.error ?? null,
        pageUrl: req.pageUrl,
        verdict: result.verdict,
        label: VERDICT_LABELS[result.verdict],
        reason: result.reason,
        fix: result.fix ?? null,
        note: result.note ?? null,
        header: result.headerName !== undefined ? { name: result.headerName, value: headerValue ?? '' } : null,
      };
    }),
  };
}

/** Pretty-printed JSON with `schema: "replay-link/audit@1"`. */
export function renderJsonExport(input: ReportInput): string {
  return JSON.stringify(buildJsonExport(input), null, 2) + '\n';
}
