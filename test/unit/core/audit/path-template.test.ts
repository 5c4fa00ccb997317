import { describe, expect, it } from 'vitest';
import { endpointKey, templatePath, templateSegment } from '../../../../src/core/audit/path-template.ts';

describe('templatePath', () => {
  const cases: Array<[string, string]> = [
    ['/api/users/123/orders/9f86d081884c7d65', '/api/users/:id/orders/:hash'],
    ['/api/users/123', '/api/users/:id'],
    ['/api/items/550e8400-e29b-41d4-a716-446655440000', '/api/items/:uuid'],
    ['/api/commits/da39a3ee5e6b4b0d3255bfef95601890afd80709/files', '/api/commits/:hash/files'],
    ['/api/objects/507f1f77bcf86cd799439011', '/api/objects/:hash'],
    ['/api/users/jane.doe%40example.com/avatar', '/api/users/:email/avatar'],
    ['/api/users/jane@example.com', '/api/users/:email'],
    ['/share/V1StGXR8_Z5jdHi6B-myT', '/share/:token'],
    ['/s/jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q', '/s/:token'],
    ['/reports/2025-11-26/daily', '/reports/:date/daily'],
    ['/api/v2/search?q=123&page=4', '/api/v2/search'],
    ['/api/v2/items/42#details', '/api/v2/items/:id'],
    ['/', '/'],
    ['', ''],
    ['/api/users/', '/api/users/'],
  ];
  for (const [input, out] of cases) it(`${input} → ${out}`, () => expect(templatePath(input)).toBe(out));

  it('keeps names that merely contain digits or look like words', () => {
    for (const s of [
      'v2',
      'oauth2callback',
      'iphone15promax',
      'top-10-tips-for-2024',
      'deadbeef',
      'graphql',
      'users',
      'ABCDEFGHIJKLMNOP',
      '%E0%A4%A',
    ]) {
      expect(templateSegment(s)).toBe(s);
    }
  });
});

describe('endpointKey', () => {
  it('is METHOD origin+template', () => {
    expect(
      endpointKey({
        method: 'GET',
        origin: 'https://api.example.com',
        path: '/api/users/7',
        url: 'https://api.example.com/api/users/7?x=1',
      }),
    ).toBe('GET https://api.example.com/api/users/:id');
    expect(endpointKey({ method: 'GET', origin: '', path: '', url: 'blob:http://x/abc' })).toBe('GET blob:');
  });
});
