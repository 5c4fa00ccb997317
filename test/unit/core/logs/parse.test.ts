import { describe, expect, it } from 'vitest';
import {
  findTagIssues,
  normalizeMessage,
  recheckMessages,
  recheckTag,
  removeSessionTags,
  stripLeadingTags,
} from '../../../../src/core/logs/parse.ts';
import { TAG, TOKEN } from './fixtures.ts';

describe('normalizeMessage', () => {
  it('reads a recorded message map, keeping 64-bit ids as strings', () => {
    const m = normalizeMessage({
      _messagetime: '1359407350333',
      _receipttime: '1359407350899',
      _raw: '2013-01-28 13:09:10,333 ERROR boom',
      _sourcecategory: 'service',
      _sourcehost: 'web-1',
      _sourcename: '/var/log/service.log',
      _messageid: '-9223372036854773763',
      _blockid: '-9223372036854775669',
    });
    expect(m).toMatchObject({
      raw: '2013-01-28 13:09:10,333 ERROR boom',
      messageTime: 1359407350333,
      receiptTime: 1359407350899,
      sourceCategory: 'service',
      sourceHost: 'web-1',
      sourceName: '/var/log/service.log',
      messageId: '-9223372036854773763',
    });
    expect(m.fields['_blockid']).toBe('-9223372036854775669');
  });

  it('matches keys case-insensitively and tolerates missing fields', () => {
    const m = normalizeMessage({
      _Raw: 'x',
      _MessageTime: 'not a number',
      _SourceHost: 'h',
      _MessageId: '12345678901234567890',
    });
    expect(m).toMatchObject({
      raw: 'x',
      messageTime: undefined,
      receiptTime: undefined,
      sourceHost: 'h',
      sourceCategory: '',
      messageId: '12345678901234567890',
    });
  });
});

describe('recheckTag', () => {
  it('accepts the exact tag with a boundary after the value', () => {
    expect(recheckTag(`${TAG} ERROR x`, 'openReplaySessionToken', TOKEN)).toBe('exact');
    expect(recheckTag(`openReplaySessionToken=${TOKEN}`, 'openReplaySessionToken', TOKEN)).toBe('exact');
    expect(recheckTag(`token openReplaySessionToken=${TOKEN}, next`, 'openReplaySessionToken', TOKEN)).toBe('exact');
  });

  it('rejects a longer token that only starts with ours (Sumo splits terms at punctuation)', () => {
    expect(recheckTag(`[openReplaySessionToken=${TOKEN}-other]`, 'openReplaySessionToken', TOKEN)).toBe('none');
    expect(recheckTag(`[openReplaySessionToken=${TOKEN}.x]`, 'openReplaySessionToken', TOKEN)).toBe('none');
    expect(recheckTag(`[openReplaySessionToken=${TOKEN}_x]`, 'openReplaySessionToken', TOKEN)).toBe('none');
    expect(recheckTag(`[myopenReplaySessionToken=${TOKEN}]`, 'openReplaySessionToken', TOKEN)).toBe('none');
  });

  it('tells a case-only match apart', () => {
    expect(recheckTag(`[openreplaysessiontoken=${TOKEN}]`, 'openReplaySessionToken', TOKEN)).toBe('case-only');
    expect(recheckTag(`[openReplaySessionToken=${TOKEN.toUpperCase()}]`, 'openReplaySessionToken', TOKEN)).toBe(
      'case-only',
    );
  });

  it('finds the exact tag after an earlier longer one', () => {
    expect(
      recheckTag(`openReplaySessionToken=${TOKEN}x openReplaySessionToken=${TOKEN}`, 'openReplaySessionToken', TOKEN),
    ).toBe('exact');
  });
});

describe('recheckMessages', () => {
  it('keeps exact lines and counts the dropped ones by reason', () => {
    const lines = [
      { raw: `${TAG} ok 1` },
      { raw: `[openreplaysessiontoken=${TOKEN}] wrong case` },
      { raw: `[openReplaySessionToken=${TOKEN}-x] longer` },
      { raw: '[openReplaySession.id=42] by id' },
    ];
    const result = recheckMessages(lines, [
      { tagName: 'openReplaySessionToken', value: TOKEN },
      { tagName: 'openReplaySession.id', value: '42' },
    ]);
    expect(result.kept.map((l) => l.raw)).toEqual([`${TAG} ok 1`, '[openReplaySession.id=42] by id']);
    expect(result.droppedCaseOnly).toBe(1);
    expect(result.droppedNoMatch).toBe(1);
  });
});

describe('findTagIssues', () => {
  const name = 'openReplaySessionToken';
  it('finds nothing on a correct tag', () => {
    expect(findTagIssues(`${TAG} ok`, name, TOKEN)).toEqual([]);
  });
  it('finds a wrongly cased tag name', () => {
    expect(findTagIssues(`[OpenReplaySessionToken=${TOKEN}] x`, name, TOKEN)).toEqual([
      { kind: 'wrong-case-name', found: 'OpenReplaySessionToken' },
    ]);
  });
  it('finds a token cut short (e.g. by a regex that left out "-")', () => {
    expect(findTagIssues('[openReplaySessionToken=jw4wdfpgqhoj.] x', name, TOKEN)).toEqual([
      { kind: 'truncated-token', found: 'jw4wdfpgqhoj.', missingChars: TOKEN.length - 13 },
    ]);
    expect(findTagIssues(`[openReplaySessionToken=${TOKEN.slice(0, 40)}] x`, name, TOKEN)).toEqual([
      { kind: 'truncated-token', found: TOKEN.slice(0, 40), missingChars: TOKEN.length - 40 },
    ]);
  });
  it('finds a wrong-case value, a longer token and a different token', () => {
    expect(findTagIssues(`[openReplaySessionToken=${TOKEN.toUpperCase()}]`, name, TOKEN)).toEqual([
      { kind: 'wrong-case-value', found: TOKEN.toUpperCase() },
    ]);
    expect(findTagIssues(`[openReplaySessionToken=${TOKEN}-2]`, name, TOKEN)).toEqual([
      { kind: 'extended-token', found: `${TOKEN}-2` },
    ]);
    expect(findTagIssues('[openreplaysessiontoken=abc.def.ghi.jklmnopqrs]', name, TOKEN)).toEqual([
      { kind: 'wrong-case-name', found: 'openreplaysessiontoken' },
      { kind: 'other-token', found: 'abc.def.ghi.jklmnopqrs' },
    ]);
  });
});

describe('tag removal', () => {
  it('removes tags at the start and inside the text', () => {
    expect(stripLeadingTags(`${TAG}   File "x.py", line 1`)).toBe('  File "x.py", line 1');
    expect(removeSessionTags(`${TAG} ZeroDivisionError: ${TAG} division by zero`)).toBe(
      'ZeroDivisionError: division by zero',
    );
  });
});
