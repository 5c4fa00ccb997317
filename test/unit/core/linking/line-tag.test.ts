import { describe, expect, it } from 'vitest';
import { lineTag, otherTagName, type LineTagOptions } from '../../../../src/core/linking/line-tag.ts';
import { SESSION_ID, tag, TAG_NAMES, TOKEN } from './fixtures.ts';

const opts: LineTagOptions = { token: TOKEN, sessionId: SESSION_ID, tagNames: TAG_NAMES };

describe('lineTag', () => {
  it('tells exact tags from wrong case, cut and other tokens, and other tag names', () => {
    expect(lineTag(`INFO ${tag()} GET /x`, opts)).toEqual({ kind: 'exact' });
    expect(lineTag(`INFO [openReplaySession.id=${SESSION_ID}] GET /x`, opts)).toEqual({ kind: 'exact' });
    expect(lineTag(`INFO [openreplaysessiontoken=${TOKEN}] GET /x`, opts)).toEqual({
      kind: 'issue',
      issue: { kind: 'wrong-case-name', found: 'openreplaysessiontoken' },
    });
    expect(lineTag(`INFO [OpenReplaySessionToken=${TOKEN}] GET /x`, opts)).toEqual({
      kind: 'issue',
      issue: { kind: 'wrong-case-name', found: 'OpenReplaySessionToken' },
    });
    expect(lineTag(`INFO [openReplaySessionToken=${TOKEN.slice(0, 25)}] GET /x`, opts)).toEqual({
      kind: 'issue',
      issue: { kind: 'truncated-token', found: TOKEN.slice(0, 25), missingChars: TOKEN.length - 25 },
    });
    expect(lineTag(`INFO sessionToken=${TOKEN} GET /x`, opts)).toEqual({
      kind: 'issue',
      issue: { kind: 'other-tag-name', found: 'sessionToken' },
    });
    expect(lineTag('INFO GET /x 200', opts)).toEqual({ kind: 'none' });
  });

  it('finds another tag name only in front of the whole token', () => {
    expect(otherTagName(`x_or_token: "${TOKEN}"`, TOKEN, TAG_NAMES)).toBe('x_or_token');
    expect(otherTagName(`token ${TOKEN}`, TOKEN, TAG_NAMES)).toBeUndefined();
  });
});
