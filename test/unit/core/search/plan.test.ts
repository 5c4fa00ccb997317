import { describe, expect, it } from 'vitest';
import { DEFAULT_SUMO_SETTINGS } from '../../../../src/shared/settings.ts';
import { decodeToken } from '../../../../src/core/session/token.ts';
import {
  planSearch,
  searchWindow,
  tagsFor,
  widen,
  tagsFromClause,
  targetChanged,
  type PlanSettings,
  type TargetSession,
} from '../../../../src/core/search/plan.ts';

const TOKEN = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const decoded = decodeToken(TOKEN);
const NOW = decoded.expiresAt - 3600_000;
const SETTINGS: PlanSettings = {
  scopeQuery: '_sourceCategory=demo/*',
  tagNames: ['openReplaySessionToken', 'openReplaySession.id'],
  windowStart: 'session-start',
  windowMinutes: 60,
  windowEnd: 'now',
  maxSessionMinutes: 120,
};
const ID = '2618307011354435587';
const ID_START = 1706063259324;
const idOnly = (sessionId = ID): TargetSession => ({ token: null, sessionId, decoded: null });
const session = (extra: Partial<TargetSession> = {}): TargetSession => ({
  token: TOKEN,
  sessionId: decoded.sessionId,
  decoded,
  ...extra,
});

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

  it('searches a session id alone with both tag forms, built from the id only, and nothing else', () => {
    const later = ID_START + 3 * 86_400_000;
    const plan = planSearch(idOnly(), { ...SETTINGS, scopeQuery: '' }, later);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.query).toBe('"openReplaySession.id=2618307011354435587" OR "openReplaySessionToken=jw4wdfpgqhoj"');
    expect(plan.tagClause).toBe(plan.query);
    expect(plan.target).toEqual({ sessionId: ID, from: ID_START - 60_000, to: ID_START + 7200_000 + 60_000 });
    expect(plan.window.basis).toBe('session-id');
    expect(plan.tags).toEqual([
      { tagName: 'openReplaySessionToken', value: 'jw4wdfpgqhoj', match: 'session' },
      { tagName: 'openReplaySession.id', value: ID },
    ]);
    expect(tagsFromClause(plan.tagClause)).toEqual([
      { tagName: 'openReplaySession.id', value: ID },
      { tagName: 'openReplaySessionToken', value: 'jw4wdfpgqhoj', match: 'session' },
    ]);
    const scoped = planSearch(idOnly(), SETTINGS, later);
    if (!scoped.ok) throw new Error(scoped.reason);
    expect(scoped.query).toBe(
      `(_sourceCategory=demo/*) AND ("openReplaySession.id=${ID}" OR "openReplaySessionToken=jw4wdfpgqhoj")`,
    );
  });

  it('refuses an id beyond 64 bits or with a leading zero before building any query', () => {
    expect(planSearch(idOnly('18446744073709551616'), SETTINGS, NOW)).toEqual({
      ok: false,
      reason: 'Refused: Session id is larger than 18446744073709551615 (2^64 - 1) — nothing was sent to SumoLogic.',
    });
    expect(planSearch(idOnly('0123'), SETTINGS, NOW).ok).toBe(false);
  });

  it('refuses a bare session id with letters', () => {
    const plan = planSearch({ token: null, sessionId: '12ab', decoded: null }, SETTINGS, NOW);
    expect(plan).toEqual({
      ok: false,
      reason: 'Refused: Session id must contain only the digits 0-9 — nothing was sent to SumoLogic.',
    });
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

  it('starts at the start the session id encodes when the ingest told none (2 h before the expiry here)', () => {
    const w = searchWindow(session(), SETTINGS, NOW);
    expect(w).toEqual({ from: ID_START - 60_000, to: NOW, basis: 'session-start' });
    expect(ID_START).toBe(decoded.expiresAt - 7200_000);
  });

  it('goes back from the expiry by the maximum session length when the id tells no plausible start', () => {
    // A token whose id part decodes to the flakeid epoch: not a start time.
    const odd = decodeToken(`7.0.${decoded.expiresAt.toString(36)}.${decoded.signature}`);
    const now = decoded.expiresAt - 600_000;
    const w = searchWindow(
      { token: odd.token, sessionId: odd.sessionId, decoded: odd },
      { ...SETTINGS, maxSessionMinutes: 30 },
      now,
    );
    expect(w).toEqual({ from: decoded.expiresAt - 1800_000 - 60_000, to: now, basis: 'token-expiry' });
  });

  it('a session id alone: start − slack to start + the maximum session length + slack, never past now', () => {
    const later = ID_START + 86_400_000;
    expect(searchWindow(idOnly(), { ...SETTINGS, maxSessionMinutes: 30 }, later)).toEqual({
      from: ID_START - 60_000,
      to: ID_START + 1800_000 + 60_000,
      basis: 'session-id',
    });
    expect(searchWindow(idOnly(), SETTINGS, ID_START + 600_000)).toEqual({
      from: ID_START - 60_000,
      to: ID_START + 600_000,
      basis: 'session-id',
    });
    // No plausible start (time part zero, or in the future): the last N minutes, not a guess.
    expect(searchWindow(idOnly('7'), SETTINGS, later)).toEqual({
      from: later - 3600_000,
      to: later,
      basis: 'last-minutes',
    });
    expect(searchWindow(idOnly('18446744073709551615'), SETTINGS, later).basis).toBe('last-minutes');
  });

  it('widens by the asked amount on each side, never past now', () => {
    const later = ID_START + 86_400_000;
    const plan = planSearch(idOnly(), SETTINGS, later, 3600_000);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.window).toEqual({
      from: ID_START - 60_000 - 3600_000,
      to: ID_START + 7200_000 + 60_000 + 3600_000,
      basis: 'session-id',
      widenedMs: 3600_000,
    });
    expect(widen({ from: 10, to: 100, basis: 'session-id' }, 50, 120)).toEqual({
      from: -40,
      to: 120,
      basis: 'session-id',
      widenedMs: 50,
    });
    expect(widen({ from: 10, to: 100, basis: 'session-id' }, 0, 120)).toEqual({
      from: 10,
      to: 100,
      basis: 'session-id',
    });
  });

  it('ends at the expiry (plus slack) or at now, as set, once the token has expired', () => {
    const later = decoded.expiresAt + 3600_000;
    // A token pasted a day later, with the default settings: its start to its expiry, both from the token.
    const dayLater = decoded.expiresAt + 86_400_000;
    expect(searchWindow(session(), { ...SETTINGS, windowEnd: DEFAULT_SUMO_SETTINGS.windowEnd }, dayLater)).toEqual({
      from: ID_START - 60_000,
      to: decoded.expiresAt + 60_000,
      basis: 'session-start',
    });
    expect(searchWindow(session(), { ...SETTINGS, windowEnd: 'expiry' }, later).to).toBe(decoded.expiresAt + 60_000);
    expect(searchWindow(session(), SETTINGS, later).to).toBe(later);
  });
});

describe('tagsFor and targetChanged', () => {
  it('gives .id names the session id and the others the token, without duplicates', () => {
    expect(tagsFor({ token: 't' }, ['a', 'b.id', 'a'])).toEqual([{ tagName: 'a', value: 't' }]);
    expect(tagsFor({ token: 't', sessionId: '5' }, ['x.id'])).toEqual([{ tagName: 'x.id', value: '5' }]);
    expect(tagsFor({ sessionId: ID }, ['a', 'b.id'])).toEqual([
      { tagName: 'a', value: 'jw4wdfpgqhoj', match: 'session' },
      { tagName: 'b.id', value: ID },
    ]);
    expect(tagsFor({ sessionId: 'x1' }, ['a'])).toEqual([]);
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
