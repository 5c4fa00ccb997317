import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../../../src/core/session/token.ts';
import { planSearch, searchWindow, tagsFor, tagsFromClause, targetChanged, type PlanSettings, type TargetSession } from '../../../../src/core/search/plan.ts';

const TOKEN = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const decoded = decodeToken(TOKEN);
const NOW = decoded.expiresAt - 3600_000;
const SETTINGS: PlanSettings = {
  scopeQuery: '_sourceCategory=demo/*',
  tagNames: ['openReplaySessionToken', 'openReplaySession.id'],
  windowStart: 'session-start',
  windowMinutes: 60,
  windowEnd: 'now',
};
const session = (extra: Partial<TargetSession> = {}): TargetSession => ({ token: TOKEN, sessionId: decoded.sessionId, decoded, ...extra });

describe('planSearch', () => {
  it('builds the query from the validated token and session id, scope kept apart', () => {
    const plan = planSearch(session({ startTimestamp: NOW - 600_000 }), SETTINGS, NOW);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.scope).toBe('_sourceCategory=demo/*');
    expect(plan.tagClause).toBe(`"openReplaySessionToken=${TOKEN}" OR "openReplaySession.id=${decoded.sessionId}"`);
    expect(plan.query).toBe(`(_sourceCategory=demo/*) AND (${plan.tagClause})`);
    expect(plan.target).toEqual({ token: TOKEN, sessionId: decoded.sessionId, from: NOW - 660_000, to: NOW });
    expect(plan.window.basis).toBe('session-start');
    expect(plan.tags).toEqual([
      { tagName: 'openReplaySessionToken', value: TOKEN },
      { tagName: 'openReplaySession.id', value: decoded.sessionId },
    ]);
  });

  it('says why there is nothing to search when there is no session', () => {
    const plan = planSearch(null, SETTINGS, NOW);
    expect(plan).toEqual({ ok: false, reason: expect.stringContaining('No session to search for') });
  });

  it('refuses a token with markup in it before anything is sent', () => {
    const plan = planSearch(session({ token: '"><img src=x onerror=alert(1)>' }), SETTINGS, NOW);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.reason).toMatch(/^Refused: Token contains /);
    expect(plan.reason).toContain('nothing was sent to SumoLogic');
  });

  it('searches a bare session id entered by hand with the .id tag only', () => {
    const plan = planSearch({ token: null, sessionId: '2618307011354435587', decoded: null }, SETTINGS, NOW);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.tagClause).toBe('"openReplaySession.id=2618307011354435587"');
    expect(plan.target).toEqual({ sessionId: '2618307011354435587', from: NOW - 3600_000, to: NOW });
    expect(plan.window.basis).toBe('last-minutes');
  });

  it('refuses a bare session id with letters', () => {
    const plan = planSearch({ token: null, sessionId: '12ab', decoded: null }, SETTINGS, NOW);
    expect(plan).toEqual({ ok: false, reason: 'Refused: Session id must contain only the digits 0-9 — nothing was sent to SumoLogic.' });
  });

  it('refuses a scope that could detach the tag clause and points to the settings', () => {
    const plan = planSearch(session(), { ...SETTINGS, scopeQuery: 'error | count' }, NOW);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.reason).toMatch(/^Refused: the scope query contains "\|"/);
    expect(plan.reason).toMatch(/Fix it in Settings → Search\.$/);
  });
});

describe('searchWindow', () => {
  it('uses the last N minutes when the settings say so', () => {
    expect(searchWindow(session(), { ...SETTINGS, windowStart: 'last-minutes', windowMinutes: 5 }, NOW)).toEqual({
      from: NOW - 300_000,
      to: NOW,
      basis: 'last-minutes',
    });
  });

  it('goes back from the expiry by the session length when the start is unknown', () => {
    const w = searchWindow(session(), SETTINGS, NOW);
    expect(w).toEqual({ from: decoded.expiresAt - 7200_000 - 60_000, to: NOW, basis: 'token-expiry' });
  });

  it('ends at the expiry (plus slack) or at now, as set, once the token has expired', () => {
    const later = decoded.expiresAt + 3600_000;
    expect(searchWindow(session(), { ...SETTINGS, windowEnd: 'expiry' }, later).to).toBe(decoded.expiresAt + 60_000);
    expect(searchWindow(session(), SETTINGS, later).to).toBe(later);
  });
});

describe('tagsFor and targetChanged', () => {
  it('gives .id names the session id and the others the token, without duplicates', () => {
    expect(tagsFor({ token: 't' }, ['a', 'b.id', 'a'])).toEqual([{ tagName: 'a', value: 't' }]);
    expect(tagsFor({ token: 't', sessionId: '5' }, ['x.id'])).toEqual([{ tagName: 'x.id', value: '5' }]);
  });

  it('sees another token, or a token replacing a bare id, as a change; no session is not one', () => {
    expect(targetChanged({ token: TOKEN }, session())).toBe(false);
    expect(targetChanged({ token: TOKEN }, session({ token: `${TOKEN.slice(0, -1)}x` }))).toBe(true);
    expect(targetChanged({ token: TOKEN }, null)).toBe(false);
    expect(targetChanged({ sessionId: '5' }, { token: null, sessionId: '5', decoded: null })).toBe(false);
    expect(targetChanged({ sessionId: '5' }, { token: null, sessionId: '6', decoded: null })).toBe(true);
    expect(targetChanged({ sessionId: '5' }, session())).toBe(true);
  });
});

describe('tagsFromClause', () => {
  it('reads the exact tags back from the clause the background built', () => {
    const plan = planSearch(session(), SETTINGS, NOW);
    if (!plan.ok) throw new Error(plan.reason);
    expect(tagsFromClause(plan.tagClause)).toEqual(plan.tags);
    expect(tagsFromClause('')).toEqual([]);
  });
});
