import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SumoServer } from '../../sumo-server/index.ts';
import { splitMessages } from '../../sumo-server/ingest.ts';
import { parseLeadingTimestamp } from '../../sumo-server/timestamps.ts';
import { startFastServer } from './client.ts';

describe('leading timestamps', () => {
  it('reads ISO with Z, with comma millis, with an offset, and epoch ms', () => {
    expect(parseLeadingTimestamp('2026-11-26T13:09:10.333Z ERROR x')?.ms).toBe(Date.UTC(2026, 10, 26, 13, 9, 10, 333));
    expect(parseLeadingTimestamp('2026-11-26 13:09:10,333 ERROR x')?.ms).toBe(Date.UTC(2026, 10, 26, 13, 9, 10, 333));
    expect(parseLeadingTimestamp('[2026-11-26T15:09:10+02:00] x')?.ms).toBe(Date.UTC(2026, 10, 26, 13, 9, 10, 0));
    expect(parseLeadingTimestamp('1795701783365 hello')?.ms).toBe(1795701783365);
  });

  it('finds nothing in a line without a leading timestamp or with an impossible date', () => {
    expect(parseLeadingTimestamp('ERROR at 2026-11-26T13:09:10Z')).toBeUndefined();
    expect(parseLeadingTimestamp('2026-13-40T13:09:10Z x')).toBeUndefined();
    expect(parseLeadingTimestamp('12345 short number')).toBeUndefined();
  });
});

describe('splitting a body into messages', () => {
  const python = [
    '2026-11-26 13:09:10,333 ERROR boom [openReplaySessionToken=abc]',
    'Traceback (most recent call last):',
    '  File "app.py", line 3, in <module>',
    'ValueError: bad',
    '2026-11-26 13:09:11,000 INFO next',
  ].join('\n');

  it('auto mode opens a message at each timestamped line and keeps a traceback together', () => {
    const out = splitMessages(python, 'auto');
    expect(out).toEqual([python.split('\n').slice(0, 4).join('\n'), '2026-11-26 13:09:11,000 INFO next']);
  });

  it('auto mode without timestamps joins indented, Traceback and Caused by lines', () => {
    const body =
      'java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\nCaused by: y\n\t... 3 more\nplain line\r\n\r\n';
    expect(splitMessages(body, 'auto')).toEqual([
      'java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\nCaused by: y\n\t... 3 more',
      'plain line',
    ]);
  });

  it('message mode keeps the whole body, line mode splits every line', () => {
    expect(splitMessages(`${python}\n`, 'message')).toEqual([python]);
    expect(splitMessages('a\n\nb\n', 'line')).toEqual(['a', 'b']);
    expect(splitMessages('\n  \n', 'message')).toEqual([]);
  });
});

