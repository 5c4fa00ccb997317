import { describe, expect, it } from 'vitest';
import { timeWindow, tryBuildSessionQuery, uiSearchUrl } from '../../../../src/core/search/query.ts';
import { sessionQuery as buildSessionQuery } from '../../../support/session-query.ts';

const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const NEG_DELAY_TOKEN = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

describe('tryBuildSessionQuery', () => {
  it('builds the fixed tag clause for a token', () => {
    expect(buildSessionQuery({ token: TOKEN, tagNames: ['openReplaySessionToken'] })).toEqual({
      query: `"openReplaySessionToken=${TOKEN}"`,
      tagClause: `"openReplaySessionToken=${TOKEN}"`,
      scope: '',
    });
  });

  it('ORs the token and session id tags by default and keeps the scope separate', () => {
    const q = buildSessionQuery({
      token: NEG_DELAY_TOKEN,
      sessionId: '2618307011354435587',
      scope: ' _sourceCategory=prod/api ',
    });
    expect(q.tagClause).toBe(
      `"openReplaySessionToken=${NEG_DELAY_TOKEN}" OR "openReplaySession.id=2618307011354435587"`,
    );
    expect(q.scope).toBe('_sourceCategory=prod/api');
    expect(q.query).toBe(
      `(_sourceCategory=prod/api) AND ("openReplaySessionToken=${NEG_DELAY_TOKEN}" OR "openReplaySession.id=2618307011354435587")`,
    );
  });

  it('uses only the tags it has a value for', () => {
    // A session id alone: the .id tag, and token tags asked for any token of that session (42 = "16" in base 36).
    expect(buildSessionQuery({ sessionId: '42' }).query).toBe(
      '"openReplaySession.id=42" OR "openReplaySessionToken=16"',
    );
    expect(buildSessionQuery({ sessionId: '42', tagNames: ['openReplaySession.id'] }).query).toBe(
      '"openReplaySession.id=42"',
    );
    expect(buildSessionQuery({ token: TOKEN }).query).toBe(`"openReplaySessionToken=${TOKEN}"`);
  });

  const badChar = (what: string): string =>
    `Refused: the session token contains ${what} (only letters, digits, ".", "_" and "-" are allowed) — it was not put into a SumoLogic query.`;

  it.each([
    [`${TOKEN}"`, badChar('"""')],
    [`${TOKEN} | save /shared/x`, badChar('a space')],
    [`${TOKEN}|save`, badChar('"|"')],
    [`${TOKEN}\n| lookup x from https://evil`, badChar('a line break')],
    [`${TOKEN}//`, badChar('"/"')],
    [`${TOKEN}/*`, badChar('"/"')],
    [`_index=secret`, badChar('"="')],
    [`${TOKEN}\u202e`, badChar('the invisible character U+202E')],
    [`${TOKEN}\u0000`, badChar('the invisible character U+0000')],
    ['', 'Refused: the session token is empty.'],
    [
      'abc.def',
      'Refused: Token has 2 dot-separated parts, expected 4: session id, delay, expiry, signature — it was not put into a SumoLogic query.',
    ],
    ['a..b.cccccccccccc', 'Refused: Delay is empty — it was not put into a SumoLogic query.'],
    [
      `${TOKEN}${'x'.repeat(200)}`,
      'Refused: the session token is 269 characters long (at most 200) — it was not put into a SumoLogic query.',
    ],
  ])('refuses token %j with a clear message and no query', (token, message) => {
    const result = tryBuildSessionQuery({ token });
    expect(result).toEqual({ ok: false, field: 'token', message });
    expect(result).not.toHaveProperty('query');
  });

  it.each([
    ['12a', 'Refused: the session id contains "a" (only digits are allowed) — it was not put into a SumoLogic query.'],
    [
      '1 OR x',
      'Refused: the session id contains a space (only digits are allowed) — it was not put into a SumoLogic query.',
    ],
    ['-1', 'Refused: the session id contains "-" (only digits are allowed) — it was not put into a SumoLogic query.'],
    [
      '1'.repeat(21),
      'Refused: the session id is 21 characters long (at most 20 digits) — it was not put into a SumoLogic query.',
    ],
  ])('refuses session id %j', (sessionId, message) => {
    expect(tryBuildSessionQuery({ sessionId })).toEqual({ ok: false, field: 'sessionId', message });
  });

  it.each([
    [
      'openReplay SessionToken',
      'Refused: the tag name contains a space (only letters, digits, "." and "_" are allowed).',
    ],
    ['tag"x', 'Refused: the tag name contains """ (only letters, digits, "." and "_" are allowed).'],
    ['tag-x', 'Refused: the tag name contains "-" (only letters, digits, "." and "_" are allowed).'],
    ['9tag', 'Refused: a tag name must start with a letter.'],
  ])('refuses tag name %j', (name, message) => {
    expect(tryBuildSessionQuery({ token: TOKEN, tagNames: [name] })).toEqual({ ok: false, field: 'tagNames', message });
  });

  it('refuses when no tag name takes the value given', () => {
    expect(tryBuildSessionQuery({ token: TOKEN, tagNames: ['openReplaySession.id'] })).toEqual({
      ok: false,
      field: 'tagNames',
      message: 'Refused: none of the configured tag names takes a session token.',
    });
    expect(tryBuildSessionQuery({})).toEqual({
      ok: false,
      field: 'token',
      message: 'Refused: there is no session token or session id to search for.',
    });
  });

  it.each([
    [
      '_sourceCategory=prod | save /shared/x',
      'Refused: the scope query contains "|" — the scope is a keyword scope only (e.g. _sourceCategory=prod/api); operators after a pipe are not allowed.',
    ],
    ['_sourceCategory=prod\n_index=x', 'Refused: the scope query contains a line break — write it on one line.'],
    [
      '_sourceCategory=prod //',
      'Refused: the scope query contains a comment ("//" or "/*") — it would cut off the session tag.',
    ],
    [
      '_sourceCategory=prod /* x */',
      'Refused: the scope query contains a comment ("//" or "/*") — it would cut off the session tag.',
    ],
    [
      'a) OR (b',
      'Refused: the scope query has a ")" without its "(" — it could detach the session tag from the search.',
    ],
    ['(a', 'Refused: the scope query has a "(" without its ")".'],
    ['"unclosed', 'Refused: the scope query has an unclosed double quote.'],
  ])('refuses scope %j', (scope, message) => {
    expect(tryBuildSessionQuery({ token: TOKEN, scope })).toEqual({ ok: false, field: 'scope', message });
  });

  it('reads "/*" inside a value as a wildcard, not a comment (as Sumo does)', () => {
    const q = buildSessionQuery({ token: TOKEN, scope: '_sourceCategory=demo/* AND _sourceHost=web-*' });
    expect(q.query).toBe(`(_sourceCategory=demo/* AND _sourceHost=web-*) AND ("openReplaySessionToken=${TOKEN}")`);
    expect(tryBuildSessionQuery({ token: TOKEN, scope: '(//x' })).toMatchObject({ ok: false, field: 'scope' });
  });

  it('accepts a scope with quoted slashes and parentheses', () => {
    const q = buildSessionQuery({ token: TOKEN, scope: '_sourceCategory=prod/api AND ("https://x/y" OR error)' });
    expect(q.query).toBe(
      `(_sourceCategory=prod/api AND ("https://x/y" OR error)) AND ("openReplaySessionToken=${TOKEN}")`,
    );
  });

  it('refuses a query longer than 15,000 characters', () => {
    const scope = `a${' OR a'.repeat(3000)}`;
    const result = tryBuildSessionQuery({ token: TOKEN, scope });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^Refused: the query would be \d+ characters long; SumoLogic accepts at most 15000\.$/,
    );
  });
});

