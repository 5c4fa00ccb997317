import { describe, expect, it } from 'vitest';
import { tryDecodeToken } from '../../../../src/core/session/token.ts';
import { initialSessionState } from '../../../../src/core/session/session-state.ts';
import type {
  BackgroundToPanel,
  DevtoolsToPanel,
  PanelToBackground,
  PanelToDevtools,
} from '../../../../src/shared/protocol.ts';
import { DEFAULT_SUMO_SETTINGS } from '../../../../src/shared/settings.ts';
import { fakeTransportPair } from '../../../support/fake-transport.ts';
import { createPanelModel } from '../../../../src/panel/state/model.ts';
import type { KeyValueStorage } from '../../../../src/panel/state/site-storage.ts';
import { LINKING_PREFS_KEY } from '../../../../src/panel/state/linking-model.ts';
import { ORIGIN, req, T0, TOKEN } from '../../core/linking/fixtures.ts';

const flush = () => new Promise((r) => setTimeout(r, 0));

// site-storage.ts's own memoryStorage module loads the extension polyfill, which refuses Node.
function memoryStorage(): KeyValueStorage {
  const data = new Map<string, unknown>();
  return { get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
}

function setup() {
  const [devtools] = fakeTransportPair<PanelToDevtools, DevtoolsToPanel>();
  const [background, worker] = fakeTransportPair<PanelToBackground, BackgroundToPanel>();
  const sent: PanelToBackground[] = [];
  worker.subscribe((m) => sent.push(m));
  let clock = T0 + 60_000;
  const storage = memoryStorage();
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const model = createPanelModel({
    devtools,
    background,
    storage,
    now: () => clock,
    setInterval: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearInterval: (t) => void ((t as { cleared: boolean }).cleared = true),
  });
  const linking = model.linking;
  const decoded = tryDecodeToken(TOKEN);
  if (!decoded.ok) throw new Error('fixture token');
  model.devtools.session.value = {
    ...initialSessionState(),
    status: 'found',
    current: {
      token: TOKEN,
      decoded: decoded.decoded,
      sessionId: decoded.decoded.sessionId,
      source: 'entered by hand',
      sources: ['entered by hand'],
      enteredByHand: true,
      startTimestamp: T0 - 5_000,
      sessionUrl: 'http://127.0.0.1:9/7/session/1',
    },
  } as never;
  // The fixture's token (from 2024) stands for a live one in 2026: search to now, not to its expiry.
  model.worker.settings.value = {
    ...DEFAULT_SUMO_SETTINGS,
    windowEnd: 'now',
    deployment: 'custom',
    customApiBase: 'http://127.0.0.1:1/api',
  };
  model.worker.credentials.value = { accessId: 'id', keyMask: '••••', remembered: false };
  model.devtools.store.add([
    req({ id: 'legacy', path: '/api/legacy/report', at: 0, ms: 30 }),
    req({ id: 'checkout', method: 'POST', path: '/api/checkout', at: 2_000, ms: 30, status: 500 }),
  ]);
  const searchStarts = () =>
    sent.filter((m): m is Extract<PanelToBackground, { type: 'search.start' }> => m.type === 'search.start');
  async function answer(searchId: string, raws: Array<[string, number]>) {
    worker.post({
      type: 'search.started',
      searchId,
      query: `"openReplaySessionToken=${TOKEN}"`,
      scope: '',
      tagClause: `"openReplaySessionToken=${TOKEN}"`,
      from: 0,
      to: 1,
      uiUrl: 'https://service.sumologic.com/ui/#/search/create?query=x',
    });
    worker.post({
      type: 'search.messages',
      searchId,
      messages: raws.map(([raw, at], i) => ({ _raw: raw, _messagetime: String(T0 + at), _messageid: String(i + 1) })),
    });
    worker.post({
      type: 'search.done',
      searchId,
      truncated: false,
      messageCount: raws.length,
      warnings: [],
      requests: 3,
      durationMs: 10,
    });
    await flush();
  }
  return { model, linking, sent, timers, searchStarts, answer, storage, advance: (ms: number) => (clock += ms) };
}

describe('the linking model', () => {
  it("links the search's errors to the audit's requests and flags the untagged endpoint", async () => {
    const s = setup();
    expect(s.linking.searchNow().text).toBe('searched');
    await flush();
    const start = s.searchStarts()[0];
    expect(start?.target.token).toBe(TOKEN);
    await s.answer(start!.searchId, [
      [`2026-11-26T13:09:12.030Z ERROR [openReplaySessionToken=${TOKEN}] POST /api/checkout 500 4ms`, 2_030],
      [
        `2026-11-26T13:09:12.025Z ERROR [openReplaySessionToken=${TOKEN}] POST /api/checkout failed: PaymentDeclinedError: declined`,
        2_025,
      ],
    ]);
    const errors = s.linking.linking.value.errors;
    expect(errors.map((e) => [e.outcome, e.candidates.map((c) => c.requestId)])).toEqual([
      ['linked', ['checkout']],
      ['linked', ['checkout']],
    ]);
    expect(s.linking.errorsOfRequest('checkout').length).toBe(2);
    expect(s.linking.tagging.value.map((t) => [t.endpoint, t.status, t.reason])).toEqual([
      [`GET ${ORIGIN}/api/legacy/report`, 'not-tagged', 'no-lines'],
      [`POST ${ORIGIN}/api/checkout`, 'tagged', 'exact-tag'],
    ]);
    expect(s.linking.replayUrlAt(T0 + 2_000)).toBe('http://127.0.0.1:9/7/session/1?jumpto=7000');
    expect(s.linking.sumoUrlAt(T0 + 2_000)).toBe(
      `https://service.sumologic.com/ui/#/search/create?query=${encodeURIComponent(`"openReplaySessionToken=${TOKEN}"`)}&startTime=${T0 + 2_000 - 60_000}&endTime=${T0 + 62_000}`,
    );
    expect(s.linking.markdownReport()).toContain(
      `| GET ${ORIGIN}/api/legacy/report | 1 | ✓ 1/1 | ✗ backend not tagging |`,
    );
  });

  it('auto-refresh is off by default, bounded to at least 15 s, and never starts a search while one runs', async () => {
    const s = setup();
    expect(s.linking.autoRefresh.value).toBe(false);
    expect(s.timers).toEqual([]);
    s.linking.refreshSeconds.value = 5;
    s.linking.autoRefresh.value = true;
    expect(s.timers.map((t) => t.ms)).toEqual([15_000]);
    s.timers[0]!.fn();
    await flush();
    expect(s.searchStarts().length).toBe(1);
    // The first search has not answered yet: the next tick leaves it alone.
    s.advance(15_000);
    s.timers[0]!.fn();
    await flush();
    expect(s.searchStarts().length).toBe(1);
    expect(s.linking.lastRefresh.value?.text).toBe('not searched: a search is still running');
    await s.answer(s.searchStarts()[0]!.searchId, []);
    s.timers[0]!.fn();
    await flush();
    expect(s.searchStarts().length).toBe(2);
    s.linking.autoRefresh.value = false;
    expect(s.timers[0]!.cleared).toBe(true);
  });

  it('remembers the skew tolerance but not auto-refresh', async () => {
    const s = setup();
    await flush();
    s.linking.skewMs.value = 4_000;
    s.linking.autoRefresh.value = true;
    await flush();
    expect(await s.storage.get(LINKING_PREFS_KEY)).toEqual({ skewMs: 4_000, windowMs: 10_000, refreshSeconds: 30 });
  });
});
