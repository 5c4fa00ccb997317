import { describe, expect, it } from 'vitest';
import { curlAsSent, curlWithToken } from '../../../../../src/panel/views/requests/curl-variants.ts';
import type { CapturedRequest } from '../../../../../src/core/audit/types.ts';
import { CURRENT, EARLIER, TOKENS } from '../../../core/audit/fixtures.ts';

const NAMES = new Set(['x-openreplay-sessiontoken', 'x-openreplay-session-token']);

function request(headers: CapturedRequest['requestHeaders'], body?: string | null): CapturedRequest {
  return {
    id: '1',
    startedAt: 0,
    durationMs: 1,
    method: 'POST',
    url: 'http://127.0.0.1:4001/api/orders',
    origin: 'http://127.0.0.1:4001',
    path: '/api/orders',
    query: '',
    status: 200,
    resourceType: 'fetch',
    initiatorType: 'script',
    requestHeaders: headers,
    responseHeaders: [],
    pageUrl: 'http://127.0.0.1:4000/',
    pageOrigin: 'http://127.0.0.1:4000',
    ...(body !== undefined ? { body } : {}),
  };
}

describe('curlAsSent', () => {
  const req = request(
    [
      ['X-OpenReplay-SessionToken', EARLIER.token],
      ['Cookie', 'sid=secret-cookie-value'],
      ['Accept', '*/*'],
    ],
    '{"a":1}',
  );

  it('masks the session header and credentials as the detail does, and says how to copy them as sent', () => {
    const { command, notes } = curlAsSent(req, NAMES, TOKENS, false);
    expect(command).not.toContain(EARLIER.token);
    expect(command).not.toContain('secret-cookie-value');
    expect(command).toContain(
      `-H $'X-OpenReplay-SessionToken: ${EARLIER.token.slice(0, 6)}\\xe2\\x80\\xa6${EARLIER.token.slice(-4)}'`,
    );
    expect(command).toContain(`--data-raw '{"a":1}'`);
    expect(notes).toEqual(['Token values are masked: tick "Show token values unmasked" to copy them as sent.']);
  });

  it('copies the values as sent once unmasked', () => {
    const { command, notes } = curlAsSent(req, NAMES, TOKENS, true);
    expect(command).toContain(`-H 'X-OpenReplay-SessionToken: ${EARLIER.token}'`);
    expect(command).toContain(`-H 'Cookie: sid=secret-cookie-value'`);
    expect(notes).toEqual([]);
  });

  it('says when the body was too long to keep', () => {
    expect(curlAsSent(request([], null), NAMES, TOKENS, false).notes).toEqual([
      'The body was too long to keep (over 16 KB): the command sends none.',
    ]);
  });
});

describe('curlWithToken', () => {
  it('puts the current token in the session header, replacing a stale one, and keeps other credentials masked', () => {
    const made = curlWithToken(
      request([
        ['x-openreplay-session-token', EARLIER.token],
        ['Cookie', 'sid=secret-cookie-value'],
      ]),
      NAMES,
      TOKENS,
      false,
    );
    expect(made?.command).toContain(`-H 'X-OpenReplay-SessionToken: ${CURRENT.token}'`);
    expect(made?.command).not.toContain(EARLIER.token);
    expect(made?.command).not.toContain('secret-cookie-value');
  });

  it('adds the header to a request that went without it, under the name the request used if any', () => {
    expect(curlWithToken(request([]), NAMES, TOKENS, false)?.command).toContain(
      `-H 'X-OpenReplay-SessionToken: ${CURRENT.token}'`,
    );
    expect(curlWithToken(request([]), NAMES, TOKENS, false, 'X-OpenReplay-Session-Token')?.command).toContain(
      `-H 'X-OpenReplay-Session-Token: ${CURRENT.token}'`,
    );
  });

  it('is not offered without a current token', () => {
    expect(curlWithToken(request([]), NAMES, { earlier: [EARLIER] }, false)).toBeNull();
  });
});
