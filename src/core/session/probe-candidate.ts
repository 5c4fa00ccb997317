// What the probe reports per value: a valid token and where it was found, or a value it refused.

import type { DecodedToken } from './token.ts';
import { type StorageFormat, STORAGE_FORMAT_LABEL } from './storage-formats.ts';
import type { TokenSource } from './sources.ts';

export interface TokenCandidate {
  token: string;
  decoded: DecodedToken;
  source: TokenSource;
  /** Only for source 'sessionStorage'. */
  storageFormat?: StorageFormat;
  /** Project key stored next to the token (sessionStorage formats amp/dollar, app.session.token). */
  projectKey?: string;
}

/** "Says where it found it": e.g. `sessionStorage (<token>_$_<projectKey>, tracker 17.0.1+)`. */
export function describeCandidateSource(c: Pick<TokenCandidate, 'source' | 'storageFormat'>): string {
  return c.source === 'sessionStorage' && c.storageFormat !== undefined
    ? `sessionStorage (${STORAGE_FORMAT_LABEL[c.storageFormat]})`
    : c.source;
}

export interface Rejection {
  source: TokenSource | 'probe';
  reason: string;
}
