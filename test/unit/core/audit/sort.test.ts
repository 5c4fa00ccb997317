import { describe, expect, it } from 'vitest';
import { compareBy } from '../../../../src/core/audit/sort.ts';
import { sample } from './table-sample.ts';

describe('compareBy', () => {
  const order = (col: Parameters<typeof compareBy>[0], dir?: 'asc' | 'desc') =>
    [...sample()].sort(compareBy(col, dir)).map((e) => e.req.path + ':' + e.req.method);

  it('sorts by verdict worst first, ties by time', () => {
    expect(order('verdict')).toEqual([
      '/api/cart:GET',
      '/api/orders:GET',
      '/api/users/2:POST',
      '/api/users/1:GET',
      '/api/cart:OPTIONS',
      '/assets/app.js:GET',
    ]);
  });

  it('sorts numbers and strings both ways', () => {
    expect(order('duration', 'desc').slice(0, 2)).toEqual(['/api/users/1:GET', '/api/orders:GET']);
    expect(order('method')[0]).toBe('/api/users/1:GET');
    expect(order('method', 'desc')[0]).toBe('/api/users/2:POST');
    expect(order('status').slice(0, 1)).toEqual(['/api/cart:GET']);
    expect(order('time', 'desc')[0]).toBe('/assets/app.js:GET');
  });
});
