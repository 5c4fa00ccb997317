import { describe, expect, it } from 'vitest';
import { errorSignature, groupErrors, normalizeForSignature } from '../../../../src/core/logs/group.ts';
import { normalizeMessage } from '../../../../src/core/logs/parse.ts';
import { extractStack } from '../../../../src/core/logs/stack.ts';
import { JAVA_TRACE, NODE_TRACE, PYTHON_TRACE, TAG, msg } from './fixtures.ts';

describe('normalizeForSignature', () => {
  it.each([
    ['Order 1234 has no items', 'Order <n> has no items'],
    ["KeyError: 'user_42'", "KeyError: '<str>'"],
    ['user "bob" not found', 'user "<str>" not found'],
    ['request 550e8400-e29b-41d4-a716-446655440000 failed', 'request <uuid> failed'],
    ['at 2026-01-28T13:09:10.333Z and 2026-01-28 13:09:10,333 and 13:09:10', 'at <time> and <time> and <time>'],
    ['ptr 0xc000012345 span deadbeef01 ok', 'ptr <hex> span <hex> ok'],
    ['trace aB3dE5gH7jK9mN1pQ failed', 'trace <id> failed'],
    [`${TAG} token jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q bad`, 'token <token> bad'],
    ['took 12.5 ms, retry -1', 'took <n> ms, retry <n>'],
  ])('%s', (text, expected) => {
    expect(normalizeForSignature(text)).toBe(expected);
  });
});

const entry = (raw: string, time: number, extra: Record<string, string> = {}) => {
  const m = normalizeMessage(msg(raw, time, extra));
  return { ...m, stack: extractStack(m.raw) };
};

describe('groupErrors', () => {
  it('groups identical errors that differ only in ids, newest group first', () => {
    const entries = [
      entry(PYTHON_TRACE, 5000),
      entry(JAVA_TRACE.replace('1234', '999'), 4000, { _sourcehost: 'web-2' }),
      entry(PYTHON_TRACE.replace('line 42', 'line 43'), 3000, { _sourcehost: 'web-3' }),
      entry(JAVA_TRACE, 2000),
      entry(NODE_TRACE, 1000),
      entry(JAVA_TRACE.replace('1234', '77'), 1500),
    ];
    const groups = groupErrors(entries);
    expect(groups.map((g) => [g.headline, g.count, g.firstSeen, g.lastSeen])).toEqual([
      ['ZeroDivisionError: division by zero', 2, 3000, 5000],
      ['java.lang.IllegalStateException: Order 999 has no items', 3, 1500, 4000],
      ["TypeError: Cannot read properties of undefined (reading 'id')", 1, 1000, 1000],
    ]);
    expect(groups[0]?.sample).toBe(entries[0]);
    expect(groups[0]?.sources).toEqual([
      { category: 'prod/api', host: 'web-1', name: '/var/log/app.log' },
      { category: 'prod/api', host: 'web-3', name: '/var/log/app.log' },
    ]);
    expect(groups[1]?.sources.map((s) => s.host)).toEqual(['web-2', 'web-1']);
  });

  it('keeps errors apart when they are thrown from different places', () => {
    const a = extractStack(NODE_TRACE);
    const b = extractStack(NODE_TRACE.replace('getUser (/app/src/users.js', 'getOrder (/app/src/orders.js'));
    expect(errorSignature(a)).not.toBe(errorSignature(b));
    expect(errorSignature(a)).toBe(
      "node|TypeError: Cannot read properties of undefined (reading '<str>')|getUser@/app/src/users.js < Router.handle@/app/node_modules/express/lib/router/index.js < @/app/src/server.js",
    );
  });

  it('groups plain error lines by their normalized text', () => {
    const groups = groupErrors([
      entry(`${TAG} 2026-01-28 13:09:10,333 ERROR payment 42 declined`, 2000),
      entry(`${TAG} 2026-01-28 13:09:11,001 ERROR payment 43 declined`, 1000),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(2);
    expect(groups[0]?.headline).toBe('payment 42 declined');
  });
});
