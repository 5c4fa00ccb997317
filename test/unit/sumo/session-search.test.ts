import { describe, expect, it } from 'vitest';
import { SearchJobClient } from '../../../src/sumo/client.ts';
import type { FetchLike } from '../../../src/sumo/client.ts';
import { QueryRefusedError } from '../../../src/sumo/query.ts';
import { RateLimiter } from '../../../src/sumo/rate-limiter.ts';
import { searchSession } from '../../../src/sumo/session-search.ts';
import { FakeSumo, makeMessage } from './helpers/fake-sumo.ts';
import { VirtualClock } from './helpers/virtual-clock.ts';

const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

function setup() {
  const clock = new VirtualClock();
  const sumo = new FakeSumo(clock);
  const client = new SearchJobClient({ apiBase: 'https://api.sumologic.com/api', accessId: 'demo-id', accessKey: 'demo-key', fetch: sumo.fetch, clock, limiter: new RateLimiter({ clock }) });
  return { clock, sumo, client };
}

describe('searchSession', () => {
  it('searches with the validated query', async () => {
    const { sumo, client, clock } = setup();
    sumo.messages = [makeMessage(0, `[openReplaySessionToken=${TOKEN}] ERROR x`)];
    const result = await searchSession({ client, clock, token: TOKEN, scope: '_sourceCategory=prod/api', from: 1, to: 2 });
    expect(result.query).toBe(`(_sourceCategory=prod/api) AND ("openReplaySessionToken=${TOKEN}")`);
    expect(sumo.requests[0]?.body).toEqual({ timeZone: 'UTC', requiresRawMessages: true, query: result.query, from: 1, to: 2 });
    expect(result.messages).toHaveLength(1);
    expect(sumo.liveJobs()).toEqual([]);
  });

  it.each([
    [{ token: `${TOKEN}" | save /shared/x` }, 'Refused: the session token contains """ (only letters, digits, ".", "_" and "-" are allowed) — it was not put into a SumoLogic query.'],
    [{ token: `${TOKEN}\n| lookup` }, 'Refused: the session token contains a line break (only letters, digits, ".", "_" and "-" are allowed) — it was not put into a SumoLogic query.'],
    [{ token: '_index=sumologic_audit' }, 'Refused: the session token contains "=" (only letters, digits, ".", "_" and "-" are allowed) — it was not put into a SumoLogic query.'],
    [{ token: TOKEN, scope: 'x | count' }, 'Refused: the scope query contains "|" — the scope is a keyword scope only (e.g. _sourceCategory=prod/api); operators after a pipe are not allowed.'],
    [{ sessionId: '1 OR 1' }, 'Refused: the session id contains a space (only digits are allowed) — it was not put into a SumoLogic query.'],
  ])('refuses %j before any request', async (input, message) => {
    let calls = 0;
    const counting: FetchLike = async () => {
      calls++;
      throw new Error('must not be called');
    };
    const clock = new VirtualClock();
    const client = new SearchJobClient({ apiBase: 'https://api.sumologic.com/api', accessId: 'a', accessKey: 'b', fetch: counting, clock });
    const error = await searchSession({ client, clock, from: 1, to: 2, ...input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryRefusedError);
    expect((error as QueryRefusedError).message).toBe(message);
    expect(calls).toBe(0);
  });
});
