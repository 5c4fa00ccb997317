import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DevtoolsHost } from '../../../src/devtools/host.ts';
import type { DevtoolsToPanel, PanelToDevtools } from '../../../src/shared/protocol.ts';
import { fakeDevtools, type EvalAnswer } from '../../support/fake-devtools.ts';
import { fakeTransportPair } from '../../support/fake-transport.ts';
import { API, harEntry, PAGE } from '../core/audit/fixtures.ts';

const NEXT_PAGE = 'http://127.0.0.1:4000/next';

/** The page as the fake eval sees it: its URL, and its count of loads (resource entries + the document). */
function page(loads: number) {
  return (expression: string): EvalAnswer => {
    if (expression === 'location.href') return { value: PAGE };
    if (expression.startsWith('performance.getEntriesByType')) return { value: loads };
    return { value: undefined };
  };
}

const at = (second: number) => `2025-11-26T13:57:${String(second).padStart(2, '0')}.000Z`;
const call = (path: string, second: number, method = 'GET') =>
  harEntry({ url: `${API}${path}`, started: at(second), method });

/** A host wired to a fake DevTools and a fake panel that records every message it receives. */
function setUp(loads = 0, evaluate: (expression: string) => EvalAnswer = page(loads)) {
  const devtools = fakeDevtools({ evaluate });
  const [hostSide, panelSide] = fakeTransportPair<DevtoolsToPanel, PanelToDevtools>();
  const received: DevtoolsToPanel[] = [];
  panelSide.subscribe((m) => received.push(m));
  const host = new DevtoolsHost(devtools.api, hostSide);
  const of = <T extends DevtoolsToPanel['type']>(type: T) =>
    received.filter((m): m is Extract<DevtoolsToPanel, { type: T }> => m.type === type);
  /** What the panel gets when it says hello: the whole buffer. */
  const snapshot = async () => {
    panelSide.post({ type: 'hello' });
    await vi.advanceTimersByTimeAsync(0);
    const all = of('snapshot');
    const last = all[all.length - 1];
    if (!last) throw new Error('no snapshot');
    return last;
  };
  const send = async (m: PanelToDevtools) => {
    panelSide.post(m);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { devtools, host, received, of, snapshot, send };
}

type Setup = ReturnType<typeof setUp>;

/** Starts the host and lets DevTools answer getHAR with `har`. */
async function start(s: Setup, har: Array<Record<string, unknown>> = []) {
  const started = s.host.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(s.devtools.harPending).toBe(1);
  s.devtools.answerHar(har);
  await started;
  await vi.advanceTimersByTimeAsync(0);
}

const urls = (list: ReadonlyArray<{ url: string }>) => list.map((r) => r.url);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DevtoolsHost: the HAR backfill', () => {
  it('records what DevTools saw before the page loaded, and counts what the page made before DevTools opened', async () => {
    const s = setUp(5);
    await start(s, [call('/a', 1), call('/b', 2)]);
    const requests = s.of('requests');
    expect(requests).toHaveLength(1);
    expect(urls(requests[0]?.added ?? [])).toEqual([`${API}/a`, `${API}/b`]);
    // The page's 5 loads − the HAR's 2 entries
    expect(s.of('capture').at(-1)?.capture).toEqual({
      pageUrl: PAGE,
      preserveLog: false,
      dropped: 0,
      cap: 50_000,
      missedBeforeOpen: 3,
      ingestUrls: [],
    });
    expect(urls((await s.snapshot()).requests)).toEqual([`${API}/a`, `${API}/b`]);
  });

  it('does not count twice a request the live listener delivered while getHAR was on its way', async () => {
    const s = setUp();
    const started = s.host.start();
    await vi.advanceTimersByTimeAsync(0);
    s.devtools.finish(call('/a', 1));
    // The same request again in the HAR, plus one the listener never saw.
    s.devtools.answerHar([call('/a', 1), call('/b', 2)]);
    await started;
    await vi.advanceTimersByTimeAsync(0);
    const added = s.of('requests').flatMap((m) => m.added);
    expect(urls(added)).toEqual([`${API}/a`, `${API}/b`]);
    expect(urls((await s.snapshot()).requests)).toEqual([`${API}/a`, `${API}/b`]);
  });

  it('keeps two calls to the same URL that started at different times, and tells methods apart', async () => {
    const s = setUp();
    const started = s.host.start();
    await vi.advanceTimersByTimeAsync(0);
    s.devtools.finish(call('/a', 1));
    s.devtools.answerHar([call('/a', 1), call('/a', 3), call('/a', 1, 'POST')]);
    await started;
    const snapshot = await s.snapshot();
    expect(snapshot.requests.map((r) => `${r.method} ${r.url} ${r.startedAt}`)).toEqual([
      `GET ${API}/a ${Date.parse(at(1))}`,
      `GET ${API}/a ${Date.parse(at(3))}`,
      `POST ${API}/a ${Date.parse(at(1))}`,
    ]);
  });

  it('no longer deduplicates once the backfill is in: a later live request is recorded', async () => {
    const s = setUp();
    await start(s, [call('/a', 1)]);
    s.devtools.finish(call('/a', 1));
    await vi.advanceTimersByTimeAsync(100);
    expect((await s.snapshot()).requests).toHaveLength(2);
  });

  it('starts with an empty buffer when DevTools refuses getHAR', async () => {
    const devtools = fakeDevtools({ evaluate: page(3) });
    devtools.api.network.getHAR = () => {
      throw new Error('not allowed');
    };
    const [hostSide, panelSide] = fakeTransportPair<DevtoolsToPanel, PanelToDevtools>();
    const received: DevtoolsToPanel[] = [];
    panelSide.subscribe((m) => received.push(m));
    await new DevtoolsHost(devtools.api, hostSide).start();
    await vi.advanceTimersByTimeAsync(0);
    const capture = received.filter((m) => m.type === 'capture').at(-1);
    expect(capture?.type === 'capture' && capture.capture.missedBeforeOpen).toBe(3);
    expect(received.filter((m) => m.type === 'requests')).toEqual([]);
  });
});

