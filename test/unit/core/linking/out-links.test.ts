import { describe, expect, it } from 'vitest';
import { openReplayAtTime, sumoSearchAtTime } from '../../../../src/core/linking/out-links.ts';

describe('openReplayAtTime', () => {
  it('adds jumpto as ms since the session start, as getSessionURL({ withCurrentTime }) does', () => {
    expect(
      openReplayAtTime(
        'https://app.openreplay.com/4411/session/2618307011354435587',
        1_700_000_065_432,
        1_700_000_000_000,
      ),
    ).toBe('https://app.openreplay.com/4411/session/2618307011354435587?jumpto=65432');
  });

  it('replaces an existing jumpto, keeps other parameters, and never goes below 0', () => {
    expect(openReplayAtTime('http://127.0.0.1:9/1/session/5?jumpto=99&x=1', 500, 1_000)).toBe(
      'http://127.0.0.1:9/1/session/5?x=1&jumpto=0',
    );
  });

  it('opens the replay at its start when the start time is unknown, and refuses non-http URLs', () => {
    expect(openReplayAtTime('https://or.example/1/session/5?jumpto=7', 500, undefined)).toBe(
      'https://or.example/1/session/5',
    );
    expect(openReplayAtTime('javascript:alert(1)', 500, 0)).toBeNull();
    expect(openReplayAtTime('not a url', 500, 0)).toBeNull();
  });
});

describe('sumoSearchAtTime', () => {
  const query = '"openReplaySessionToken=abc"';
  it("narrows the search to a minute around the error, on the deployment of the search's own link", () => {
    expect(
      sumoSearchAtTime({
        ui: 'https://service.eu.sumologic.com/ui/#/search/create?query=x&startTime=1&endTime=2',
        query,
        atMs: 1_000_000,
      }),
    ).toBe(
      'https://service.eu.sumologic.com/ui/#/search/create?query=%22openReplaySessionToken%3Dabc%22&startTime=940000&endTime=1060000',
    );
  });

  it('takes a bare UI host and custom margins; null without a UI', () => {
    expect(
      sumoSearchAtTime({ ui: 'service.sumologic.com', query, atMs: 10_000, beforeMs: 5_000, afterMs: 2_000 }),
    ).toBe(
      'https://service.sumologic.com/ui/#/search/create?query=%22openReplaySessionToken%3Dabc%22&startTime=5000&endTime=12000',
    );
    expect(sumoSearchAtTime({ ui: '', query, atMs: 10_000 })).toBeNull();
  });
});
