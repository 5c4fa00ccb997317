/**
 * How closely the server copies the real service's harsher behaviours. Every switch is on by
 * default (the extension must survive them), except `rawOnlyWhenRequested`, the worst case.
 * Sources for each: docs/sumo-server.md, "Strict by default".
 */
export interface Strictness {
  /** What a status/paging/delete call answers without the creating session's cookie: 404, 500, or each in turn. */
  cookieLoss: 404 | 500 | 'alternate';
  /**
   * Authenticated calls without a live session cookie count against an authentication throttle;
   * past `authThrottleFreeCalls` of them per access id in a minute, every second one answers
   * `401 "Credential could not be verified."` although the key is valid. 0 turns it off.
   */
  authThrottleFreeCalls: number;
  /** Paging a lost job answers `400 searchjob.jobid.invalid` (status calls 404), not 404. */
  lostJobPaging400: boolean;
  /** A started job first reports `GATHERING RESULTS FROM SUBQUERIES`. */
  subqueriesState: boolean;
  /** Status answers and message pages carry an extra `warning` field (status always has `usageDetails`). */
  extraFields: boolean;
  /** Message maps mix key casing as the current docs sample does (`_messagetime` next to `_sourceCategory`). */
  mixedKeyCase: boolean;
  /** A message page stops before this many bytes of messages (at least one message), like the service's 100 MB. */
  maxPageBytes: number;
  /** 502/503/504 from the load balancer come with an HTML body. */
  htmlGatewayErrors: boolean;
  /** Worst case: a job created without `requiresRawMessages: true` returns messages without `_raw`. */
  rawOnlyWhenRequested: boolean;
}

export const STRICT_DEFAULTS: Readonly<Strictness> = Object.freeze({
  cookieLoss: 'alternate',
  authThrottleFreeCalls: 20,
  lostJobPaging400: true,
  subqueriesState: true,
  extraFields: true,
  mixedKeyCase: true,
  maxPageBytes: 100 * 1024 * 1024,
  htmlGatewayErrors: true,
  rawOnlyWhenRequested: false,
});

/** Everything off: the kind server of earlier versions (for tests that check one thing at a time). */
export const LENIENT: Readonly<Strictness> = Object.freeze({
  cookieLoss: 404,
  authThrottleFreeCalls: 0,
  lostJobPaging400: false,
  subqueriesState: false,
  extraFields: false,
  mixedKeyCase: false,
  maxPageBytes: Number.MAX_SAFE_INTEGER,
  htmlGatewayErrors: false,
  rawOnlyWhenRequested: false,
});

export const STRICT_SWITCHES = Object.keys(STRICT_DEFAULTS) as Array<keyof Strictness>;

export function resolveStrictness(input: Partial<Strictness> | 'lenient' | undefined): Strictness {
  if (input === 'lenient') return { ...LENIENT };
  const s = { ...STRICT_DEFAULTS, ...input };
  if (s.cookieLoss !== 404 && s.cookieLoss !== 500 && s.cookieLoss !== 'alternate')
    throw new RangeError('cookieLoss must be 404, 500 or alternate');
  if (!Number.isInteger(s.authThrottleFreeCalls) || s.authThrottleFreeCalls < 0)
    throw new RangeError('authThrottleFreeCalls must be an integer >= 0');
  if (!(s.maxPageBytes >= 1)) throw new RangeError('maxPageBytes must be >= 1');
  return s;
}

const GATEWAY_TITLES: Record<number, string> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The body an AWS load balancer sends for a gateway error. */
export function gatewayHtml(status: number): string {
  const title = `${status} ${GATEWAY_TITLES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * The authentication throttle: counts authenticated calls that brought no live session cookie,
 * per access id in a sliding minute.
 */
export class AuthThrottle {
  private readonly calls = new Map<string, number[]>();
  private readonly refusedTurn = new Map<string, boolean>();

  constructor(private readonly freeCalls: number) {}

  /** True when this cookie-less call is refused with 401. */
  refuses(accessId: string, now: number): boolean {
    if (this.freeCalls === 0) return false;
    const list = (this.calls.get(accessId) ?? []).filter((t) => now - t < 60_000);
    list.push(now);
    this.calls.set(accessId, list);
    if (list.length <= this.freeCalls) return false;
    // Sporadic, as reported: every other call past the budget.
    const refuse = !(this.refusedTurn.get(accessId) ?? false);
    this.refusedTurn.set(accessId, refuse);
    return refuse;
  }

  clear(): void {
    this.calls.clear();
    this.refusedTurn.clear();
  }
}
