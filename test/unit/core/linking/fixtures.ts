import { endpointKey, templatePath } from '../../../../src/core/audit/path-template.ts';
import type { AuditEntry, CapturedRequest, Verdict } from '../../../../src/core/audit/types.ts';
import { classifyLine } from '../../../../src/core/logs/classify.ts';
import { extractStack } from '../../../../src/core/logs/stack.ts';

/** The real token from the public bug report: session 2618307011354435587. */
export const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
export const SESSION_ID = '2618307011354435587';
export const OTHER_TOKEN = 'abc123def456.1a.lrrb0000.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
export const ORIGIN = 'http://127.0.0.1:4000';
export const T0 = Date.parse('2026-11-26T13:09:10.000Z');
export const TAG_NAMES = ['openReplaySessionToken', 'openReplaySession.id'];

export interface ReqOpts {
  id: string;
  method?: string;
  path: string;
  at: number;
  ms?: number;
  status?: number;
  /** Header value; null for none. */
  token?: string | null;
  headerName?: string;
  verdict?: Verdict;
}

export function req(o: ReqOpts): CapturedRequest {
  const token = o.token === undefined ? TOKEN : o.token;
  const path = o.path;
  const r: CapturedRequest = {
    id: o.id,
    startedAt: T0 + o.at,
    durationMs: o.ms ?? 20,
    method: o.method ?? 'GET',
    url: ORIGIN + path,
    origin: ORIGIN,
    path,
    template: templatePath(path),
    query: '',
    status: o.status ?? 200,
    resourceType: 'fetch',
    initiatorType: 'script',
    requestHeaders: [
      ['Accept', 'application/json'],
      ...(token === null ? [] : [[o.headerName ?? 'X-OpenReplay-SessionToken', token] as [string, string]]),
    ],
    responseHeaders: [],
    pageUrl: ORIGIN + '/',
    pageOrigin: ORIGIN,
  };
  r.endpoint = endpointKey(r);
  return r;
}

export function entry(o: ReqOpts): AuditEntry {
  const verdict = o.verdict ?? (o.token === null ? 'missing' : 'carries');
  return { req: req(o), result: { verdict, reason: verdict } };
}

export interface Line {
  raw: string;
  messageTime: number | undefined;
  receiptTime: number | undefined;
  classification: { isError: boolean; level: string | undefined; markers: [] };
  stack: ReturnType<typeof extractStack>;
}

/** A log entry as the analysis gives it, logged `at` ms after T0. */
export function line(raw: string, at: number | undefined): Line {
  const c = classifyLine(raw);
  return {
    raw,
    messageTime: at === undefined ? undefined : T0 + at,
    receiptTime: undefined,
    classification: { isError: c.isError, level: c.level, markers: [] },
    stack: extractStack(raw),
  };
}

export const tag = (token = TOKEN, name = 'openReplaySessionToken') => `[${name}=${token}]`;
