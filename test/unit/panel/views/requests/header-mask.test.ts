import { describe, expect, it } from 'vitest';
import { shownHeaders } from '../../../../../src/panel/views/requests/header-mask.ts';
import { exportFileName } from '../../../../../src/panel/state/report-input.ts';
import { CURRENT, EARLIER, TOKENS } from '../../../core/audit/fixtures.ts';

const SESSION = new Set(['x-openreplay-sessiontoken', 'x-openreplay-session-token', 'openreplaysession.id']);

describe('shownHeaders', () => {
  const headers: Array<[string, string]> = [
    ['Accept', 'application/json'],
    ['X-OpenReplay-SessionToken', CURRENT.token],
    ['Authorization', `Bearer ${EARLIER.token}`],
    ['X-Debug', `wrapped ${CURRENT.token} value`],
    ['X-Evil', 'a\u202eb\nc'],
  ];

  it('masks session headers, credentials and values holding a known token', () => {
    const shown = shownHeaders(headers, SESSION, TOKENS, false);
    expect(shown).toEqual([
      { name: 'Accept', value: 'application/json', masked: false },
      { name: 'X-OpenReplay-SessionToken', value: 'jw4wdf…vt3q', masked: true },
      { name: 'Authorization', value: 'Bearer jw4vq2…K3tQ', masked: true },
      { name: 'X-Debug', value: 'wrappe…alue', masked: true },
      { name: 'X-Evil', value: 'a\\u202eb\\nc', masked: false },
    ]);
  });

  it('shows the values when revealed, still inert', () => {
    const shown = shownHeaders(headers, SESSION, TOKENS, true);
    expect(shown[1]).toEqual({ name: 'X-OpenReplay-SessionToken', value: CURRENT.token, masked: true });
    expect(shown[4]?.value).toBe('a\\u202eb\\nc');
  });

  it('masks user-configured session header names whatever their case', () => {
    const shown = shownHeaders(
      [['X-Trace-Session', 'abcdefghijklmnop']],
      new Set(['x-trace-session']),
      { earlier: [] },
      false,
    );
    expect(shown[0]?.value).toBe('abcdef…mnop');
  });
});

describe('exportFileName', () => {
  it('names the file after the host and time only', () => {
    const at = Date.parse('2025-11-26T13:04:05.678Z');
    expect(exportFileName('http://127.0.0.1:4000/shop?x=<b>', at)).toBe(
      'replay-link-audit-127.0.0.1-4000-2025-11-26T13-04-05.json',
    );
    expect(exportFileName('about:blank', at)).toBe('replay-link-audit-page-2025-11-26T13-04-05.json');
    expect(exportFileName('', at)).toBe('replay-link-audit-page-2025-11-26T13-04-05.json');
  });
});
