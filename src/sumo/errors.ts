import { deploymentFromMovedLocation } from './deployments.ts';

export type SumoErrorKind =
  | 'moved'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'job-invalid'
  | 'job-expired'
  | 'job-unreachable'
  | 'method-unsupported'
  | 'content-type'
  | 'rate-limited'
  | 'server-error'
  | 'unavailable'
  | 'bad-time-range'
  | 'bad-query'
  | 'query-error'
  | 'bad-paging'
  | 'bad-request'
  | 'network'
  | 'cancelled'
  | 'aborted'
  | 'empty-page'
  | 'timeout'
  | 'bad-response'
  | 'bad-credentials'
  | 'http';

export interface SumoErrorDetails {
  status?: number;
  code?: string;
  /** Sumo's correlation id ("id" in an error body): worth quoting to Sumo support. */
  correlationId?: string;
  retryAfterMs?: number;
  /** For "moved": the deployment the Location header points to. */
  movedTo?: string;
  cause?: unknown;
}

/** Every message is user-facing and never contains credentials. */
export class SumoError extends Error {
  override readonly name = 'SumoError';
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly correlationId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly movedTo: string | undefined;

  constructor(
    readonly kind: SumoErrorKind,
    message: string,
    details: SumoErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.correlationId = details.correlationId;
    this.retryAfterMs = details.retryAfterMs;
    this.movedTo = details.movedTo;
  }
}

export function isSumoError(err: unknown, kind?: SumoErrorKind): err is SumoError {
  return err instanceof SumoError && (kind === undefined || err.kind === kind);
}

export interface SumoErrorBody {
  status?: number;
  id?: string;
  code?: string;
  message?: string;
}

export interface HttpFailure {
  status: number;
  body: SumoErrorBody | undefined;
  /** Location header (for 301). */
  location?: string | null;
  retryAfterMs?: number;
  /** The API host, for messages. */
  host: string;
  /** Strings to cut out of anything Sumo echoes back (the access key, the Authorization value). */
  secrets?: readonly string[];
}

const MAX_ECHO = 300;

/** Cleans text that came from the server before it is shown: secrets cut, control characters and length bounded. */
export function sanitizeServerText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  out = out.replace(/Basic\s+[A-Za-z0-9+/=]{8,}/gi, 'Basic [redacted]');
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  out = out.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return out.length > MAX_ECHO ? `${out.slice(0, MAX_ECHO)}…` : out;
}

const SUFFIX_MESSAGES: ReadonlyArray<[string, SumoErrorKind, string]> = [
  ['invalid.timestamp.from', 'bad-time-range', 'SumoLogic refused the start time of the search window.'],
  ['invalid.timestamp.to', 'bad-time-range', 'SumoLogic refused the end time of the search window.'],
  ['to.smaller.than.from', 'bad-time-range', 'The search window ends before it starts — check the time range.'],
  ['unknown.timezone', 'bad-time-range', 'SumoLogic does not know the time zone that was sent.'],
  ['no.query', 'bad-query', 'The search query is empty.'],
  ['offset.missing', 'bad-paging', 'SumoLogic refused a page request (offset missing) — this is a bug in Replay Link.'],
  ['limit.missing', 'bad-paging', 'SumoLogic refused a page request (limit missing) — this is a bug in Replay Link.'],
  ['limit.zero', 'bad-paging', 'SumoLogic refused a page request (limit 0) — this is a bug in Replay Link.'],
  ['limit.negative', 'bad-paging', 'SumoLogic refused a page request (negative limit) — this is a bug in Replay Link.'],
  [
    'no.records.not.an.aggregation.query',
    'bad-paging',
    'SumoLogic has no records for this search because it is not an aggregation query.',
  ],
];

