// The extension-side half of the session probe: turns whatever came back from evaluating
// PROBE_EXPRESSION in a frame into a typed, validated result. The page controls that value, so
// every field is checked for shape and own-ness before it is used.

import { safeHttpUrl } from '../safe-url.ts';
import { type DecodedToken, MAX_TOKEN_LENGTH, decodeToken, validateToken } from './token.ts';
import { validateSessionId } from './session-id.ts';
import {
  type StorageFormat,
  MAX_STORED_TOKEN_LENGTH,
  STORAGE_FORMAT_LABEL,
  parseStoredToken,
  parseStoredTokenVersion,
  validateProjectKey,
} from './storage-formats.ts';
import { type GlobalName, type TokenSource, GLOBAL_NAMES, globalSource } from './sources.ts';
import { PROBE_MAX_STRING, PROBE_VERSION } from './probe-expression.ts';
import { interpretTrackerOptions, type TrackerOptions } from './tracker-options.ts';

export { PROBE_EXPRESSION, PROBE_MAX_STRING, PROBE_VERSION } from './probe-expression.ts';

export type ProbeStatus = 'found' | 'loading' | 'none' | 'invalid';
export type FrameKind = 'top' | 'iframe' | 'unknown';

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

export interface ProbeResult {
  status: ProbeStatus;
  /** Valid tokens, most trusted source first. */
  candidates: TokenCandidate[];
  rejected: Rejection[];
  /** Why the status is what it is, for loading/invalid (one line each). */
  reasons: string[];
  /** Facts that do not change the status but a user should see (mismatches, throwing getters). */
  warnings: string[];
  frame: FrameKind;
  /** The frame's location.href as text (display only, not validated as a URL). */
  frameUrl: string | null;
  /** The global the tracker facts below came from. */
  trackerGlobal?: TokenSource;
  sessionUrl?: string;
  sessionIdFromTracker?: string;
  isActive?: boolean;
  projectKey?: string;
  trackerVersion?: string;
  /** sessionStorage `__openreplay_token_version`'s storage part ("2"). */
  storageVersion?: string;
  /** The tracker's network options (header, matcher, ingest point), when its global holds them. */
  trackerOptions?: TrackerOptions;
}

