import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../../../../src/core/logs/parse.ts';
import { mergeStackMessages } from '../../../../src/core/logs/merge.ts';
import { extractStack } from '../../../../src/core/logs/stack.ts';
import { GO_TRACE, JAVA_TRACE, JAVA_UNCAUGHT, NODE_TRACE, PYTHON_CHAINED, PYTHON_TRACE, TAG, msg } from './fixtures.ts';

describe('extractStack', () => {
  it('reads a Python traceback as the seed example writes it', () => {
    const s = extractStack(PYTHON_TRACE);
    expect(s.language).toBe('python');
    expect(s.headline).toBe('ZeroDivisionError: division by zero');
    expect(s.exceptionType).toBe('ZeroDivisionError');
    expect(s.frames).toEqual([
      {
        text: 'File "/srv/app/views.py", line 42, in checkout',
        file: '/srv/app/views.py',
        line: 42,
        fn: 'checkout',
        code: 'total = order.total / order.quantity',
      },
      {
        text: 'File "/srv/app/models.py", line 17, in total',
        file: '/srv/app/models.py',
        line: 17,
        fn: 'total',
        code: 'return sum(i.price for i in self.items)',
      },
    ]);
  });

  it('reads a chained Python traceback: the last exception leads, earlier ones are causes', () => {
    const s = extractStack(PYTHON_CHAINED);
    expect(s.headline).toBe('app.errors.NotFound: user 42 not found');
    expect(s.causes).toEqual(["KeyError: 'user_42'"]);
    expect(s.frames.map((f) => `${f.file}:${f.line}`)).toEqual(['/srv/app/api.py:88']);
  });

  it('reads a Java trace with its cause', () => {
    const s = extractStack(JAVA_TRACE);
    expect(s.language).toBe('java');
    expect(s.headline).toBe('java.lang.IllegalStateException: Order 1234 has no items');
    expect(s.causes).toEqual(['java.sql.SQLException: connection reset']);
    expect(s.frames).toEqual([
      {
        text: 'at com.acme.shop.OrderService.checkout(OrderService.java:87)',
        fn: 'com.acme.shop.OrderService.checkout',
        file: 'OrderService.java',
        line: 87,
      },
      {
        text: 'at com.acme.shop.OrderController.post(OrderController.java:41)',
        fn: 'com.acme.shop.OrderController.post',
        file: 'OrderController.java',
        line: 41,
      },
      {
        text: 'at jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
        fn: 'jdk.internal.reflect.NativeMethodAccessorImpl.invoke0',
        file: 'Native Method',
      },
    ]);
  });

  it('reads an uncaught Java exception', () => {
    const s = extractStack(JAVA_UNCAUGHT);
    expect(s.headline).toBe('java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null');
    expect(s.frames).toHaveLength(2);
  });

  it('reads a Node trace', () => {
    const s = extractStack(NODE_TRACE);
    expect(s.language).toBe('node');
    expect(s.headline).toBe("TypeError: Cannot read properties of undefined (reading 'id')");
    expect(s.frames).toEqual([
      { text: 'at getUser (/app/src/users.js:12:19)', fn: 'getUser', file: '/app/src/users.js', line: 12, column: 19 },
      {
        text: 'at async Router.handle (/app/node_modules/express/lib/router/index.js:284:7)',
        fn: 'Router.handle',
        file: '/app/node_modules/express/lib/router/index.js',
        line: 284,
        column: 7,
      },
      { text: 'at /app/src/server.js:40:5', file: '/app/src/server.js', line: 40, column: 5 },
    ]);
  });

  it('reads a Go panic', () => {
    const s = extractStack(GO_TRACE);
    expect(s.language).toBe('go');
    expect(s.headline).toBe('panic: runtime error: index out of range [5] with length 3');
    expect(s.frames.map((f) => [f.fn, f.file, f.line])).toEqual([
      ['main.handler', '/app/main.go', 21],
      ['net/http.HandlerFunc.ServeHTTP', '/usr/local/go/src/net/http/server.go', 2136],
      ['net/http.(*Server).Serve', '/usr/local/go/src/net/http/server.go', 3285],
    ]);
  });

  it('gives a plain line its text as headline, without tag and timestamp', () => {
    expect(extractStack(`${TAG} 2026-01-28 13:09:10,333 ERROR payment declined`)).toEqual({
      language: undefined,
      headline: 'payment declined',
      exceptionType: undefined,
      exceptionMessage: undefined,
      frames: [],
      causes: [],
    });
  });
});