describe('DevtoolsHost: live requests go to the panel in batches', () => {
  it('sends the requests of one 100 ms window in one message', async () => {
    const s = setUp();
    await start(s);
    s.devtools.finish(call('/1', 1));
    s.devtools.finish(call('/2', 2));
    s.devtools.finish(call('/3', 3));
    await vi.advanceTimersByTimeAsync(99);
    expect(s.of('requests')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.of('requests').map((m) => [urls(m.added), m.dropped])).toEqual([
      [[`${API}/1`, `${API}/2`, `${API}/3`], 0],
    ]);
    s.devtools.finish(call('/4', 4));
    await vi.advanceTimersByTimeAsync(100);
    expect(s.of('requests').map((m) => urls(m.added))).toEqual([[`${API}/1`, `${API}/2`, `${API}/3`], [`${API}/4`]]);
  });

  it('flushes what is pending before answering hello, so the snapshot holds it and no batch repeats it', async () => {
    const s = setUp();
    await start(s);
    s.devtools.finish(call('/1', 1));
    const snapshot = await s.snapshot();
    expect(urls(snapshot.requests)).toEqual([`${API}/1`]);
    expect(s.of('requests').map((m) => urls(m.added))).toEqual([[`${API}/1`]]);
    await vi.advanceTimersByTimeAsync(500);
    expect(s.of('requests')).toHaveLength(1);
  });

  it('ignores an entry that is not a request it can read', async () => {
    const s = setUp();
    await start(s);
    s.devtools.finish({ request: { url: 42 } });
    await vi.advanceTimersByTimeAsync(100);
    expect(s.of('requests')).toEqual([]);
  });

  it('learns the tracker ingest point from its traffic and reports a refused start', async () => {
    const s = setUp();
    await start(s);
    s.devtools.finish(
      harEntry({ url: 'http://127.0.0.1:4002/ingest/v1/web/start', method: 'POST', status: 403, started: at(5) }),
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(s.of('capture').at(-1)?.capture.ingestUrls).toEqual(['http://127.0.0.1:4002/ingest']);
    expect(s.of('session').at(-1)?.session.startRefused).toEqual({ at: expect.any(Number), status: 403 });
  });
});

describe('DevtoolsHost: navigation and Preserve log', () => {
  it('without Preserve log, a navigation sends what was pending, then clears for the new page', async () => {
    const s = setUp(9);
    await start(s, [call('/old', 1)]);
    s.devtools.finish(call('/pending', 2));
    s.devtools.navigate(NEXT_PAGE);
    await vi.advanceTimersByTimeAsync(0);
    const tail = s.received.slice(-3).map((m) => m.type);
    expect(tail).toEqual(['requests', 'matcher', 'cleared']);
    expect(urls(s.of('requests').at(-1)?.added ?? [])).toEqual([`${API}/pending`]);
    expect(s.of('matcher').at(-1)).toEqual({ type: 'matcher', answers: [], reset: true });
    expect(s.of('cleared').at(-1)?.capture).toEqual({
      pageUrl: NEXT_PAGE,
      preserveLog: false,
      dropped: 0,
      cap: 50_000,
      missedBeforeOpen: 0,
      ingestUrls: [],
    });
    expect((await s.snapshot()).requests).toEqual([]);
  });

  it('with Preserve log on, keeps the earlier page’s requests and reports the new page', async () => {
    const s = setUp();
    await start(s, [call('/old', 1)]);
    await s.send({ type: 'preserve-log', on: true });
    expect(s.of('capture').at(-1)?.capture.preserveLog).toBe(true);
    s.devtools.navigate(NEXT_PAGE);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.of('cleared')).toEqual([]);
    expect(s.of('capture').at(-1)?.capture).toMatchObject({ pageUrl: NEXT_PAGE, preserveLog: true });
    s.devtools.finish(harEntry({ url: `${API}/new`, started: at(9) }));
    const snapshot = await s.snapshot();
    expect(urls(snapshot.requests)).toEqual([`${API}/old`, `${API}/new`]);
    // The new page's requests are recorded against the new page.
    expect(snapshot.requests.map((r) => r.pageUrl)).toEqual([PAGE, NEXT_PAGE]);
  });

  it('turning Preserve log off again clears on the next navigation', async () => {
    const s = setUp();
    await start(s, [call('/old', 1)]);
    await s.send({ type: 'preserve-log', on: true });
    await s.send({ type: 'preserve-log', on: false });
    s.devtools.navigate(NEXT_PAGE);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.of('cleared')).toHaveLength(1);
    expect((await s.snapshot()).requests).toEqual([]);
  });

  it('keeps only a bounded prefix of a very long navigated URL', async () => {
    const s = setUp();
    await start(s);
    s.devtools.navigate(`${NEXT_PAGE}?${'x'.repeat(5000)}`);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.of('cleared').at(-1)?.capture.pageUrl).toHaveLength(2048);
  });

  it('Clear empties the buffer and resets the before-open count', async () => {
    const s = setUp(10);
    await start(s, [call('/a', 1)]);
    expect(s.of('capture').at(-1)?.capture.missedBeforeOpen).toBe(9);
    await s.send({ type: 'clear' });
    expect(s.of('cleared').at(-1)?.capture.missedBeforeOpen).toBe(0);
    expect((await s.snapshot()).requests).toEqual([]);
  });
});

