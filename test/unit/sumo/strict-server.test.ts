// The client against the local server with its strict defaults (the real service's harsher
// behaviours), over real HTTP on 127.0.0.1. Each test names the behaviour it survives.
import { afterEach, describe, expect, it } from 'vitest';
import { startSumoServer } from '../../../sumo-server/index.ts';
import type { SumoServer, SumoServerOptions } from '../../../sumo-server/index.ts';
import { SearchJobClient } from '../../../src/sumo/client.ts';
import type { FetchLike } from '../../../src/sumo/client.ts';
import type { SumoError } from '../../../src/sumo/errors.ts';
import { HostSessions } from '../../../src/sumo/host-sessions.ts';
import { sessionQuery as buildSessionQuery } from '../../support/session-query.ts';
import { RateLimiter } from '../../../src/sumo/rate-limiter.ts';
import type { RetryPolicy } from '../../../src/sumo/retry-policy.ts';
import { runSearch } from '../../../src/sumo/search.ts';
import type { RunSearchOptions, SearchResult } from '../../../src/sumo/search.ts';
import { cookieFetch } from '../../support/sumo/cookie-fetch.ts';

const TOKEN = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const TAG = `[openReplaySessionToken=${TOKEN}]`;
const QUERY = buildSessionQuery({ token: TOKEN, scope: '_sourceCategory=prod/api' }).query;

let server: SumoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: SumoServerOptions = {}, lines = 6): Promise<SumoServer> {
  server = await startSumoServer({ gatherMessagesPerSecond: Infinity, ...options });
  const now = Date.now();
  server.ingest(
    Array.from({ length: lines }, (_, i) => ({
      raw: `${TAG} ERROR failure number ${i}`,
      messageTime: now - 60_000 + i * 100,
    })),
    { category: 'prod/api', host: 'web-1', name: '/var/log/app.log' },
  );
  return server;
}

interface ClientExtras {
  fetch?: FetchLike;
  limiter?: RateLimiter;
  sessions?: HostSessions;
  accessKey?: string;
  retry?: Partial<RetryPolicy>;
}

function clientFor(s: SumoServer, extra: ClientExtras = {}): SearchJobClient {
  return new SearchJobClient({
    apiBase: `${s.url}/api`,
    accessId: 'demo-access-id',
    accessKey: extra.accessKey ?? 'demo-access-key',
    fetch: extra.fetch ?? cookieFetch(),
    ...(extra.limiter ? { limiter: extra.limiter } : {}),
    ...(extra.sessions ? { sessions: extra.sessions } : {}),
    ...(extra.retry ? { retry: extra.retry } : {}),
  });
}

function search(client: SearchJobClient, extra: Partial<RunSearchOptions> = {}): Promise<SearchResult> {
  const now = Date.now();
  return runSearch({ client, query: QUERY, from: now - 3_600_000, to: now, ...extra });
}

function failure(p: Promise<unknown>): Promise<SumoError> {
  return p.then(
    () => {
      throw new Error('expected the search to fail');
    },
    (e: unknown) => e as SumoError,
  );
}

const FAST_THROTTLE: Partial<RetryPolicy> = { authThrottleBaseMs: 20, authThrottleMaxMs: 60 };

