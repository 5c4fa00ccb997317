// The tracker's sessionStorage values, in every format it has written over the years:
//   __openreplay_token          bare `<token>` (before 16.4.2, and after a session-hash restore),
//                               `<token>_&_<projectKey>` (16.4.2–17.0.0), `<token>_$_<projectKey>` (17.0.1+)
//   __openreplay_token_version  `2x<trackerVersion>` (19.x) or `2` (18.x)

import { validateToken } from './token.ts';
import { describeChar } from './encoding.ts';

export const DEFAULT_TOKEN_KEY = '__openreplay_token';
export const TOKEN_VERSION_SUFFIX = '_version';

export type StorageFormat = 'bare' | 'amp' | 'dollar';

export const STORAGE_FORMAT_LABEL: Record<StorageFormat, string> = {
  bare: 'bare token, tracker before 16.4.2',
  amp: '<token>_&_<projectKey>, tracker 16.4.2–17.0.0',
  dollar: '<token>_$_<projectKey>, tracker 17.0.1+',
};

export type StoredToken =
  { ok: true; token: string; projectKey?: string; format: StorageFormat } | { ok: false; reason: string };

/** A stored value holds a token (≤256) plus a project key; anything much longer is not ours. */
export const MAX_STORED_TOKEN_LENGTH = 512;
const MAX_PROJECT_KEY_LENGTH = 128;

export function validateProjectKey(key: string): string | null {
  if (key.length > MAX_PROJECT_KEY_LENGTH) {
    return `project key is too long: ${key.length} characters, the limit is ${MAX_PROJECT_KEY_LENGTH}`;
  }
  for (const ch of key) {
    if (!/^[A-Za-z0-9_-]$/.test(ch)) return `project key contains ${describeChar(ch)}`;
  }
  return null;
}

export function parseStoredToken(value: unknown): StoredToken {
  if (typeof value !== 'string') {
    return { ok: false, reason: `stored value is not text (${value === null ? 'null' : typeof value})` };
  }
  if (value.length > MAX_STORED_TOKEN_LENGTH) {
    return {
      ok: false,
      reason: `stored value is too long: ${value.length} characters, the limit is ${MAX_STORED_TOKEN_LENGTH}`,
    };
  }
  // Token characters never include "$" or "&", so the first separator splits unambiguously.
  const dollar = value.indexOf('_$_');
  const amp = value.indexOf('_&_');
  let format: StorageFormat = 'bare';
  let tokenText = value;
  let projectKey: string | undefined;
  if (dollar >= 0 || amp >= 0) {
    const useDollar = dollar >= 0 && (amp < 0 || dollar < amp);
    format = useDollar ? 'dollar' : 'amp';
    const at = useDollar ? dollar : amp;
    tokenText = value.slice(0, at);
    const rest = value.slice(at + 3);
    if (rest.includes('_$_') || rest.includes('_&_')) {
      return { ok: false, reason: 'stored value has more than one token/project separator' };
    }
    const keyProblem = validateProjectKey(rest);
    if (keyProblem) return { ok: false, reason: keyProblem };
    if (rest !== '') projectKey = rest;
  }
  const checked = validateToken(tokenText);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  return projectKey === undefined
    ? { ok: true, token: checked.token, format }
    : { ok: true, token: checked.token, projectKey, format };
}

export type StoredTokenVersion =
  { ok: true; storageVersion: string; trackerVersion?: string } | { ok: false; reason: string };

export function parseStoredTokenVersion(value: unknown): StoredTokenVersion {
  if (typeof value !== 'string') {
    return { ok: false, reason: `token version is not text (${value === null ? 'null' : typeof value})` };
  }
  if (value.length > 64) return { ok: false, reason: `token version is too long: ${value.length} characters` };
  const withTracker = /^([0-9]{1,4})x([0-9]{1,6}\.[0-9]{1,6}\.[0-9]{1,6}(?:[-+][0-9A-Za-z.-]{1,40})?)$/.exec(value);
  if (withTracker) {
    return { ok: true, storageVersion: withTracker[1] ?? '', trackerVersion: withTracker[2] ?? '' };
  }
  if (/^[0-9]{1,4}$/.test(value)) return { ok: true, storageVersion: value };
  return { ok: false, reason: 'token version is neither "<n>" nor "<n>x<tracker version>"' };
}
