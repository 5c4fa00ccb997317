import { AuditStore } from '../../../../src/core/audit/audit-store.ts';
import { DEFAULT_SCOPE_SETTINGS } from '../../../../src/core/audit/scope-settings.ts';
import type { AuditEntry } from '../../../../src/core/audit/types.ts';
import { API, APP, CURRENT, EARLIER, preflight, refused, req, tokenHeader, TOKENS } from './fixtures.ts';

/** Six requests of every verdict, as the request table holds them (filter and sort tests). */
export function sample(): AuditEntry[] {
  const s = new AuditStore({ tokens: TOKENS, settings: { ...DEFAULT_SCOPE_SETTINGS, extraOrigins: [API] } });
  s.add([
    req({
      url: `${APP}/api/users/1`,
      requestHeaders: tokenHeader(CURRENT.token),
      started: '2025-11-26T13:57:00.000Z',
      time: 40,
    }),
    req({ url: `${APP}/api/users/2`, method: 'POST', status: 500, started: '2025-11-26T13:57:01.000Z', time: 5 }),
    req({
      url: `${API}/api/orders`,
      resourceType: 'xhr',
      requestHeaders: tokenHeader(EARLIER.token),
      started: '2025-11-26T13:57:02.000Z',
      time: 20,
    }),
    refused(`${API}/api/cart`, { started: '2025-11-26T13:57:03.000Z' }),
    preflight(`${API}/api/cart`, 'content-type', { started: '2025-11-26T13:57:03.001Z' }),
    req({ url: `${APP}/assets/app.js`, resourceType: 'script', started: '2025-11-26T13:57:04.000Z' }),
  ]);
  return s.toArray();
}
