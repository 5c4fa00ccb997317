// The extension-side half of the session probe: turns whatever came back from evaluating
// PROBE_EXPRESSION in a frame into a typed, validated result. The page controls that value, so
// every field is checked for shape and own-ness before it is used (probe-value.ts); each tracker
// global is read by probe-global.ts, sessionStorage and the verdict here.

import { decodeToken } from './token.ts';
import { parseStoredTokenVersion } from './storage-formats.ts';
import { type TokenSource, GLOBAL_NAMES } from './sources.ts';
import { PROBE_VERSION } from './probe-expression.ts';
import type { TrackerOptions } from './tracker-options.ts';
import type { Rejection, TokenCandidate } from './probe-candidate.ts';
import { interpretGlobal, type Collector, type TrackerFacts } from './probe-global.ts';
import { checkProbedStored, describeNonString, isRecord, own, value } from './probe-value.ts';

export { PROBE_EXPRESSION, PROBE_MAX_STRING, PROBE_VERSION } from './probe-expression.ts';

export type ProbeStatus = 'found' | 'loading' | 'none' | 'invalid';
export type FrameKind = 'top' | 'iframe' | 'unknown';

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
