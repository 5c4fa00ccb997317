import { afterEach, describe, expect, it } from 'vitest';
import type { SumoServer } from '../../sumo-server/index.ts';
import { search, startFastServer, TestClient } from './client.ts';

let server: SumoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

function seed(s: SumoServer, n: number): void {
  s.ingest(
    Array.from({ length: n }, (_, i) => ({
      raw: `ERROR line ${i} [openReplaySessionToken=tok]`,
      messageTime: T0 + i * 1000,
    })),
  );
}

describe('job progress', () => {
  it('goes NOT STARTED → GATHERING RESULTS → DONE, messages pageable newest first while gathering', async () => {
    const clock = { t: 1_000_000 };
    server = await startFastServer({ jobStartDelayMs: 40, gatherMessagesPerSecond: 100, now: () => clock.t });
    seed(server, 20);
    const client = new TestClient(server.url);
    const id = await client.createId({ query: '"openReplaySessionToken=tok"', from: T0, to: T0 + 60_000 });
    const polls: Array<Record<string, unknown>> = [];
    const poll = async (): Promise<Record<string, unknown>> => {
      const res = await client.status(id);
      polls.push(res.json);
      return res.json;
    };
    expect(await poll()).toMatchObject({ state: 'NOT STARTED', messageCount: 0, histogramBuckets: [] });
    clock.t += 40 + 50; // started 50 ms ago at 100 messages/s
    // Strict default: the first gathering poll names the subqueries state, as the real service can.
    expect(await poll()).toMatchObject({ state: 'GATHERING RESULTS FROM SUBQUERIES', messageCount: 5 });
    const raws = async (offset: number, limit: number): Promise<string[]> =>
      ((await client.messages(id, offset, limit)).json.messages as Array<{ map: Record<string, string> }>).map(
        (m) => m.map._raw ?? '',
      );
    expect(await raws(0, 100)).toEqual([19, 18, 17, 16, 15].map((i) => `ERROR line ${i} [openReplaySessionToken=tok]`));
    clock.t += 100;
    expect(await poll()).toMatchObject({ state: 'GATHERING RESULTS', messageCount: 15 });
    expect(await raws(5, 3)).toEqual([14, 13, 12].map((i) => `ERROR line ${i} [openReplaySessionToken=tok]`));
    clock.t += 1000;
    expect(await poll()).toMatchObject({ state: 'DONE GATHERING RESULTS', messageCount: 20 });
    expect(await raws(15, 100)).toEqual([4, 3, 2, 1, 0].map((i) => `ERROR line ${i} [openReplaySessionToken=tok]`));
    // Histogram buckets are deltas: summed over every poll they count each message exactly once.
    const counts = new Map<number, number>();
    for (const p of polls) {
      for (const b of p.histogramBuckets as Array<{ startTimestamp: number; count: number }>) {
        counts.set(b.startTimestamp, (counts.get(b.startTimestamp) ?? 0) + b.count);
      }
    }
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(20);
    expect(counts.size).toBe(20);
    expect(server.stats().jobs[0]).toMatchObject({ id, state: 'DONE GATHERING RESULTS', messageCount: 20 });
  });

  it('reports each histogram bucket once across polls', async () => {
    server = await startFastServer();
    seed(server, 5);
    const client = new TestClient(server.url);
    const id = await client.createId({ query: 'error', from: T0, to: T0 + 60_000 });
    const first = (await client.status(id)).json;
    expect(first.histogramBuckets).toEqual([
      { startTimestamp: T0, length: 1000, count: 1 },
      ...[1, 2, 3, 4].map((i) => ({ startTimestamp: T0 + i * 1000, length: 1000, count: 1 })),
    ]);
    const second = (await client.status(id)).json;
    expect(second.histogramBuckets).toEqual([]);
    expect(second.messageCount).toBe(5);
  });

  it('expires a job that is not polled in time: 404 afterwards, counted in the stats', async () => {
    const clock = { t: 1_000_000 };
    server = await startFastServer({ jobIdleTimeoutMs: 60, now: () => clock.t });
    seed(server, 1);
    const client = new TestClient(server.url);
    const kept = await client.createId(search('error'));
    const dropped = await client.createId(search('error'));
    for (let i = 0; i < 6; i++) {
      clock.t += 25;
      expect((await client.status(kept)).status).toBe(200);
    }
    const res = await client.status(dropped);
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('searchjob.jobid.invalid');
    expect(server.stats()).toMatchObject({ liveJobs: 1, jobsExpired: 1 });
  });

  it('drops any job past its maximum age even while polled', async () => {
    const clock = { t: 1_000_000 };
    server = await startFastServer({ jobIdleTimeoutMs: 1000, jobMaxAgeMs: 2500, now: () => clock.t });
    const client = new TestClient(server.url);
    const id = await client.createId(search('error'));
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      clock.t += 900;
      statuses.push((await client.status(id)).status);
    }
    expect(statuses).toEqual([200, 200, 404]);
  });

  it('stops a huge plain search at the message cap with FORCE PAUSED and a warning, not an aggregate', async () => {
    server = await startFastServer({ messageCap: 5 });
    seed(server, 8);
    const client = new TestClient(server.url);
    const id = await client.createId(search('error'));
    const { last } = await client.pollUntilDone(id);
    expect(last.state).toBe('FORCE PAUSED');
    expect(last.messageCount).toBe(5);
    expect((last.pendingWarnings as string[])[0]).toMatch(/message limit/);
    const agg = await client.createId(search('error | count'));
    expect((await client.pollUntilDone(agg)).last).toMatchObject({
      state: 'DONE GATHERING RESULTS',
      messageCount: 8,
      recordCount: 1,
    });
  });
});