describe('mergeStackMessages', () => {
  const asMessages = (lines: string[], start: number, extra = {}) =>
    lines.map((line, i) => normalizeMessage(msg(line, start + i, extra))).reverse(); // Sumo: newest first

  it('joins a Python traceback that arrived one line per message (newest first)', () => {
    const lines = PYTHON_TRACE.split('\n').filter((l) => l.startsWith('[')); // untagged lines never match the search
    const before = normalizeMessage(msg(`${TAG} INFO GET /api/cart 200`, 999));
    const after = normalizeMessage(msg(`${TAG} INFO GET /api/next 200`, 5000));
    const merged = mergeStackMessages([after, ...asMessages(lines, 1000), before]);
    expect(merged.map((m) => m.parts)).toEqual([1, 4, 1]);
    expect(merged[1]?.raw).toBe(lines.join('\n'));
    expect(merged[1]?.messageTime).toBe(1000);
    expect(extractStack(merged[1]?.raw ?? '').headline).toBe('ZeroDivisionError: division by zero');
    expect(merged[1]?.messageIds).toHaveLength(4);
  });

  it('orders same-millisecond lines by reversing Sumo\u2019s newest-first order', () => {
    const lines = JAVA_UNCAUGHT.split('\n');
    const sameTime = lines.map((l) => normalizeMessage(msg(l, 1000))).reverse();
    const merged = mergeStackMessages(sameTime);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.raw).toBe(JAVA_UNCAUGHT);
  });

  it('joins Java, Node and Go traces split per line', () => {
    for (const trace of [JAVA_TRACE, NODE_TRACE, GO_TRACE]) {
      const lines = trace.split('\n').filter((l) => l !== '');
      const merged = mergeStackMessages(asMessages(lines, 2000));
      expect(merged.map((m) => m.parts)).toEqual([lines.length]);
      expect(merged[0]?.raw).toBe(lines.join('\n'));
      expect(extractStack(merged[0]?.raw ?? '').frames.length).toBeGreaterThan(1);
    }
  });

  it('does not join across sources, tags or long gaps', () => {
    const head = 'java.lang.IllegalStateException: boom';
    const frame = '\tat com.acme.A.b(A.java:1)';
    expect(
      mergeStackMessages([
        normalizeMessage(msg(frame, 1001, { _sourcehost: 'web-2' })),
        normalizeMessage(msg(head, 1000)),
      ]),
    ).toHaveLength(2);
    expect(
      mergeStackMessages([
        normalizeMessage(msg(`[openReplaySessionToken=other.a.b.cccccccc] ${frame}`, 1001)),
        normalizeMessage(msg(`${TAG} ${head}`, 1000)),
      ]),
    ).toHaveLength(2);
    expect(mergeStackMessages([normalizeMessage(msg(frame, 9000)), normalizeMessage(msg(head, 1000))])).toHaveLength(2);
    expect(mergeStackMessages([normalizeMessage(msg(frame, 1001)), normalizeMessage(msg(head, 1000))])).toHaveLength(1);
  });

  it('keeps separate log lines separate', () => {
    const merged = mergeStackMessages(asMessages([`${TAG} INFO a`, `${TAG} ERROR b`, `${TAG} INFO c`], 1000));
    expect(merged.map((m) => m.raw)).toEqual([`${TAG} INFO c`, `${TAG} ERROR b`, `${TAG} INFO a`]);
  });
});
