import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { signToken, verifyToken } from './token-codec.ts';
import { makeFlakeId } from '../../src/core/session/session-id.ts';

export const DEFAULT_SESSION_LENGTH_MS = 2 * 60 * 60 * 1000;

// Session ids are made as OpenReplay's backend makes them (flakeid: start time, shard, sequence),
// so the panel decodes the demo's session starts exactly as it decodes real ones.
const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export interface IngestSession {
  token: string;
  /** Decimal string, like the real start response: the number is beyond 2^53. */
  sessionId: string;
  startTimestamp: number;
  expiresAt: number;
  delay: number;
  userUUID: string;
  projectKey: string;
  /** Batches accepted on /v1/web/i for this session. */
  batches: number;
}

export interface StartRequest {
  token?: unknown;
  timestamp?: unknown;
  userUUID?: unknown;
  projectKey?: unknown;
}

export interface StartResult {
  session: IngestSession;
  continued: boolean;
}

export interface SessionRegistryOptions {
  sessionLengthMs?: number;
  now?: () => number;
  secret?: Uint8Array;
}

/** Issues, continues and checks sessions the way the OpenReplay ingest does, in memory. */
export class SessionRegistry {
  private readonly byToken = new Map<string, IngestSession>();
  private readonly ordered: IngestSession[] = [];
  private readonly secret: Uint8Array;
  private readonly now: () => number;
  private readonly sessionLengthMs: number;
  private lastId = 0n;
  private readonly shard = randomInt(0, 1 << 16);
  private forceNextNew = false;

  constructor(opts: SessionRegistryOptions = {}) {
    this.secret = opts.secret ?? randomBytes(32);
    this.now = opts.now ?? Date.now;
    this.sessionLengthMs = opts.sessionLengthMs ?? DEFAULT_SESSION_LENGTH_MS;
  }

  /** The next /v1/web/start gets a new session even if it carries a valid token. */
  forceNew(): void {
    this.forceNextNew = true;
  }

  start(req: StartRequest): StartResult {
    const forced = this.forceNextNew;
    this.forceNextNew = false;
    if (!forced && typeof req.token === 'string') {
      const existing = this.check(req.token);
      if (existing) return { session: existing, continued: true };
    }
    return { session: this.issue(req), continued: false };
  }

  /** A brand-new session outside the tracker's flow (for pages that only show a stored token). */
  issueNew(req: StartRequest): IngestSession {
    return this.issue(req);
  }

  /**
   * A session that started at `startMs` in the past and is over (a customer's session support
   * looks up later). Kept out of `list()`: it was never this run's tracker's session.
   */
  pastSession(startMs: number, req: StartRequest = {}): IngestSession {
    return this.issue(req, Math.trunc(startMs));
  }

  /** The live session a token belongs to; null when unknown, forged or expired. */
  check(token: string): IngestSession | null {
    const session = this.byToken.get(token);
    if (!session || !verifyToken(token, this.secret)) return null;
    return this.now() < session.expiresAt ? session : null;
  }

  list(): IngestSession[] {
    return [...this.ordered];
  }

  private issue(req: StartRequest, pastStart?: number): IngestSession {
    const startTimestamp = pastStart ?? this.now();
    const clientTime =
      typeof req.timestamp === 'number' && Number.isFinite(req.timestamp) ? req.timestamp : startTimestamp;
    // A client clock more than a day off is nonsense rather than skew; the real ingest clamps too.
    const skew = Math.trunc(startTimestamp - clientTime);
    const delay = Math.abs(skew) > MAX_CLOCK_SKEW_MS ? 0 : skew;
    const id =
      pastStart === undefined
        ? this.nextId(startTimestamp)
        : makeFlakeId(startTimestamp, this.shard, randomInt(0, 256));
    const expiresAt = startTimestamp + this.sessionLengthMs;
    const session: IngestSession = {
      token: signToken({ sessionId: id, delayMs: delay, expiresAt }, this.secret),
      sessionId: id.toString(),
      startTimestamp,
      expiresAt,
      delay,
      userUUID: typeof req.userUUID === 'string' && req.userUUID ? req.userUUID : randomUUID(),
      projectKey: typeof req.projectKey === 'string' ? req.projectKey : '',
      batches: 0,
    };
    if (pastStart !== undefined) return session;
    this.byToken.set(session.token, session);
    this.ordered.push(session);
    return session;
  }

  private nextId(nowMs: number): bigint {
    let id = makeFlakeId(Math.trunc(nowMs), this.shard, 0);
    // Two sessions in one ms take the next sequence numbers, as the generator does.
    if (id <= this.lastId) id = this.lastId + 1n;
    this.lastId = id;
    return id;
  }
}
