import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { signToken, verifyToken } from './token-codec.ts';

export const DEFAULT_SESSION_LENGTH_MS = 2 * 60 * 60 * 1000;

// Real session ids are flake ids (time << 22 | shard/sequence): 19 digits, beyond 2^53.
// This epoch puts today's ids in the same range as real ones (2618307011354435587…).
const FLAKE_EPOCH_MS = 1_150_000_000_000n;
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

  /** The live session a token belongs to; null when unknown, forged or expired. */
  check(token: string): IngestSession | null {
    const session = this.byToken.get(token);
    if (!session || !verifyToken(token, this.secret)) return null;
    return this.now() < session.expiresAt ? session : null;
  }

  list(): IngestSession[] {
    return [...this.ordered];
  }

  private issue(req: StartRequest): IngestSession {
    const startTimestamp = this.now();
    const clientTime = typeof req.timestamp === 'number' && Number.isFinite(req.timestamp) ? req.timestamp : startTimestamp;
    // A client clock more than a day off is nonsense rather than skew; the real ingest clamps too.
    const skew = Math.trunc(startTimestamp - clientTime);
    const delay = Math.abs(skew) > MAX_CLOCK_SKEW_MS ? 0 : skew;
    const id = this.nextId(startTimestamp);
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
    this.byToken.set(session.token, session);
    this.ordered.push(session);
    return session;
  }

  private nextId(nowMs: number): bigint {
    let id = ((BigInt(Math.trunc(nowMs)) - FLAKE_EPOCH_MS) << 22n) | BigInt(randomInt(0, 1 << 12));
    if (id <= this.lastId) id = this.lastId + 1n;
    this.lastId = id;
    return id;
  }
}