type ProbeValue =
  | { t: 'string'; s: string; n: number }
  | { t: 'boolean'; b: boolean }
  | {
      t: 'absent' | 'invalid' | 'threw' | 'skipped' | 'undefined' | 'null' | 'number' | 'object' | 'function' | 'other';
    };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function own(obj: unknown, key: string): unknown {
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

function value(raw: unknown): ProbeValue {
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

function describeNonString(v: ProbeValue): string {
  if (v.t === 'threw') return 'threw an error';
  if (v.t === 'invalid') return 'came back malformed';
  if (v.t === 'absent') return 'was not reported';
  return `is not text (${v.t})`;
}

/** Validates a probed token text, using the page-side original length when it was cut. */
function checkProbedToken(v: {
  s: string;
  n: number;
}): { ok: true; decoded: DecodedToken } | { ok: false; reason: string } {
  if (v.n > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: `Token is too long: ${v.n} characters, the limit is ${MAX_TOKEN_LENGTH}` };
  }
  const checked = validateToken(v.s);
  return checked.ok ? { ok: true, decoded: decodeToken(checked.token) } : checked;
}

function checkProbedStored(v: {
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

function sessionUrlOf(v: ProbeValue): string | undefined {
  // A value cut to the probe's limit is not the URL the tracker gave: no link rather than a wrong one.
  if (v.t !== 'string' || v.n !== v.s.length) return undefined;
  return safeHttpUrl(v.s) ?? undefined;
}

interface Collector {
  candidates: TokenCandidate[];
  rejected: Rejection[];
  loading: string[];
  warnings: string[];
}

interface TrackerFacts {
  global: TokenSource;
  sessionUrl?: string;
  sessionIdFromTracker?: string;
  isActive?: boolean;
  projectKey?: string;
  trackerVersion?: string;
  trackerOptions?: TrackerOptions;
}

function interpretGlobal(name: GlobalName, raw: unknown, out: Collector): TrackerFacts | null {
  const source = globalSource(name);
  const kind = own(raw, 'kind');
  if (kind === undefined || kind === 'absent') return null;
  if (kind === 'threw') {
    out.warnings.push(`Reading ${source} threw an error`);
    return null;
  }
  if (kind === 'unreadable') {
    out.warnings.push(`${source} cannot be read: its properties throw errors`);
    return null;
  }
  if (kind === 'other') {
    const type = own(raw, 'type');
    out.warnings.push(`${source} is a ${typeof type === 'string' ? type.slice(0, 20) : 'value'}, not a tracker`);
    return null;
  }
  if (kind !== 'object') {
    out.rejected.push({ source, reason: `${source} came back malformed from the probe` });
    return null;
  }
  const isArray = own(raw, 'isArray') === true;
  const hasGetSessionToken = own(raw, 'hasGetSessionToken') === true;
  const token = value(own(raw, 'token'));
  const rawToken = value(own(raw, 'rawToken'));
  const active = value(own(raw, 'active'));

  let gotToken = false;
  if (token.t === 'string') {
    const checked = checkProbedToken(token);
    if (checked.ok) {
      out.candidates.push({ token: checked.decoded.token, decoded: checked.decoded, source });
      gotToken = true;
    } else {
      out.rejected.push({ source, reason: `${source}.getSessionToken(): ${checked.reason}` });
    }
  } else if (
    token.t === 'threw' ||
    token.t === 'invalid' ||
    token.t === 'number' ||
    token.t === 'object' ||
    token.t === 'function' ||
    token.t === 'other'
  ) {
    out.rejected.push({ source, reason: `${source}.getSessionToken() ${describeNonString(token)}` });
  }
  if (!gotToken && rawToken.t === 'string') {
    // app.session.token holds "<token>_$_<projectKey>", the same text the tracker stores.
    const stored = checkProbedStored(rawToken);
    if (stored.ok) {
      const decoded = decodeToken(stored.token);
      const c: TokenCandidate = { token: stored.token, decoded, source };
      if (stored.projectKey !== undefined) c.projectKey = stored.projectKey;
      out.candidates.push(c);
      gotToken = true;
    } else {
      out.rejected.push({ source, reason: `${source} session token: ${stored.reason}` });
    }
  }

  const isStub = isArray || !hasGetSessionToken;
  if (!gotToken && token.t !== 'string' && rawToken.t !== 'string') {
    if (isStub) {
      out.loading.push(`${source} is the snippet's placeholder: the tracker script has not loaded yet`);
    } else if (token.t === 'undefined' || token.t === 'null' || token.t === 'skipped' || token.t === 'absent') {
      out.loading.push(`${source} has no session token yet: the tracker has not started a session`);
    }
  }
  if (isStub) return null;

  const facts: TrackerFacts = { global: source };
  const sessionUrlValue = value(own(raw, 'sessionUrl'));
  const sessionUrl = sessionUrlOf(sessionUrlValue);
  if (sessionUrl !== undefined) facts.sessionUrl = sessionUrl;
  else if (sessionUrlValue.t === 'string')
    out.warnings.push(`${source}.getSessionURL() is not an http(s) URL; ignored`);

  const sessionId = value(own(raw, 'sessionId'));
  if (sessionId.t === 'string') {
    const checked =
      sessionId.n === sessionId.s.length
        ? validateSessionId(sessionId.s)
        : { ok: false as const, reason: `Session id is too long: ${sessionId.n} characters, at most 20 digits` };
    if (checked.ok) facts.sessionIdFromTracker = checked.sessionId;
    else out.warnings.push(`${source}.getSessionID(): ${checked.reason}`);
  }
  if (active.t === 'boolean') facts.isActive = active.b;

  const projectKey = value(own(raw, 'projectKey'));
  if (projectKey.t === 'string' && projectKey.s !== '' && projectKey.n === projectKey.s.length) {
    const problem = validateProjectKey(projectKey.s);
    if (problem === null) facts.projectKey = projectKey.s;
    else out.warnings.push(`${source} ${problem}`);
  }
  const version = value(own(raw, 'version'));
  if (version.t === 'string' && /^[0-9A-Za-z.+-]{1,40}$/.test(version.s)) facts.trackerVersion = version.s;
  const options = interpretTrackerOptions(own(raw, 'options'));
  if (options !== null) facts.trackerOptions = options;
  return facts;
}

function malformed(reason: string): ProbeResult {
  return {
    status: 'invalid',
    candidates: [],
    rejected: [{ source: 'probe', reason }],
    reasons: [reason],
    warnings: [],
    frame: 'unknown',
    frameUrl: null,
  };
}

export function interpretProbe(raw: unknown): ProbeResult {
  if (!isRecord(raw) || Array.isArray(raw)) return malformed('The page returned no probe result');
  if (own(raw, 'v') !== PROBE_VERSION) return malformed('The page returned a probe result of an unknown shape');
  const out: Collector = { candidates: [], rejected: [], loading: [], warnings: [] };

  const frameRaw = own(raw, 'frame');
  const frame: FrameKind = frameRaw === 'top' || frameRaw === 'iframe' ? frameRaw : 'unknown';
  const href = value(own(raw, 'href'));
  const frameUrl = href.t === 'string' ? href.s : null;

  const globals = own(raw, 'globals');
  let facts: TrackerFacts | null = null;
  for (const name of GLOBAL_NAMES) {
    const f = interpretGlobal(name, own(globals, name), out);
    facts ??= f;
  }

  const storage = own(raw, 'storage');
  const storedToken = value(own(storage, 'token'));
  let storageProjectKey: string | undefined;
  if (storedToken.t === 'string') {
    const stored = checkProbedStored(storedToken);
    if (stored.ok) {
      const c: TokenCandidate = {
        token: stored.token,
        decoded: decodeToken(stored.token),
        source: 'sessionStorage',
        storageFormat: stored.format,
      };
      if (stored.projectKey !== undefined) {
        c.projectKey = stored.projectKey;
        storageProjectKey = stored.projectKey;
      }
      out.candidates.push(c);
    } else {
      out.rejected.push({ source: 'sessionStorage', reason: `sessionStorage ${keyName(storage)}: ${stored.reason}` });
    }
  } else if (storedToken.t === 'threw') {
    out.warnings.push('Reading sessionStorage threw an error');
  } else if (storedToken.t === 'invalid' || storedToken.t === 'object' || storedToken.t === 'number') {
    out.rejected.push({
      source: 'sessionStorage',
      reason: `sessionStorage ${keyName(storage)} ${describeNonString(storedToken)}`,
    });
  }

  let storageVersion: string | undefined;
  let storedTrackerVersion: string | undefined;
  const storedVersion = value(own(storage, 'version'));
  if (storedVersion.t === 'string') {
    const parsed = parseStoredTokenVersion(storedVersion.s);
    if (parsed.ok) {
      storageVersion = parsed.storageVersion;
      storedTrackerVersion = parsed.trackerVersion;
    } else {
      out.warnings.push(`sessionStorage ${keyName(storage)}_version: ${parsed.reason}`);
    }
  }

  const result: ProbeResult = {
    status: 'none',
    candidates: out.candidates,
    rejected: out.rejected,
    reasons: [],
    warnings: out.warnings,
    frame,
    frameUrl,
  };
  if (facts) {
    result.trackerGlobal = facts.global;
    if (facts.sessionUrl !== undefined) result.sessionUrl = facts.sessionUrl;
    if (facts.sessionIdFromTracker !== undefined) result.sessionIdFromTracker = facts.sessionIdFromTracker;
    if (facts.isActive !== undefined) result.isActive = facts.isActive;
    if (facts.projectKey !== undefined) result.projectKey = facts.projectKey;
    if (facts.trackerVersion !== undefined) result.trackerVersion = facts.trackerVersion;
    if (facts.trackerOptions !== undefined) result.trackerOptions = facts.trackerOptions;
  }
  result.projectKey ??= storageProjectKey;
  if (result.projectKey === undefined) delete result.projectKey;
  if (result.trackerVersion === undefined && storedTrackerVersion !== undefined)
    result.trackerVersion = storedTrackerVersion;
  if (storageVersion !== undefined) result.storageVersion = storageVersion;

  if (facts?.projectKey !== undefined && storageProjectKey !== undefined && facts.projectKey !== storageProjectKey) {
    out.warnings.push(
      `The stored token belongs to project key ${storageProjectKey}, the tracker runs with ${facts.projectKey}: the tracker will start a new session`,
    );
  }
  const best = out.candidates[0];
  if (best && result.sessionIdFromTracker !== undefined && best.decoded.sessionId !== result.sessionIdFromTracker) {
    out.warnings.push(
      `The tracker reports session id ${result.sessionIdFromTracker}, the token encodes ${best.decoded.sessionId}`,
    );
  }

  if (out.candidates.length > 0) {
    result.status = 'found';
  } else if (out.loading.length > 0) {
    result.status = 'loading';
    result.reasons = out.loading;
  } else if (out.rejected.length > 0) {
    result.status = 'invalid';
    result.reasons = out.rejected.map((r) => r.reason);
  }
  return result;
}

function keyName(storage: unknown): string {
  const key = own(storage, 'key');
  return typeof key === 'string' && /^[A-Za-z0-9_.$-]{1,128}$/.test(key) ? key : '__openreplay_token';
}