/** Maps an HTTP error answer from the Search Job API to a SumoError with a message that says what to do. */
export function errorFromHttp(failure: HttpFailure): SumoError {
  const { status, body, host } = failure;
  const code = body?.code;
  const serverMessage = body?.message ? sanitizeServerText(body.message, failure.secrets) : '';
  const base: SumoErrorDetails = { status };
  if (code) base.code = code;
  if (body?.id) base.correlationId = sanitizeServerText(body.id, failure.secrets);
  if (failure.retryAfterMs !== undefined) base.retryAfterMs = failure.retryAfterMs;
  const codeSuffix = (suffix: string): boolean => code !== undefined && code.endsWith(suffix);

  if (status === 301 || status === 0 || code === 'moved') {
    // A browser hides the Location of a redirect; the real body names no host either.
    const target =
      deploymentFromMovedLocation(failure.location) ?? deploymentFromMovedLocation(findHost(serverMessage));
    if (target) {
      return new SumoError(
        'moved',
        `Wrong deployment: this account lives in ${target.id} (${target.apiHost}) — pick ${target.id} in settings.`,
        { ...base, movedTo: target.id },
      );
    }
    return new SumoError(
      'moved',
      `Wrong deployment: ${host} redirected the request to another SumoLogic deployment — press "Detect" in Settings to find yours (or paste the address you log in at).`,
      base,
    );
  }
  if (status === 401) {
    return new SumoError('unauthorized', 'The Access ID/Key was refused — check them or create a new key.', base);
  }
  if (status === 403) {
    return new SumoError(
      'forbidden',
      'SumoLogic refused this key (403 forbidden). Either the account is not Enterprise (only Enterprise accounts may use the Search Job API), or the role of the key\'s user lacks a capability the search needs (e.g. "Download Search Results") — ask your SumoLogic administrator.',
      base,
    );
  }
  if (code !== undefined && code.endsWith('jobid.invalid')) {
    // Status calls answer 404, paging calls 400, for a job the service no longer has.
    return new SumoError('job-invalid', "The search job expired on SumoLogic's side — search again.", base);
  }
  if (status === 404) {
    return new SumoError(
      'not-found',
      `${host} answered 404 not found — check the deployment or the custom API base URL (it must end in /api).`,
      base,
    );
  }
  if (status === 405) {
    return new SumoError(
      'method-unsupported',
      'SumoLogic refused the request method (405) — this is a bug in Replay Link.',
      base,
    );
  }
  if (status === 415) {
    return new SumoError(
      'content-type',
      'SumoLogic refused the request content type (415) — this is a bug in Replay Link.',
      base,
    );
  }
  if (status === 429) {
    return new SumoError(
      'rate-limited',
      'SumoLogic kept answering "rate limit exceeded" after several slower retries. Its limit (4 requests/s) counts all of your user\'s tools together, and the organisation may also have reached its 200 live search jobs — wait a minute, check what else uses this key, and search again.',
      base,
    );
  }
  if (status === 400) {
    if (codeSuffix('parse.error')) {
      return new SumoError(
        'bad-query',
        `SumoLogic could not parse the query: ${serverMessage || 'no details given'}`,
        base,
      );
    }
    for (const [suffix, kind, message] of SUFFIX_MESSAGES) {
      if (codeSuffix(suffix))
        return new SumoError(kind, serverMessage ? `${message} (${serverMessage})` : message, base);
    }
    return new SumoError(
      'bad-request',
      `SumoLogic refused the search: ${serverMessage || `400 ${code ?? 'bad request'}`}`,
      base,
    );
  }
  if (status === 503) {
    return new SumoError('unavailable', 'SumoLogic is unavailable right now (503) — try again in a few minutes.', base);
  }
  if (status === 502 || status === 504) {
    return new SumoError(
      'server-error',
      `SumoLogic's gateway answered ${status} (${status === 502 ? 'bad gateway' : 'gateway timeout'}) — the service is having trouble; try again in a moment.`,
      base,
    );
  }
  if (status >= 500) {
    return new SumoError(
      'server-error',
      `SumoLogic had an internal error (${status}) — try again in a moment.${base.correlationId ? ` Reference: ${base.correlationId}.` : ''}`,
      base,
    );
  }
  return new SumoError(
    'http',
    `SumoLogic answered ${status}${code ? ` ${code}` : ''}${serverMessage ? `: ${serverMessage}` : ''}.`,
    base,
  );
}

function findHost(text: string): string | undefined {
  return /\b(?:api|service)\.(?:[a-z0-9]+\.)?sumologic\.com\b/i.exec(text)?.[0];
}

export function networkError(host: string, cause?: unknown): SumoError {
  return new SumoError(
    'network',
    `Could not reach ${host} — check the deployment/network (a browser also reports some refused answers this way).`,
    cause === undefined ? {} : { cause },
  );
}

export function abortedError(): SumoError {
  return new SumoError('aborted', 'Search cancelled.');
}

export function jobExpiredError(): SumoError {
  return new SumoError('job-expired', "The search job expired on SumoLogic's side — search again.");
}

/** A job that could not be reached from its first status call on: the session cookie did not stick. */
export function jobUnreachableError(host: string): SumoError {
  return new SumoError(
    'job-unreachable',
    `SumoLogic created the search job but could not find it right afterwards. The likely cause: the browser did not keep SumoLogic's session cookies (JSESSIONID, AWSALB) for ${host} — check that cookies for sumologic.com are allowed (browser settings → cookies and site data, a cookie-blocking extension or a company policy), then search again.`,
  );
}

/** Every retry of a key the host had accepted got 401 too. */
export function authThrottledError(retries: number, last: SumoError): SumoError {
  return new SumoError(
    'unauthorized',
    `The Access ID/Key was refused ${retries + 1} times in a row after SumoLogic had accepted it — it may have been disabled or deleted; check it or create a new key.`,
    {
      ...(last.status === undefined ? {} : { status: last.status }),
      ...(last.code === undefined ? {} : { code: last.code }),
    },
  );
}

export function jobCancelledError(): SumoError {
  return new SumoError('cancelled', 'SumoLogic cancelled the search job — run the search again.');
}

export function queryErrorFromPending(errors: readonly string[], secrets: readonly string[] = []): SumoError {
  const first = sanitizeServerText(errors[0] ?? 'unknown error', secrets);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new SumoError('query-error', `SumoLogic reported a query error: ${first}${more}`);
}

export function emptyPageError(messageCount: number, offset: number): SumoError {
  return new SumoError(
    'empty-page',
    `SumoLogic reported ${messageCount} messages but returned an empty page at offset ${offset} several times — try the search again.`,
  );
}

export function timeoutError(seconds: number): SumoError {
  return new SumoError(
    'timeout',
    `The search did not finish within ${seconds} s — narrow the time range or the scope and try again.`,
  );
}

export function badResponseError(what: string): SumoError {
  return new SumoError('bad-response', `SumoLogic sent an answer Replay Link could not read (${what}).`);
}
