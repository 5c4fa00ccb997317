import { describe, expect, it } from 'vitest';
import { initialSessionState, reduceSession, type SessionState } from '../../../../src/core/session/session-state.ts';
import { notRecordingText, recordingOf } from '../../../../src/core/session/recording.ts';
import type { ProbeResult } from '../../../../src/core/session/probe.ts';

function trackerProbe(isActive: boolean): ProbeResult {
  return {
    status: 'loading',
    candidates: [],
    rejected: [],
    reasons: ['window.__OPENREPLAY__ has no session token yet: the tracker has not started a session'],
    warnings: [],
    frame: 'top',
    frameUrl: 'https://shop.example.com/',
    trackerGlobal: 'window.__OPENREPLAY__',
    isActive,
    trackerOptions: {
      header: { on: true, name: 'X-OpenReplay-SessionToken', custom: false },
      hasMatcher: true,
      problems: [],
    },
  };
}

describe('whether the page records', () => {
  const probed = reduceSession(initialSessionState(), { type: 'probe', at: 1, results: [trackerProbe(false)] });

  it('keeps the tracker the probe saw, with its options, even without a token', () => {
    expect(probed.page?.tracker).toEqual({
      global: 'window.__OPENREPLAY__',
      frame: 'top',
      frameUrl: 'https://shop.example.com/',
      options: trackerProbe(false).trackerOptions,
      isActive: false,
    });
  });

  it('an idle tracker without a token is not recording; a refused start is sampled out', () => {
    expect(recordingOf(probed)).toBe('inactive');
    const refused: SessionState = reduceSession(probed, { type: 'start-refused', at: 2, status: 403 });
    expect(recordingOf(refused)).toBe('sampled-out');
    expect(notRecordingText(refused)).toBe(
      "Sampled out: the tracker's start was answered 403 (capture rate miss). This session is not recorded, by design, so there is no token and no request carries the header.",
    );
    // A new document forgets the refusal; the next start decides again.
    expect(reduceSession(refused, { type: 'navigated' }).startRefused).toBeNull();
  });

  it('nothing known is neither', () => {
    expect(recordingOf(initialSessionState())).toBe('unknown');
    expect(notRecordingText(initialSessionState())).toBeNull();
  });
});
