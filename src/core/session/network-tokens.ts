// The token as the tracker's own traffic carries it: the /v1/web/start response body and the
// `Authorization: Bearer <token>` of every /v1/web/i batch. Used when no global is reachable.

import { type DecodedToken, decodeToken, validateToken } from './token.ts';
import { validateSessionId } from './session-id.ts';

export const DEFAULT_INGEST = 'https://api.openreplay.com/ingest';

export interface RecordedRequestLike {
  url: string;
  method: string;
  requestHeaders: ReadonlyArray<{ name: string; value: string }>;
  responseBody?: string;
}

export type IngestEndpoint = 'start' | 'i' | 'not_started' | 'images' | 'feature-flags' | 'conditions' | 'tags' | 'sdk';

// /v1/web/* is the session tracker; /v1/sdk/* its analytics module (a different token).
const INGEST_PATH_RE =
  /^(.*)\/v1\/(?:web\/(?:(start|i|not_started|images|feature-flags|tags)|(conditions)(?:\/[^/]+)?)|sdk\/(?:start|i))$/;

export interface IngestMatch {
  endpoint: IngestEndpoint;
  /** Origin + path prefix before /v1/..., e.g. https://api.openreplay.com/ingest */
  ingestBase: string;
}

export function matchTrackerIngestUrl(url: string): IngestMatch | null {
  // Asked of every request, often several times: most are told apart without parsing the URL (an
  // ingest path holds `v1`, and a parser turns at most `\v1\` into `/v1/`).
  if (!url.includes('v1')) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const m = INGEST_PATH_RE.exec(parsed.pathname);
  if (!m) return null;
  const endpoint = (m[2] ?? m[3] ?? 'sdk') as IngestEndpoint;
  return { endpoint, ingestBase: parsed.origin + (m[1] ?? '') };
}

/** The tracker's own requests: never "a request that should carry the token header". */
export function isTrackerIngestUrl(url: string): boolean {
  return matchTrackerIngestUrl(url) !== null;
}

export interface StartResponseFacts {
  sessionId?: string;
  projectId?: string;
  startTimestamp?: number;
  delay?: number;
}

export type NetworkTokenFinding =
  | {
      ok: true;
      source: 'network: /v1/web/start';
      token: string;
      decoded: DecodedToken;
      ingestBase: string;
      facts: StartResponseFacts;
      warnings: string[];
    }
  | {
      ok: true;
      source: 'network: Authorization of /v1/web/i';
      token: string;
      decoded: DecodedToken;
      ingestBase: string;
      facts: StartResponseFacts;
      warnings: string[];
    }
  | { ok: false; source: 'network: /v1/web/start' | 'network: Authorization of /v1/web/i'; reason: string };

/** The start response is a small JSON object; a body far larger is not one worth parsing. */
const MAX_START_BODY = 256 * 1024;

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function fromStartResponse(body: string | undefined, ingestBase: string): NetworkTokenFinding {
  const source = 'network: /v1/web/start' as const;
  if (typeof body !== 'string' || body === '') return { ok: false, source, reason: 'start response has no body' };
  if (body.length > MAX_START_BODY) {
    return { ok: false, source, reason: `start response is too large to be one (${body.length} characters)` };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, source, reason: 'start response is not JSON' };
  }
  if (!isPlainRecord(json)) return { ok: false, source, reason: 'start response is not a JSON object' };
  const rawToken = own(json, 'token');
  if (rawToken === undefined) return { ok: false, source, reason: 'start response has no token' };
  const checked = validateToken(rawToken);
  if (!checked.ok) return { ok: false, source, reason: `start response token: ${checked.reason}` };
  const decoded = decodeToken(checked.token);
  const facts: StartResponseFacts = {};
  const warnings: string[] = [];
  const sessionId = own(json, 'sessionID');
  if (sessionId !== undefined) {
    const id = validateSessionId(sessionId);
    if (id.ok) {
      facts.sessionId = id.sessionId;
      if (id.sessionId !== decoded.sessionId) {
        warnings.push(
          `start response sessionID ${id.sessionId} differs from the token's session id ${decoded.sessionId}`,
        );
      }
    } else {
      warnings.push(`start response sessionID ignored: ${id.reason}`);
    }
  }
  const projectId = own(json, 'projectID');
  if (typeof projectId === 'number' && Number.isSafeInteger(projectId) && projectId >= 0) {
    facts.projectId = String(projectId);
  } else if (typeof projectId === 'string' && /^[0-9]{1,20}$/.test(projectId)) {
    facts.projectId = projectId;
  }
  const startTimestamp = own(json, 'startTimestamp');
  if (typeof startTimestamp === 'number' && Number.isSafeInteger(startTimestamp) && startTimestamp > 0) {
    facts.startTimestamp = startTimestamp;
  }
  const delay = own(json, 'delay');
  if (typeof delay === 'number' && Number.isFinite(delay)) facts.delay = delay;
  return { ok: true, source, token: checked.token, decoded, ingestBase, facts, warnings };
}

function fromBatchAuthorization(
  headers: RecordedRequestLike['requestHeaders'],
  ingestBase: string,
): NetworkTokenFinding | null {
  const source = 'network: Authorization of /v1/web/i' as const;
  const header = headers.find((h) => typeof h.name === 'string' && h.name.toLowerCase() === 'authorization');
  if (!header) return null;
  const value = typeof header.value === 'string' ? header.value : '';
  const m = /^Bearer +(.*)$/i.exec(value);
  if (!m) return { ok: false, source, reason: 'batch Authorization header is not "Bearer <token>"' };
  const tokenText = m[1] ?? '';
  // The worker sends `Bearer null` while it waits for the start response: not a token yet.
  if (tokenText === 'null' || tokenText === '') return null;
  const checked = validateToken(tokenText);
  if (!checked.ok) return { ok: false, source, reason: `batch Authorization token: ${checked.reason}` };
  return {
    ok: true,
    source,
    token: checked.token,
    decoded: decodeToken(checked.token),
    ingestBase,
    facts: {},
    warnings: [],
  };
}

/** null: not a request that tells us the token (not tracker traffic, or nothing in it yet). */
export function extractNetworkToken(req: RecordedRequestLike): NetworkTokenFinding | null {
  const match = matchTrackerIngestUrl(req.url);
  if (!match) return null;
  if (match.endpoint === 'start' && req.method.toUpperCase() === 'POST') {
    return fromStartResponse(req.responseBody, match.ingestBase);
  }
  if (match.endpoint === 'i') return fromBatchAuthorization(req.requestHeaders, match.ingestBase);
  return null;
}
