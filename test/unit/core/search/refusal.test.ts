import { describe, expect, it } from 'vitest';
import { REFUSAL_MESSAGES, searchRefusal, type RefusalInput } from '../../../../src/core/search/refusal.ts';

const ready: RefusalInput = { settingsLoaded: true, hasCredentials: true, running: false, plan: { ok: true } };

describe('searchRefusal', () => {
  it('lets a search start when everything is in place', () => {
    expect(searchRefusal(ready)).toBeNull();
  });

  it('names the first thing to fix, in the order a person fixes them', () => {
    expect(searchRefusal({ ...ready, settingsLoaded: false, hasCredentials: false })).toEqual({
      reason: 'settings-loading',
      message: 'Loading the SumoLogic settings…',
    });
    expect(searchRefusal({ ...ready, hasCredentials: false, running: true })).toEqual({
      reason: 'no-credentials',
      message: 'No SumoLogic Access ID/Key saved yet — add them in Settings → SumoLogic.',
    });
    expect(searchRefusal({ ...ready, running: true, plan: { ok: false, reason: 'x' } })).toEqual({
      reason: 'running',
      message: 'A search is still running.',
    });
    expect(searchRefusal({ ...ready, plan: { ok: false, reason: 'Refused: the session id is empty.' } })).toEqual({
      reason: 'plan',
      message: 'Refused: the session id is empty.',
    });
  });

  it('holds auto-refresh back for 15 s after a start, but never a person', () => {
    expect(searchRefusal({ ...ready, auto: true, now: 20_000, lastStartedAt: 10_000 })).toEqual({
      reason: 'too-soon',
      message: REFUSAL_MESSAGES['too-soon'],
    });
    expect(searchRefusal({ ...ready, auto: true, now: 25_000, lastStartedAt: 10_000 })).toBeNull();
    expect(searchRefusal({ ...ready, now: 11_000, lastStartedAt: 10_000 })).toBeNull();
  });
});
