import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { originLabel, TAIL_HOST_CHARS } from '../../../../src/core/audit/origin-label.ts';

describe('originLabel', () => {
  it('keeps short hosts whole, port included', () => {
    expect(originLabel('http://127.0.0.1:41234')).toEqual({
      full: 'http://127.0.0.1:41234',
      head: '',
      tail: '127.0.0.1',
      port: ':41234',
    });
    expect(originLabel('https://localhost:8080')).toEqual({
      full: 'https://localhost:8080',
      head: '',
      tail: 'localhost',
      port: ':8080',
    });
    expect(originLabel('https://api.example.co')).toEqual({
      full: 'https://api.example.co',
      head: 'api',
      tail: '.example.co',
      port: '',
    });
  });

  it('lets the start of a long host give way, never its end or the port', () => {
    expect(originLabel('https://eu-west-1.api.example.com:8443')).toEqual({
      full: 'https://eu-west-1.api.example.com:8443',
      head: 'eu-west-1.api',
      tail: '.example.com',
      port: ':8443',
    });
    expect(originLabel('https://payments.internal.example.co').tail).toBe('.example.co');
  });

  it('keeps other schemes and IPv6 literals readable', () => {
    expect(originLabel('wss://[::1]:9000')).toEqual({
      full: 'wss://[::1]:9000',
      head: '',
      tail: 'wss://[::1]',
      port: ':9000',
    });
    expect(
      originLabel('http://[2001:db8:85a3::8a2e:370:7334]:8080').tail +
        originLabel('http://[2001:db8:85a3::8a2e:370:7334]:8080').port,
    ).toBe('2e:370:7334]:8080');
    expect(originLabel('')).toEqual({ full: '', head: '', tail: '', port: '' });
  });

  it('for any text: head + tail is the origin without its http(s) scheme, and a port always ends the tail', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.option(fc.integer({ min: 0, max: 65535 })),
        (host, port) => {
          const origin = `https://${host}${port === null ? '' : `:${port}`}`;
          const label = originLabel(origin);
          expect(label.full).toBe(origin.slice(0, 300));
          expect(label.head + label.tail + label.port).toBe(label.full.replace(/^https?:\/\//i, ''));
          if (port !== null && origin.length <= 300) expect(label.port).toBe(`:${port}`);
          expect(label.tail.length).toBeLessThanOrEqual(TAIL_HOST_CHARS);
          // No lone surrogate at the cut.
          expect(/[\uD800-\uDBFF]$/.test(label.head) && /^[\uDC00-\uDFFF]/.test(label.tail)).toBe(false);
        },
      ),
    );
  });

  it('tells apart two origins that differ only in the port or the end of the host', () => {
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }), (host, a, b) => {
        fc.pre(a !== b);
        const [x, y] = [originLabel(`http://${host}:${a}`), originLabel(`http://${host}:${b}`)];
        expect(x.tail).toBe(y.tail);
        expect(x.port).not.toBe(y.port);
      }),
    );
    expect(originLabel('https://api.long-subdomain.example.com').tail).not.toBe(
      originLabel('https://api.long-subdomain.example.co').tail,
    );
  });
});