describe('the client against the strict local server', () => {
  it('two searches at once from one fresh browser jar both finish: the first request per host goes alone', async () => {
    const s = await start();
    const fetch = cookieFetch(); // one browser: one shared jar that keeps only the last JSESSIONID
    const sessions = new HostSessions();
    const limiter = new RateLimiter();
    const [a, b] = await Promise.all([
      search(clientFor(s, { fetch, sessions, limiter })),
      search(clientFor(s, { fetch, sessions, limiter })),
    ]);
    expect(a.messages).toHaveLength(6);
    expect(b.messages).toHaveLength(6);
    const log = s.stats();
    expect(log.jobsCreated).toBe(2);
    expect(log.liveJobs).toBe(0);
    // Only the very first request went without the session cookie.
    const requests = (await (await globalThis.fetch(`${s.url}/__sumo/requests`)).json()) as {
      requests: Array<{ hadSessionCookie: boolean }>;
    };
    expect(requests.requests.filter((r) => !r.hadSessionCookie)).toHaveLength(1);
  }, 30_000);

  it('without that serialisation one job becomes unreachable, and the message names the cookies', async () => {
    const s = await start();
    const fetch = cookieFetch();
    // Each client its own session state: both creates leave before any cookie exists.
    const results = await Promise.allSettled([search(clientFor(s, { fetch })), search(clientFor(s, { fetch }))]);
    const failed = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as SumoError);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.kind).toBe('job-unreachable');
    expect(failed[0]?.message).toBe(
      `SumoLogic created the search job but could not find it right afterwards. The likely cause: the browser did not keep SumoLogic's session cookies (JSESSIONID, AWSALB) for ${new URL(s.url).host} — check that cookies for sumologic.com are allowed (browser settings → cookies and site data, a cookie-blocking extension or a company policy), then search again.`,
    );
  }, 30_000);

  it('retries an authentication-throttle 401 after the key was accepted, and finishes', async () => {
    const s = await start();
    s.setFaults({ type: 'unauthorized', on: ['status'], times: 2 });
    const result = await search(clientFor(s, { retry: FAST_THROTTLE }));
    expect(result.messages).toHaveLength(6);
    expect(s.stats().responsesByStatus['401']).toBe(2);
    expect(s.stats().liveJobs).toBe(0);
  });

  it('survives the real throttle of a client that keeps no cookie at all', async () => {
    const s = await start({ strict: { authThrottleFreeCalls: 2 } });
    const result = await search(
      clientFor(s, {
        fetch: (input, init) => fetch(input, init),
        retry: { ...FAST_THROTTLE, freshJobNotFoundRetries: 0 },
      }),
      {
        poll: { firstPollMs: 10 },
      },
    ).catch((e: unknown) => e as SumoError);
    // Without cookies the job is unreachable anyway; what matters is that the 401s were not "key refused".
    expect(result).toMatchObject({ kind: 'job-unreachable' });
    expect(s.stats().faultHits['authThrottle']).toBeGreaterThanOrEqual(1);
  });

  it('says "key refused" when the first call with a key gets 401, after one request', async () => {
    const s = await start();
    const client = clientFor(s, { accessKey: 'wrong-key-123' });
    const error = await failure(search(client));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('The Access ID/Key was refused — check them or create a new key.');
    expect(client.requests).toBe(1);
  });

  it('says the key was refused after every throttle retry failed', async () => {
    const s = await start();
    s.setFaults({ type: 'unauthorized', on: ['status'] });
    const error = await failure(search(clientFor(s, { retry: FAST_THROTTLE })));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe(
      'The Access ID/Key was refused 5 times in a row after SumoLogic had accepted it — it may have been disabled or deleted; check it or create a new key.',
    );
    expect(s.stats().responsesByStatus['401']).toBe(5);
    expect(s.stats().liveJobs).toBe(0);
  });

  it('a job lost while a page downloads (400 jobid.invalid on paging) is "expired — search again"', async () => {
    const s = await start({ jobIdleTimeoutMs: 1500 });
    s.setFaults({ type: 'delay', ms: 3000, on: ['messages'], times: 1 });
    const error = await failure(search(clientFor(s), { poll: { keepAliveMs: 60_000 } }));
    expect(error.kind).toBe('job-expired');
    expect(error.message).toBe("The search job expired on SumoLogic's side — search again.");
    expect(s.stats().responsesByStatus['400']).toBe(1);
  }, 20_000);

  it('a job the service drops after a status answer is "expired — search again" (paging answers 400)', async () => {
    const s = await start();
    s.setFaults({ type: 'expire', afterPolls: 1, times: 1 });
    const error = await failure(search(clientFor(s)));
    expect(error.kind).toBe('job-expired');
    expect(s.stats().responsesByStatus['400']).toBe(1);
    expect(s.stats()).toMatchObject({ liveJobs: 0, jobsExpired: 1 });
  });

  it('keeps the job alive with status calls while a long page downloads', async () => {
    const s = await start({ jobIdleTimeoutMs: 1500 });
    s.setFaults({ type: 'delay', ms: 3000, on: ['messages'], times: 1 });
    const result = await search(clientFor(s), { poll: { keepAliveMs: 500 } });
    expect(result.messages).toHaveLength(6);
    expect(s.stats().jobsExpired).toBe(0);
    expect(s.stats().requestsByCall['status']).toBeGreaterThanOrEqual(3);
  }, 20_000);

  it('reads pages capped by bytes (short pages) to the end', async () => {
    const s = await start({ strict: { maxPageBytes: 120 } }, 9);
    const result = await search(clientFor(s));
    expect(result.messages.map((m) => m['_raw'])).toEqual(
      Array.from({ length: 9 }, (_, i) => `${TAG} ERROR failure number ${8 - i}`),
    );
    expect(s.stats().faultHits['pageByteCap']).toBeGreaterThanOrEqual(1);
  });

  it('retries an HTML 502 on a GET, but never re-sends a create after one', async () => {
    const s = await start();
    s.setFaults({ type: 'serverError', status: 502, on: ['status'], times: 1 });
    expect((await search(clientFor(s))).messages).toHaveLength(6);
    s.setFaults({ type: 'serverError', status: 504, on: ['create'], times: 1 });
    s.resetStats();
    const error = await failure(search(clientFor(s)));
    expect(error.message).toBe(
      "SumoLogic's gateway answered 504 (gateway timeout) — the service is having trouble; try again in a moment.",
    );
    expect(s.stats().requestsByCall).toEqual({ create: 1 });
  });

  it('gets _raw although the server gives none to jobs that did not ask (worst case), keys lowercased', async () => {
    const s = await start({ strict: { rawOnlyWhenRequested: true } });
    const result = await search(clientFor(s));
    expect(result.messages.every((m) => m['_raw']?.startsWith(TAG))).toBe(true);
    expect(Object.keys(result.messages[0] ?? {})).toContain('_sourcecategory');
    expect(result.messages[0]?.['_sourcecategory']).toBe('prod/api');
  });

  it('runs through GATHERING RESULTS FROM SUBQUERIES', async () => {
    const s = await start({ gatherMessagesPerSecond: 8 });
    const states: string[] = [];
    const result = await search(clientFor(s), {
      onProgress: (p) => states.push(p.state),
      poll: { firstPollMs: 300, maxPollMs: 300 },
    });
    expect(result.messages).toHaveLength(6);
    expect(states).toContain('GATHERING RESULTS FROM SUBQUERIES');
    expect(states.at(-1)).toBe('DONE GATHERING RESULTS');
  });
});
