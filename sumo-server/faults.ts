/** Which API call a request is, for fault targeting (`on`). */
export type CallKind = 'create' | 'status' | 'messages' | 'records' | 'delete' | 'other';
export const CALL_KINDS: readonly CallKind[] = ['create', 'status', 'messages', 'records', 'delete', 'other'];

/** Faults decided per request, before the request reaches the API logic. */
export type RequestFault =
  | { type: 'unauthorized'; withoutSession?: boolean }
  | { type: 'forbidden' }
  | { type: 'rateLimit'; retryAfter?: number }
  | { type: 'serverError'; status?: 500 | 502 | 503 | 504 }
  | { type: 'moved'; location?: string }
  | { type: 'delay'; ms: number }
  | { type: 'hang' }
  | { type: 'notFound' };

/** Faults baked into a job when it is created. */
export type JobFault =
  | { type: 'transient404'; count?: number }
  | { type: 'forcePaused'; cap?: number }
  | { type: 'cancelled'; afterMessages?: number }
  | { type: 'pendingErrors'; errors?: string[] }
  | { type: 'pendingWarnings'; warnings?: string[] }
  | { type: 'emptyPages'; count?: number }
  | { type: 'doneGatheringHistogram'; polls?: number }
  | { type: 'camelCase' }
  | { type: 'gatherRate'; messagesPerSecond: number }
  /** The service loses the job after its Nth status answer (as when a node drops it). */
  | { type: 'expire'; afterPolls?: number };

export interface FaultScope {
  /** Apply at most this many times (requests for request faults, jobs for job faults). Default: always. */
  times?: number;
  /** Let this many matching requests/jobs through untouched first. Default 0. */
  after?: number;
  /** Request faults only: which calls it hits. Default: every /api call. */
  on?: CallKind[];
}

export type FaultSpec = (RequestFault | JobFault) & FaultScope;

const REQUEST_TYPES = new Set([
  'unauthorized',
  'forbidden',
  'rateLimit',
  'serverError',
  'moved',
  'delay',
  'hang',
  'notFound',
]);
const JOB_TYPES = new Set([
  'transient404',
  'forcePaused',
  'cancelled',
  'pendingErrors',
  'pendingWarnings',
  'emptyPages',
  'doneGatheringHistogram',
  'camelCase',
  'gatherRate',
  'expire',
]);

export function isRequestFault(f: FaultSpec): f is RequestFault & FaultScope {
  return REQUEST_TYPES.has(f.type);
}

export function isJobFault(f: FaultSpec): f is JobFault & FaultScope {
  return JOB_TYPES.has(f.type);
}

export class FaultSpecError extends Error {}

function nonNegativeInt(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new FaultSpecError(`${what} must be a non-negative integer`);
  }
  return value;
}

function stringList(value: unknown, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new FaultSpecError(`${what} must be a string or an array of strings`);
}

/** Checks an untrusted fault description (JSON body or header) and returns a typed copy. */
export function validateFault(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new FaultSpecError('a fault must be an object');
  const o = input as Record<string, unknown>;
  const type = o.type;
  if (typeof type !== 'string' || (!REQUEST_TYPES.has(type) && !JOB_TYPES.has(type))) {
    throw new FaultSpecError(
      `unknown fault type ${JSON.stringify(type)}; known: ${[...REQUEST_TYPES, ...JOB_TYPES].join(', ')}`,
    );
  }
  const scope: FaultScope = {};
  const times = nonNegativeInt(o.times, 'times');
  if (times !== undefined) scope.times = times;
  const after = nonNegativeInt(o.after, 'after');
  if (after !== undefined) scope.after = after;
  if (o.on !== undefined) {
    const on = typeof o.on === 'string' ? [o.on] : o.on;
    if (!Array.isArray(on) || !on.every((c) => CALL_KINDS.includes(c as CallKind))) {
      throw new FaultSpecError(`on must list calls among ${CALL_KINDS.join(', ')}`);
    }
    scope.on = on as CallKind[];
  }
  switch (type) {
    case 'unauthorized':
      return { type, ...(o.withoutSession === true ? { withoutSession: true } : {}), ...scope };
    case 'forbidden':
    case 'hang':
    case 'notFound':
    case 'camelCase':
      return { type, ...scope };
    case 'rateLimit': {
      const retryAfter = nonNegativeInt(o.retryAfter, 'retryAfter');
      return { type, ...(retryAfter !== undefined ? { retryAfter } : {}), ...scope };
    }
    case 'serverError': {
      const status = o.status ?? 500;
      if (status !== 500 && status !== 502 && status !== 503 && status !== 504)
        throw new FaultSpecError('serverError status must be 500, 502, 503 or 504');
      return { type, status, ...scope };
    }
    case 'moved': {
      if (o.location !== undefined && typeof o.location !== 'string')
        throw new FaultSpecError('location must be a string');
      return { type, ...(typeof o.location === 'string' ? { location: o.location } : {}), ...scope };
    }
    case 'delay': {
      const ms = nonNegativeInt(o.ms, 'ms');
      if (ms === undefined) throw new FaultSpecError('delay needs ms');
      return { type, ms, ...scope };
    }
    case 'transient404':
    case 'emptyPages': {
      const count = nonNegativeInt(o.count, 'count');
      return { type, count: count ?? 2, ...scope };
    }
    case 'forcePaused':
      return { type, cap: nonNegativeInt(o.cap, 'cap') ?? 10, ...scope };
    case 'cancelled':
      return { type, afterMessages: nonNegativeInt(o.afterMessages, 'afterMessages') ?? 0, ...scope };
    case 'doneGatheringHistogram':
      return { type, polls: nonNegativeInt(o.polls, 'polls') ?? 2, ...scope };
    case 'pendingErrors':
      return {
        type,
        errors: stringList(o.errors, 'errors') ?? ['Parse error: this search failed (injected fault).'],
        ...scope,
      };
    case 'pendingWarnings':
      return {
        type,
        warnings: stringList(o.warnings, 'warnings') ?? ['This search may be incomplete (injected fault).'],
        ...scope,
      };
    case 'expire':
      return { type, afterPolls: nonNegativeInt(o.afterPolls, 'afterPolls') ?? 1, ...scope };
    case 'gatherRate': {
      const rate = o.messagesPerSecond;
      if (typeof rate !== 'number' || !(rate > 0)) throw new FaultSpecError('gatherRate needs messagesPerSecond > 0');
      return { type, messagesPerSecond: rate, ...scope };
    }
    default:
      throw new FaultSpecError(`unknown fault type ${type}`);
  }
}