describe('DevtoolsHost: the session', () => {
  it('follows the token the tracker’s start response gave, read from the response body', async () => {
    const s = setUp();
    await start(s);
    const token = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
    const body = JSON.stringify({ token, sessionID: '2618307011354435587', projectID: 12, startTimestamp: 1 });
    s.devtools.finish({
      ...harEntry({ url: 'http://127.0.0.1:4002/ingest/v1/web/start', method: 'POST', started: at(6) }),
      getContent: (callback: (content: string) => void) => callback(body),
    });
    await vi.advanceTimersByTimeAsync(100);
    const current = s.of('session').at(-1)?.session.current;
    expect(current?.token).toBe(token);
    expect(current?.sessionId).toBe('2618307011354435587');
    expect(current?.frame).toBe('network');
  });

  it('a token entered by hand is the session the panel is sent, and clearing it takes it back', async () => {
    const s = setUp();
    await start(s);
    const token = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
    await s.send({ type: 'manual-session', input: token });
    expect(s.of('session').at(-1)?.session.current?.token).toBe(token);
    expect(s.of('session').at(-1)?.session.current?.sessionId).toBe('2618307011354435587');
    await s.send({ type: 'clear-manual-session' });
    expect(s.of('session').at(-1)?.session.current).toBeNull();
  });

  it('probes the page again at once on refresh-session, then every 10 s while the panel is hidden', async () => {
    const s = setUp();
    await start(s);
    const probes = () => s.devtools.evaluations.filter((e) => e.expression.includes('__OPENREPLAY')).length;
    const before = probes();
    expect(before).toBe(1);
    await s.send({ type: 'refresh-session' });
    expect(probes()).toBe(2);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(probes()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(probes()).toBe(3);
    s.host.setPanelVisible(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(probes()).toBe(4);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(probes()).toBe(5);
  });
});

describe("DevtoolsHost: a Worker's fetches, from the page's own timelines", () => {
  /** The page's timeline lists `made` (fetched by a document); everything else came from elsewhere. */
  function timelinePage(made: string[], whole = true) {
    const base = page(0);
    return (expression: string): EvalAnswer => {
      if (!expression.includes("getEntriesByType('resource')")) return base(expression);
      const asked = JSON.parse(/\}\)\((\[.*\])\)$/s.exec(expression)?.[1] ?? '[]') as string[];
      return { value: { v: 1, whole, made: asked.map((u) => made.includes(u)), origin: Date.parse(at(0)) } };
    };
  }
  it('marks a fetch no document requested as a Worker’s before the panel gets it; the page’s own stay as they are', async () => {
    const s = setUp(0, timelinePage([`${API}/mine`]));
    await start(s);
    s.devtools.finish(call('/mine', 2));
    s.devtools.finish(call('/from-worker', 3));
    await vi.advanceTimersByTimeAsync(100);
    const added = s.of('requests').flatMap((m) => m.added);
    expect(added.map((r) => [r.url, r.initiatorType])).toEqual([
      [`${API}/mine`, 'script'],
      [`${API}/from-worker`, 'worker'],
    ]);
  });

  it('claims nothing when the page says its timelines are not whole', async () => {
    const s = setUp(0, timelinePage([], false));
    await start(s);
    s.devtools.finish(call('/from-worker', 3));
    await vi.advanceTimersByTimeAsync(100);
    expect(
      s
        .of('requests')
        .flatMap((m) => m.added)
        .map((r) => r.initiatorType),
    ).toEqual(['script']);
  });
});
