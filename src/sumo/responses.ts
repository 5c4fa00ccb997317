import { badResponseError } from './errors.ts';
import type { SumoErrorBody } from './errors.ts';

// What the Search Job API answers, read defensively: keys in any case, numbers as strings,
// extra fields (warning, usageDetails) ignored, 64-bit ids never turned into numbers.

export interface HistogramBucket {
  startTimestamp: number;
  length: number;
  count: number;
}

export interface JobStatus {
  state: string;
  messageCount: number;
  recordCount: number;
  /** Deltas since the previous poll (the API reports only what is new). */
  histogramBuckets: HistogramBucket[];
  pendingErrors: string[];
  pendingWarnings: string[];
}

/** A message map with lowercased keys; every value is a string as the API sends it (ids stay 64-bit strings). */
export type MessageMap = Record<string, string>;

export interface MessagesPage {
  fields: { name: string; fieldType: string; keyField: boolean }[];
  messages: MessageMap[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys matched case-insensitively: one doc revision shows camelCase where responses are lowercase. */
export function field(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

function toNumber(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

function toStringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => {
    if (typeof v === 'string') return v;
    if (isRecord(v)) {
      const m = field(v, 'message') ?? field(v, 'text');
      if (typeof m === 'string') return m;
    }
    return JSON.stringify(v) ?? String(v);
  });
}

export function parseJobStatus(json: unknown): JobStatus {
  if (!isRecord(json)) throw badResponseError('job status is not an object');
  const state = field(json, 'state');
  if (typeof state !== 'string') throw badResponseError('job status without a state');
  const buckets = field(json, 'histogramBuckets');
  return {
    state,
    messageCount: toNumber(field(json, 'messageCount')),
    recordCount: toNumber(field(json, 'recordCount')),
    histogramBuckets: Array.isArray(buckets)
      ? buckets.filter(isRecord).map((b) => ({
          startTimestamp: toNumber(field(b, 'startTimestamp')),
          length: toNumber(field(b, 'length')),
          count: toNumber(field(b, 'count')),
        }))
      : [],
    pendingErrors: toStringList(field(json, 'pendingErrors')),
    pendingWarnings: toStringList(field(json, 'pendingWarnings')),
  };
}

/** Lowercases keys and keeps every value a string (never Number(): _messageid is 64-bit). */
export function normalizeMessageMap(map: Record<string, unknown>): MessageMap {
  const out: MessageMap = {};
  for (const [key, value] of Object.entries(map)) {
    if (value === null || value === undefined) continue;
    out[key.toLowerCase()] =
      typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

export function parseMessagesPage(json: unknown): MessagesPage {
  if (!isRecord(json)) throw badResponseError('message page is not an object');
  const messages = field(json, 'messages');
  if (!Array.isArray(messages)) throw badResponseError('message page without messages');
  const fields = field(json, 'fields');
  return {
    fields: Array.isArray(fields)
      ? fields.filter(isRecord).map((f) => ({
          name: String(field(f, 'name') ?? ''),
          fieldType: String(field(f, 'fieldType') ?? ''),
          keyField: field(f, 'keyField') === true,
        }))
      : [],
    messages: messages.filter(isRecord).map((m) => {
      const inner = field(m, 'map');
      return normalizeMessageMap(isRecord(inner) ? inner : {});
    }),
  };
}

/** The documented error body, if the text is one; undefined for HTML or other non-JSON bodies. */
export function parseErrorBody(text: string): SumoErrorBody | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const body: SumoErrorBody = {};
  const code = field(parsed, 'code');
  const message = field(parsed, 'message');
  const id = field(parsed, 'id');
  if (typeof code === 'string') body.code = code;
  if (typeof message === 'string') body.message = message;
  if (typeof id === 'string') body.id = id;
  return body;
}
