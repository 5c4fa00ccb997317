// One tracker global (window.__OPENREPLAY__, window.OpenReplay, window.asayer) as the probe saw
// it: the token it holds, or why it holds none yet, and the tracker's facts (session URL and id,
// project key, version, network options), each checked before it is believed.

import { decodeToken } from './token.ts';
import { validateSessionId } from './session-id.ts';
import { validateProjectKey } from './storage-formats.ts';
import { type GlobalName, type TokenSource, globalSource } from './sources.ts';
import { interpretTrackerOptions, type TrackerOptions } from './tracker-options.ts';
import type { Rejection, TokenCandidate } from './probe-candidate.ts';
import { checkProbedStored, checkProbedToken, describeNonString, own, sessionUrlOf, value } from './probe-value.ts';

export interface Collector {
  candidates: TokenCandidate[];
  rejected: Rejection[];
  loading: string[];
  warnings: string[];
}

export interface TrackerFacts {
  global: TokenSource;
  sessionUrl?: string;
  sessionIdFromTracker?: string;
  isActive?: boolean;
  projectKey?: string;
  trackerVersion?: string;
  trackerOptions?: TrackerOptions;
}

export function interpretGlobal(name: GlobalName, raw: unknown, out: Collector): TrackerFacts | null {
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