function headerValue(raw: string): unknown {
  if (/^-?\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return raw;
}

/**
 * Per-request faults from the `X-Sumo-Fault` header: comma-separated faults, each
 * `type[;key=value]*`, e.g. `serverError;status=503` or `delay;ms=200, camelCase`.
 * `on` may be `|`-separated. Values are numbers/booleans when they look like one.
 */
export function parseFaultHeader(value: string | undefined): FaultSpec[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part) => {
    const [type, ...pairs] = part.trim().split(';');
    const obj: Record<string, unknown> = { type: type?.trim() };
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq === -1) throw new FaultSpecError(`bad X-Sumo-Fault parameter '${pair}'`);
      const key = pair.slice(0, eq).trim();
      const raw = pair.slice(eq + 1).trim();
      obj[key] = key === 'on' ? raw.split('|') : headerValue(raw);
    }
    return validateFault(obj);
  });
}

interface ActiveFault {
  spec: FaultSpec;
  matched: number;
  applied: number;
}

export interface FaultView {
  spec: FaultSpec;
  matched: number;
  applied: number;
}

/** Run-wide faults with their `after`/`times` counters. */
export class FaultRegistry {
  private active: ActiveFault[] = [];
  private readonly hits = new Map<string, number>();

  set(specs: FaultSpec[]): void {
    this.active = specs.map((spec) => ({ spec, matched: 0, applied: 0 }));
  }

  add(specs: FaultSpec[]): void {
    this.active.push(...specs.map((spec) => ({ spec, matched: 0, applied: 0 })));
  }

  clear(): void {
    this.active = [];
  }

  list(): FaultView[] {
    return this.active.map((a) => ({ spec: a.spec, matched: a.matched, applied: a.applied }));
  }

  hitCounts(): Record<string, number> {
    return Object.fromEntries(this.hits);
  }

  resetHits(): void {
    this.hits.clear();
  }

  noteHit(type: string): void {
    this.hits.set(type, (this.hits.get(type) ?? 0) + 1);
  }

  private take(filter: (spec: FaultSpec) => boolean): FaultSpec[] {
    const out: FaultSpec[] = [];
    for (const a of this.active) {
      if (!filter(a.spec)) continue;
      a.matched++;
      if (a.matched <= (a.spec.after ?? 0)) continue;
      if (a.spec.times !== undefined && a.applied >= a.spec.times) continue;
      a.applied++;
      out.push(a.spec);
    }
    return out;
  }

  /** Request faults that fire for this request (counters advance). */
  forRequest(call: CallKind, hasSession: boolean): RequestFault[] {
    return this.take(
      (s) =>
        isRequestFault(s) &&
        (s.on === undefined || s.on.includes(call)) &&
        !(s.type === 'unauthorized' && s.withoutSession === true && hasSession),
    ).filter(isRequestFault);
  }

  /** Job faults for a job being created now (counters advance). */
  forNewJob(): JobFault[] {
    return this.take(isJobFault).filter(isJobFault);
  }
}
