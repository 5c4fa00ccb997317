import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/sumo/rate-limiter.ts';
import { ManualClock, VirtualClock, flush } from '../../support/sumo/virtual-clock.ts';

/** Largest number of starts inside any half-open window [t, t + windowMs). */
function maxStartsInWindow(starts: readonly number[], windowMs: number): number {
  let max = 0;
  for (let i = 0; i < starts.length; i++) {
    const first = starts[i] ?? 0;
    let n = 0;
    for (const t of starts) if (t >= first && t < first + windowMs) n++;
    max = Math.max(max, n);
  }
  return max;
}

describe('RateLimiter', () => {
  it('never starts more than 4 in any 1 s window nor holds more than 10 in flight', async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter({ clock });
    const starts: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const durations = [50, 3000, 120, 2500, 10, 4000, 700, 5000, 5000, 5000, 5000, 5000, 5000];
    const tasks = Array.from({ length: 60 }, (_, i) =>
      limiter.schedule(async () => {
        starts.push(clock.now());
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await clock.sleep(durations[i % durations.length] ?? 100);
        inFlight--;
        return i;
      }),
    );
    const results = await Promise.all(tasks);
    expect(results).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(starts).toHaveLength(60);
    expect(maxStartsInWindow(starts, 1000)).toBe(4);
    expect(maxInFlight).toBeLessThanOrEqual(10);
    expect(limiter.snapshot()).toEqual({ inFlight: 0, queued: 0, pausedUntil: 0, totalStarted: 60 });
  });

  it('caps in-flight requests at 10 when requests are slow', async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter({ clock, maxStartsPerWindow: 100 });
    let inFlight = 0;
    let maxInFlight = 0;
    await Promise.all(
      Array.from({ length: 40 }, () =>
        limiter.schedule(async () => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await clock.sleep(10_000);
          inFlight--;
        }),
      ),
    );
    expect(maxInFlight).toBe(10);
  });

  it('starts in FIFO order', async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter({ clock });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.schedule(async () => void order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('waits for the window with a manual clock: the 5th start comes only after 1 s (+ margin)', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, safetyMarginMs: 0 });
    const started: number[] = [];
    for (let i = 0; i < 6; i++) void limiter.schedule(async () => void started.push(i));
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    await clock.advance(999);
    expect(started).toEqual([0, 1, 2, 3]);
    await clock.advance(1);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('drops an aborted waiter from the queue without running it', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, safetyMarginMs: 0 });
    const ran: string[] = [];
    for (let i = 0; i < 4; i++) void limiter.schedule(async () => void ran.push(`a${i}`));
    const controller = new AbortController();
    const aborted = limiter.schedule(async () => void ran.push('aborted'), controller.signal);
    const after = limiter.schedule(async () => void ran.push('after'));
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.snapshot().queued).toBe(1);
    await clock.advance(1000);
    await after;
    expect(ran).toEqual(['a0', 'a1', 'a2', 'a3', 'after']);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const limiter = new RateLimiter({ clock: new ManualClock() });
    const controller = new AbortController();
    controller.abort();
    let ran = false;
    await expect(limiter.schedule(async () => void (ran = true), controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(ran).toBe(false);
  });

  it('pauses every caller after a 429 (global backoff)', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock });
    limiter.pauseFor(5000);
    const ran: number[] = [];
    void limiter.schedule(async () => void ran.push(clock.now()));
    void limiter.schedule(async () => void ran.push(clock.now()));
    await clock.advance(4999);
    expect(ran).toEqual([]);
    limiter.pauseFor(1); // a pause ending sooner never shortens the running one
    await clock.advance(1);
    expect(ran).toEqual([5000, 5000]);
  });

  it('passes task errors through and frees the slot', async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter({ clock, maxInFlight: 1 });
    await expect(limiter.schedule(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      limiter.schedule(() => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    await expect(limiter.schedule(async () => 7)).resolves.toBe(7);
    expect(limiter.snapshot().inFlight).toBe(0);
  });
});