describe('uiSearchUrl', () => {
  it('builds the documented deep link', () => {
    expect(uiSearchUrl('service.eu.sumologic.com', '"openReplaySessionToken=a.b.c.d" AND x', 1000, 2000)).toBe(
      'https://service.eu.sumologic.com/ui/#/search/create?query=%22openReplaySessionToken%3Da.b.c.d%22%20AND%20x&startTime=1000&endTime=2000',
    );
    expect(uiSearchUrl('http://127.0.0.1:4000/', 'q', 1, 2)).toBe(
      'http://127.0.0.1:4000/ui/#/search/create?query=q&startTime=1&endTime=2',
    );
  });
});

describe('timeWindow', () => {
  const now = 1_700_000_000_000;
  it('runs from the session start to now', () => {
    expect(timeWindow({ now, sessionStartMs: now - 600_000 })).toEqual({
      from: now - 660_000,
      to: now,
      basis: 'session-start',
    });
  });
  it('ends at the token expiry (plus slack) when it has passed', () => {
    expect(timeWindow({ now, sessionStartMs: now - 10_000_000, tokenExpiryMs: now - 3_000_000 })).toEqual({
      from: now - 10_060_000,
      to: now - 2_940_000,
      basis: 'session-start',
    });
  });
  it('falls back to expiry − 2 h', () => {
    expect(timeWindow({ now, tokenExpiryMs: now + 3_600_000, slackMs: 0 })).toEqual({
      from: now - 3_600_000,
      to: now,
      basis: 'token-expiry',
    });
  });
  it('uses the last N minutes when asked or when nothing is known', () => {
    expect(timeWindow({ now, sessionStartMs: 1, lastMinutes: 30 })).toEqual({
      from: now - 1_800_000,
      to: now,
      basis: 'last-minutes',
    });
    expect(timeWindow({ now })).toEqual({ from: now - 900_000, to: now, basis: 'last-minutes' });
  });
});
