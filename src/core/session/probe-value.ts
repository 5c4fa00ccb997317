// Reading the value the probe expression returned. The page controls it, so only own data
// properties are read (never a getter), every field is checked for shape, and text the probe cut
// to its limit is judged by the page-side length it reported.

import { safeHttpUrl } from '../safe-url.ts';
import { type DecodedToken, MAX_TOKEN_LENGTH, decodeToken, validateToken } from './token.ts';
import { type StorageFormat, MAX_STORED_TOKEN_LENGTH, parseStoredToken } from './storage-formats.ts';
import { PROBE_MAX_STRING } from './probe-expression.ts';

export type ProbeValue =
  | { t: 'string'; s: string; n: number }
  | { t: 'boolean'; b: boolean }
  | {
      t: 'absent' | 'invalid' | 'threw' | 'skipped' | 'undefined' | 'null' | 'number' | 'object' | 'function' | 'other';
    };

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function own(obj: unknown, key: string): unknown {
  if (!isRecord(obj)) return undefined;
  try {
    if (!Object.hasOwn(obj, key)) return undefined;
    const desc = Object.getOwnPropertyDescriptor(obj, key);
    // Accessors are never invoked: a getter is not data.
    return desc && 'value' in desc ? desc.value : undefined;
  } catch {
    return undefined;
  }
}

const OTHER_TYPES = new Set([
  'threw',
  'skipped',
  'undefined',
  'null',
  'number',
  'bigint',
  'symbol',
  'object',
  'function',
]);

export function value(raw: unknown): ProbeValue {
  if (raw === undefined) return { t: 'absent' };
  const t = own(raw, 't');
  if (t === 'string') {
    const s = own(raw, 's');
    const n = own(raw, 'n');
    if (typeof s !== 'string' || typeof n !== 'number' || !Number.isSafeInteger(n)) return { t: 'invalid' };
    if (s.length > PROBE_MAX_STRING || n < s.length) return { t: 'invalid' };
    return { t: 'string', s, n };
  }
  if (t === 'boolean') {
    const b = own(raw, 'b');
    return typeof b === 'boolean' ? { t: 'boolean', b } : { t: 'invalid' };
  }
  if (typeof t === 'string' && OTHER_TYPES.has(t)) {
    if (t === 'bigint' || t === 'symbol') return { t: 'other' };
    return { t } as ProbeValue;
  }
  return { t: 'invalid' };
}

export function describeNonString(v: ProbeValue): string {
  if (v.t === 'threw') return 'threw an error';
  if (v.t === 'invalid') return 'came back malformed';
  if (v.t === 'absent') return 'was not reported';
  return `is not text (${v.t})`;
}

/** Validates a probed token text, using the page-side original length when it was cut. */
export function checkProbedToken(v: {
  s: string;
  n: number;
}): { ok: true; decoded: DecodedToken } | { ok: false; reason: string } {
  if (v.n > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: `Token is too long: ${v.n} characters, the limit is ${MAX_TOKEN_LENGTH}` };
  }
  const checked = validateToken(v.s);
  return checked.ok ? { ok: true, decoded: decodeToken(checked.token) } : checked;
}

export function checkProbedStored(v: {
  s: string;
  n: number;
}): { ok: true; token: string; projectKey?: string; format: StorageFormat } | { ok: false; reason: string } {
  if (v.n > MAX_STORED_TOKEN_LENGTH) {
    return {
      ok: false,
      reason: `stored value is too long: ${v.n} characters, the limit is ${MAX_STORED_TOKEN_LENGTH}`,
    };
  }
  return parseStoredToken(v.s);
}

export function sessionUrlOf(v: ProbeValue): string | undefined {
  // A value cut to the probe's limit is not the URL the tracker gave: no link rather than a wrong one.
  if (v.t !== 'string' || v.n !== v.s.length) return undefined;
  return safeHttpUrl(v.s) ?? undefined;
}
