import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recheckSessionTag } from '../../../../src/core/logs/session-tag.ts';
import { recheckMessages, type TagValue } from '../../../../src/core/logs/parse.ts';
import { analyzeMessages } from '../../../support/analyze-messages.ts';
import { droppedText } from '../../../../src/core/search/present.ts';
import { base36ToBigInt } from '../../../../src/core/session/encoding.ts';
import { encodeToken } from '../../../../src/core/session/token.ts';

const REAL = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const sig = new Uint8Array(32).fill(9);
/** Another token of the same session (another delay and expiry, another signature). */
const SAME_SESSION = encodeToken({
  sessionId: 2618307011354435587n,
  delayMs: -20,
  expiresAt: 1706070459324,
  signature: sig,
});
/** A session whose base-36 id is one character shorter: REAL's id merely starts with it. */
const SHORT_ID = 'jw4wdfpgqho';
const SHORT_TOKEN = encodeToken({
  sessionId: base36ToBigInt(SHORT_ID),
  delayMs: 0,
  expiresAt: 1556000000000,
  signature: sig,
});

const tag = (value: string): TagValue => ({ tagName: 'openReplaySessionToken', value, match: 'session' });

describe('re-check for a session id alone', () => {
  it('keeps every token of that session, exactly under the tag name', () => {
    expect(
      recheckSessionTag(
        `2026-11-27T10:00:00Z INFO [openReplaySessionToken=${REAL}] GET /`,
        'openReplaySessionToken',
        'jw4wdfpgqhoj',
      ),
    ).toBe('exact');
    expect(
      recheckSessionTag(`[openReplaySessionToken=${SAME_SESSION}] x`, 'openReplaySessionToken', 'jw4wdfpgqhoj'),
    ).toBe('exact');
    expect(
      recheckSessionTag(`ValueError: [openReplaySessionToken=${REAL}]`, 'openReplaySessionToken', 'jw4wdfpgqhoj'),
    ).toBe('exact');
  });

  it('drops a line tagged with another session whose base-36 id merely starts with the same characters', () => {
    // Searching the shorter id: REAL's id starts with it but is another session.
    expect(recheckSessionTag(`[openReplaySessionToken=${REAL}] GET /`, 'openReplaySessionToken', SHORT_ID)).toBe(
      'other-session',
    );
    expect(recheckSessionTag(`[openReplaySessionToken=${SHORT_TOKEN}] GET /`, 'openReplaySessionToken', SHORT_ID)).toBe(
      'exact',
    );
    // Not a token at all, though it starts with the id.
    expect(
      recheckSessionTag('[openReplaySessionToken=jw4wdfpgqhoj.3az] cut', 'openReplaySessionToken', 'jw4wdfpgqhoj'),
    ).toBe('other-session');
    expect(
      recheckSessionTag(
        '[openReplaySessionToken=jw4wdfpgqhoj-x.3az.lrraavgc.ovJ2] x',
        'openReplaySessionToken',
        'jw4wdfpgqhoj',
      ),
    ).toBe('other-session');
  });

  it('tells a wrongly cased tag name and a name that only ends like ours', () => {
    expect(recheckSessionTag(`[openreplaysessiontoken=${REAL}]`, 'openReplaySessionToken', 'jw4wdfpgqhoj')).toBe(
      'case-only',
    );
    expect(recheckSessionTag(`[xopenReplaySessionToken=${REAL}]`, 'openReplaySessionToken', 'jw4wdfpgqhoj')).toBe(
      'none',
    );
    expect(recheckSessionTag('no tag here', 'openReplaySessionToken', 'jw4wdfpgqhoj')).toBe('none');
    // The searched value must itself be a base-36 id.
    expect(recheckSessionTag(`[openReplaySessionToken=${REAL}]`, 'openReplaySessionToken', REAL)).toBe('none');
  });

  it('counts what it drops, and says so', () => {
    const lines = [
      { raw: `[openReplaySessionToken=${SHORT_TOKEN}] GET /a 200` },
      { raw: `[openReplaySessionToken=${REAL}] GET /b 500` },
      { raw: `[openreplaysessiontoken=${SHORT_TOKEN}] GET /c 200` },
      { raw: 'GET /d 200' },
    ];
    const r = recheckMessages(lines, [
      tag(SHORT_ID),
      { tagName: 'openReplaySession.id', value: base36ToBigInt(SHORT_ID).toString() },
    ]);
    expect(r.kept.map((l) => l.raw)).toEqual([lines[0]?.raw]);
    expect([r.droppedCaseOnly, r.droppedNoMatch, r.droppedOtherSession]).toEqual([1, 1, 1]);
    expect(droppedText(r.droppedCaseOnly, r.droppedNoMatch, r.droppedOtherSession)).toBe(
      "3 lines dropped: 1 matched the tag only when case is ignored, 1 did not carry the exact tag with a boundary after it, 1 carried another session's token (or no valid token) in the tag.",
    );
    const analysis = analyzeMessages(
      lines.map((l, i) => ({ _raw: l.raw, _messagetime: String(1000 + i) })),
      { tags: [tag(SHORT_ID)] },
    );
    expect(analysis.entries).toHaveLength(1);
    expect(analysis.droppedOtherSession).toBe(1);
    expect(analysis.tagIssues).toEqual([]);
  });

  it('keeps a line exactly when its token decodes to the searched id (property)', () => {
    const id = fc.bigInt({ min: 1n << 24n, max: (1n << 64n) - 1n });
    const filler = fc.stringMatching(/^[ a-zA-Z:[\]/]{0,20}$/);
    fc.assert(
      fc.property(
        id,
        id,
        filler,
        filler,
        fc.integer({ min: -5000, max: 5000 }),
        (searched, carried, pre, post, delay) => {
          const token = encodeToken({
            sessionId: carried,
            delayMs: delay,
            expiresAt: 1_800_000_000_000,
            signature: sig,
          });
          const raw = `${pre} [openReplaySessionToken=${token}]${post.replace(/^[a-zA-Z]/, ' ')}`;
          const got = recheckSessionTag(raw, 'openReplaySessionToken', searched.toString(36));
          return searched === carried ? got === 'exact' : got !== 'exact';
        },
      ),
    );
  });

  it('never throws on any line and stays bounded on long value runs (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (raw) => {
        const got = recheckSessionTag(`openReplaySessionToken=${raw}`, 'openReplaySessionToken', 'jw4wdfpgqhoj');
        return ['exact', 'case-only', 'other-session', 'none'].includes(got);
      }),
    );
    expect(
      recheckSessionTag(
        `openReplaySessionToken=jw4wdfpgqhoj${'a'.repeat(200_000)}`,
        'openReplaySessionToken',
        'jw4wdfpgqhoj',
      ),
    ).toBe('other-session');
  });
});
