import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MatcherAsker, type Evaluate } from '../../../src/devtools/matcher.ts';
import type { MatcherAnswer } from '../../../src/core/audit/tracker-policy.ts';

const A = 'http://127.0.0.1:4001/api/a';
const B = 'http://127.0.0.1:4001/api/b';

/** A page whose matcher answers "yes" for /a and "no" otherwise; each evaluation is recorded. */
function page(
  reply: (urls: string[]) => unknown = (urls) => ({
    v: 1,
    state: 'ok',
    answers: urls.map((u) => (u === A ? 'yes' : 'no')),
  }),
) {
  const asked: Array<{ urls: string[]; frameUrl: string | undefined }> = [];
  const evaluate: Evaluate = async (expression, frameUrl) => {
    const urls = [A, B, 'http://127.0.0.1:4001/api/c'].filter((u) => expression.includes(JSON.stringify(u)));
    asked.push({ urls, frameUrl });
    return { value: reply(urls) };
  };
  return { asked, evaluate };
}

function asker(evaluate: Evaluate) {
  const posts: Array<{ answers: Array<[string, MatcherAnswer]>; reset: boolean }> = [];
  const m = new MatcherAsker(evaluate, (answers, reset) => posts.push({ answers, reset }));
  return { m, posts };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => vi.useRealTimers());

describe('MatcherAsker', () => {
  it('asks nothing until the user allows it and the page has a matcher', async () => {
    const p = page();
    const { m, posts } = asker(p.evaluate);
    m.offer(A);
    m.allow(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.asked).toEqual([]);
    m.setTarget({ frameUrl: 'http://frame.test/', hasMatcher: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(p.asked).toEqual([{ urls: [A], frameUrl: 'http://frame.test/' }]);
    expect(posts).toEqual([{ answers: [[A, 'yes']], reset: false }]);
    expect(m.answers()).toEqual([[A, 'yes']]);
  });

  it('asks about each URL once, and never about non-http URLs', async () => {
    const p = page();
    const { m } = asker(p.evaluate);
    m.allow(true);
    m.setTarget({ frameUrl: undefined, hasMatcher: true });
    m.offer(A);
    m.offer('data:text/plain,x');
    await vi.advanceTimersByTimeAsync(0);
    m.offer(A);
    m.offer(B);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.asked.map((a) => a.urls)).toEqual([[A], [B]]);
    expect(m.answers()).toEqual([
      [A, 'yes'],
      [B, 'no'],
    ]);
  });

  it('after a slow matcher, answers "slow" without running page code again', async () => {
    const p = page(() => ({ v: 1, state: 'slow', answers: [], ms: 250 }));
    const { m, posts } = asker(p.evaluate);
    m.allow(true);
    m.setTarget({ frameUrl: undefined, hasMatcher: true });
    m.offer(A);
    await vi.advanceTimersByTimeAsync(0);
    m.offer(B);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.asked).toHaveLength(1);
    expect(posts.flatMap((x) => x.answers)).toEqual([
      [A, 'slow'],
      [B, 'slow'],
    ]);
  });

  it('treats an evaluation that has not answered in 3 s as slow', async () => {
    const { m, posts } = asker(() => new Promise(() => {}));
    m.allow(true);
    m.setTarget({ frameUrl: undefined, hasMatcher: true });
    m.offer(A);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(posts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(posts).toEqual([{ answers: [[A, 'slow']], reset: false }]);
  });

  it('reset forgets the answers and tells the panel to', async () => {
    const p = page();
    const { m, posts } = asker(p.evaluate);
    m.allow(true);
    m.setTarget({ frameUrl: undefined, hasMatcher: true });
    m.offer(A);
    await vi.advanceTimersByTimeAsync(0);
    m.reset();
    expect(m.answers()).toEqual([]);
    expect(posts.at(-1)).toEqual({ answers: [], reset: true });
    m.offer(A);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.asked).toHaveLength(2);
  });
});