describe('HTTP Logs source', () => {
  let server: SumoServer;
  beforeAll(async () => {
    server = await startFastServer({ httpSourceCode: 'Zm9vYmFy' });
  });
  afterAll(() => server.close());

  it('stores each line with the X-Sumo-* metadata, timestamps and 64-bit string ids', async () => {
    server.reset();
    const before = Date.now();
    const res = await fetch(server.receiverUrl, {
      method: 'POST',
      headers: {
        'X-Sumo-Category': 'prod/api',
        'X-Sumo-Host': 'web-1',
        'X-Sumo-Name': '/var/log/api.log',
        'X-Sumo-Multiline': 'line',
      },
      body: '2026-11-26T13:09:10.333Z ERROR one\nno timestamp here\n',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const { messages } = (await (await fetch(`${server.url}/__sumo/messages`)).json()) as {
      messages: Array<Record<string, string>>;
    };
    expect(messages).toHaveLength(2);
    const stamped = messages.find((m) => m._raw === '2026-11-26T13:09:10.333Z ERROR one');
    const plain = messages.find((m) => m._raw === 'no timestamp here');
    expect(stamped?._messagetime).toBe(String(Date.UTC(2026, 10, 26, 13, 9, 10, 333)));
    expect(Number(plain?._messagetime)).toBeGreaterThanOrEqual(before);
    expect(plain?._messagetime).toBe(plain?._receipttime);
    for (const m of messages) {
      expect(Object.keys(m).sort()).toEqual(
        [
          '_blockid',
          '_collector',
          '_collectorid',
          '_format',
          '_messagecount',
          '_messageid',
          '_messagetime',
          '_raw',
          '_receipttime',
          '_size',
          '_source',
          '_sourcecategory',
          '_sourcehost',
          '_sourcename',
          '_sourceid',
        ].sort(),
      );
      expect(Object.values(m).every((v) => typeof v === 'string')).toBe(true);
      expect(m._sourcecategory).toBe('prod/api');
      expect(m._sourcehost).toBe('web-1');
      expect(m._sourcename).toBe('/var/log/api.log');
      expect(m._messageid).toMatch(/^-922337203685477\d{4}$/);
      expect(BigInt(m._messageid ?? '0') < BigInt(Number.MIN_SAFE_INTEGER)).toBe(true);
    }
    expect(stamped?._blockid).toBe(plain?._blockid);
    expect(stamped?._size).toBe(String(Buffer.byteLength('2026-11-26T13:09:10.333Z ERROR one')));
  });

  it('keeps a whole body as one message with X-Sumo-Multiline: message, and defaults the metadata', async () => {
    server.reset();
    const trace = 'Error: boom [openReplaySessionToken=t1]\n    at f (a.js:1:1)\nsecond line without indent';
    const res = await fetch(server.receiverUrl, {
      method: 'POST',
      headers: { 'X-Sumo-Multiline': 'message' },
      body: trace,
    });
    expect(res.status).toBe(200);
    const stored = (await (await fetch(`${server.url}/__sumo/messages`)).json()) as {
      count: number;
      messages: Array<Record<string, string>>;
    };
    expect(stored.count).toBe(1);
    expect(stored.messages[0]?._raw).toBe(trace);
    expect(stored.messages[0]?._sourcecategory).toBe('http/local');
    expect(stored.messages[0]?._sourcehost).toBe('127.0.0.1');
    expect(stored.messages[0]?._sourcename).toBe('Http Input');
  });

  it('accepts a gzip body', async () => {
    server.reset();
    const res = await fetch(server.receiverUrl, {
      method: 'POST',
      headers: { 'Content-Encoding': 'gzip' },
      body: gzipSync('zipped line one\nzipped line two\n'),
    });
    expect(res.status).toBe(200);
    expect(server.stats().messagesStored).toBe(2);
  });

  it('refuses an unknown source code, a GET, and an unknown multiline mode', async () => {
    const wrong = await fetch(`${server.url}/receiver/v1/http/nope`, { method: 'POST', body: 'x' });
    expect(wrong.status).toBe(401);
    expect((await fetch(server.receiverUrl)).status).toBe(405);
    const bad = await fetch(server.receiverUrl, {
      method: 'POST',
      headers: { 'X-Sumo-Multiline': 'sometimes' },
      body: 'x',
    });
    expect(bad.status).toBe(400);
  });

  it('answers a CORS preflight so a page can post logs', async () => {
    const res = await fetch(server.receiverUrl, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('*');
  });

  it('ingests programmatically with explicit times and meta', () => {
    server.reset();
    const [map] = server.ingest({ raw: 'hello', messageTime: 1000, receiptTime: 2000 }, { category: 'demo/backend' });
    expect(map?._messagetime).toBe('1000');
    expect(map?._receipttime).toBe('2000');
    expect(map?._sourcecategory).toBe('demo/backend');
    expect(server.ingest('multi\nline')[0]?._raw).toBe('multi\nline');
    expect(server.stats().messagesStored).toBe(2);
  });
});
