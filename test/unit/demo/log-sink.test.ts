import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLogSink } from '../../../demo/backend/log-sink.ts';
import { closeServer, listenLoopback } from '../../../demo/http.ts';

describe('log shipping', () => {
  it('POSTs each message on its own, in order, with the source and multi-line headers', async () => {
    const received: Array<{ headers: IncomingHttpHeaders; body: string; path: string }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
        res.end();
      });
    });
    const origin = await listenLoopback(receiver);
    try {
      const echoed: string[] = [];
      const sink = createLogSink({ sumoReceiverUrl: `${origin}/receiver/v1/http/abc`, log: (l) => echoed.push(l) });
      sink.write('first\n    at frame (x.ts:1:1)');
      sink.write('second', { category: 'demo/partner', host: 'partner-open', name: 'partner.log' });
      await sink.flush();
      expect(received.map((r) => r.body)).toEqual(['first\n    at frame (x.ts:1:1)', 'second']);
      expect(received[0]?.path).toBe('/receiver/v1/http/abc');
      expect(received[0]?.headers['x-sumo-category']).toBe('demo/backend');
      expect(received[0]?.headers['x-sumo-host']).toBe('demo-backend');
      expect(received[0]?.headers['x-sumo-name']).toBe('backend.log');
      expect(received[0]?.headers['x-sumo-multiline']).toBe('message');
      expect(received[1]?.headers['x-sumo-host']).toBe('partner-open');
      expect(echoed).toEqual(['first\n    at frame (x.ts:1:1)', 'second']);
      expect(sink.lines()).toEqual(echoed);
    } finally {
      await closeServer(receiver);
    }
  });

  it('keeps the messages and warns once when the receiver is down', async () => {
    const dead = createServer();
    const origin = await listenLoopback(dead);
    await closeServer(dead);
    const warnings: string[] = [];
    const sink = createLogSink({
      sumoReceiverUrl: `${origin}/receiver`,
      log: () => undefined,
      warn: (m) => warnings.push(m),
    });
    sink.write('one');
    sink.write('two');
    await sink.flush();
    expect(sink.lines()).toEqual(['one', 'two']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`could not ship log lines to ${origin}/receiver`);
  });
});
