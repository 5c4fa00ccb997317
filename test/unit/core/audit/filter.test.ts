import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../../src/core/audit/filter.ts';
import { sample } from './table-sample.ts';

function run(q: string): string[] {
  const p = parseFilter(q);
  if (!p.ok) throw new Error(p.error);
  return sample()
    .filter(p.predicate)
    .map((e) => `${e.req.method} ${e.req.url}`);
}

describe('parseFilter', () => {
  it('an empty query keeps everything', () => {
    expect(run('   ')).toHaveLength(6);
  });

  it('verdict:, with aliases, lists and labels in quotes', () => {
    expect(run('verdict:missing')).toEqual(['POST http://127.0.0.1:4000/api/users/2']);
    expect(run('verdict:stale,blocked')).toEqual([
      'GET http://127.0.0.1:4001/api/orders',
      'GET http://127.0.0.1:4001/api/cart',
    ]);
    expect(run('verdict:"carries token"')).toEqual(['GET http://127.0.0.1:4000/api/users/1']);
    expect(run('verdict:problems')).toHaveLength(3);
    expect(run('-verdict:not-expected')).toHaveLength(4);
    expect(run('verdict:not_expected')).toHaveLength(2);
  });

  it('origin:, status:, method:, type:, path:, url:', () => {
    expect(run('origin:127.0.0.1:4001 -type:preflight')).toEqual([
      'GET http://127.0.0.1:4001/api/orders',
      'GET http://127.0.0.1:4001/api/cart',
    ]);
    expect(run('status:500')).toEqual(['POST http://127.0.0.1:4000/api/users/2']);
    expect(run('status:5xx,0')).toHaveLength(2);
    expect(run('status:>=204 status:<300')).toHaveLength(1);
    expect(run('method:post')).toEqual(['POST http://127.0.0.1:4000/api/users/2']);
    expect(run('type:xhr')).toEqual(['GET http://127.0.0.1:4001/api/orders']);
    expect(run('path:/api/users/:id')).toHaveLength(2);
    expect(run('PATH:/API/ORDERS')).toEqual(['GET http://127.0.0.1:4001/api/orders']);
    expect(run('url:4001/api/cart -method:options')).toEqual(['GET http://127.0.0.1:4001/api/cart']);
  });

  it('free text searches URL, method, status, verdict label and reason; a pasted URL is free text', () => {
    expect(run('Access-Control')).toEqual(['GET http://127.0.0.1:4001/api/cart']);
    expect(run('"stale token"')).toEqual(['GET http://127.0.0.1:4001/api/orders']);
    expect(run('http://127.0.0.1:4000/api/users/2')).toEqual(['POST http://127.0.0.1:4000/api/users/2']);
    expect(run('-127.0.0.1:4001')).toHaveLength(3);
    expect(parseFilter('localhost:3000/api').ok).toBe(true);
  });

  it('errors the UI can show, with where they start', () => {
    expect(parseFilter('verdict:missing colour:red')).toEqual({
      ok: false,
      error: 'unknown filter "colour:" — use verdict:, origin:, status:, method:, type:, path:, url:',
      position: 16,
    });
    expect(parseFilter('verdict:lost')).toMatchObject({
      ok: false,
      error:
        'unknown verdict "lost" — use carries, stale, foreign, missing, blocked, outside-scope, not-expected or problems',
      position: 0,
    });
    expect(parseFilter('status:abc')).toMatchObject({
      ok: false,
      error: 'status:abc is not a status — use e.g. status:500, status:5xx, status:>=400 or status:0',
    });
    expect(parseFilter('type:iframe')).toMatchObject({
      ok: false,
      error:
        'type:iframe is not a request type — use fetch, xhr, fetch-xhr, preflight, script, image, stylesheet, document, font, media, ping, websocket, eventsource, other',
    });
    expect(parseFilter('method:')).toMatchObject({ ok: false, error: 'method: needs a value' });
    expect(parseFilter('x "open')).toMatchObject({ ok: false, error: 'a quote is not closed', position: 2 });
  });

  it('returns the parsed terms', () => {
    const p = parseFilter('-verdict:not-expected origin:"api.example.com" cart');
    expect(p.ok && p.terms).toEqual([
      { key: 'verdict', values: ['not-expected'], negate: true },
      { key: 'origin', values: ['api.example.com'], negate: false },
      { key: 'text', values: ['cart'], negate: false },
    ]);
  });
});
