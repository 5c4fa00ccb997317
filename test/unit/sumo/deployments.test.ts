import { describe, expect, it } from 'vitest';
import {
  DEPLOYMENTS,
  deploymentFromHost,
  deploymentLabel,
  getDeployment,
  isTableApiHost,
  readSumoHost,
  deploymentFromLoginUrl,
  deploymentFromMovedLocation,
  resolveApiBase,
} from '../../../src/sumo/deployments.ts';

describe('deployments', () => {
  it('lists the deployments of today with their API and UI hosts, and IN as deprecated', () => {
    expect(DEPLOYMENTS.map((d) => d.id)).toEqual([
      'AU',
      'CA',
      'CH',
      'DE',
      'ESC',
      'EU',
      'FED',
      'JP',
      'KR',
      'US1',
      'US2',
      'IN',
    ]);
    expect(DEPLOYMENTS.find((d) => d.id === 'US1')).toEqual({
      id: 'US1',
      apiHost: 'api.sumologic.com',
      uiHost: 'service.sumologic.com',
    });
    expect(DEPLOYMENTS.find((d) => d.id === 'ESC')).toEqual({
      id: 'ESC',
      apiHost: 'api.esc.sumologic.com',
      uiHost: 'service.esc.sumologic.com',
    });
    expect(DEPLOYMENTS.find((d) => d.id === 'IN')).toEqual({
      id: 'IN',
      apiHost: 'api.in.sumologic.com',
      uiHost: 'service.in.sumologic.com',
      deprecated: true,
    });
    expect(DEPLOYMENTS.filter((d) => d.deprecated).map((d) => d.id)).toEqual(['IN']);
    expect(deploymentLabel(getDeployment('IN'))).toBe('IN — api.in.sumologic.com (deprecated)');
    expect(deploymentLabel(getDeployment('EU'))).toBe('EU — api.eu.sumologic.com');
    expect(DEPLOYMENTS.find((d) => d.id === 'FED')).toEqual({
      id: 'FED',
      apiHost: 'api.fed.sumologic.com',
      uiHost: 'service.fed.sumologic.com',
    });
  });

  it.each([
    ['https://service.eu.sumologic.com/ui/#/search/create', 'EU'],
    ['https://acme.us2.sumologic.com', 'US2'],
    ['service.sumologic.com', 'US1'],
    ['api.de.sumologic.com', 'DE'],
    ['https://service.jp.sumologic.com/ui/#/login', 'JP'],
    ['https://acme.sumologic.com/ui', 'US1'],
    ['  HTTPS://SERVICE.FED.SUMOLOGIC.COM/  ', 'FED'],
    ['kr', 'KR'],
    ['https://service.esc.sumologic.com/ui/', 'ESC'],
    ['acme.esc.sumologic.com', 'ESC'],
    ['https://service.us1.sumologic.com', 'US1'],
  ])('%s → %s', (text, id) => {
    const result = deploymentFromLoginUrl(text);
    expect(result.ok && result.deployment.id).toBe(id);
  });

  it.each([
    [
      'garbage text',
      'Not a web address — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.',
    ],
    ['', 'Not a web address — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.'],
    [
      'https://example.com/ui',
      'That address is not on sumologic.com — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.',
    ],
    [
      'https://sumologic.com.evil.example/ui',
      'That address is not on sumologic.com — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.',
    ],
    [
      'https://help.sumologic.com/docs',
      'That address does not tell the deployment — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.',
    ],
    [
      'https://service.zz9.sumologic.com/ui',
      '"zz9" in service.zz9.sumologic.com is not a SumoLogic deployment Replay Link knows (known: au, ca, ch, de, esc, eu, fed, jp, kr, us1, us2; no label means us1). Pick yours in the list, press Detect, or use a custom API base.',
    ],
    [
      'acme.xyz.sumologic.com',
      '"xyz" in acme.xyz.sumologic.com is not a SumoLogic deployment Replay Link knows (known: au, ca, ch, de, esc, eu, fed, jp, kr, us1, us2; no label means us1). Pick yours in the list, press Detect, or use a custom API base.',
    ],
  ])('refuses %j with a reason', (text, reason) => {
    expect(deploymentFromLoginUrl(text)).toEqual({ ok: false, reason });
  });

  it('keeps IN usable but says it is deprecated', () => {
    const r = deploymentFromLoginUrl('https://service.in.sumologic.com');
    expect(r).toMatchObject({ ok: true, deployment: { id: 'IN' } });
    expect(r.ok && r.note).toBe(
      'IN is deprecated: SumoLogic no longer lists it. It is kept usable; if your searches fail, ask your admin for your current deployment or press Detect.',
    );
    expect(deploymentFromLoginUrl('service.eu.sumologic.com')).not.toHaveProperty('note');
  });

  it('never takes an unknown label for US1', () => {
    expect(readSumoHost('service.esc.sumologic.com')).toMatchObject({ kind: 'deployment', deployment: { id: 'ESC' } });
    expect(readSumoHost('service.zz9.sumologic.com')).toEqual({ kind: 'unknown-label', label: 'zz9' });
    expect(readSumoHost('a.b.c.sumologic.com')).toEqual({ kind: 'unknown-label', label: 'b.c' });
    expect(deploymentFromHost('service.zz9.sumologic.com')).toBeUndefined();
    expect(deploymentFromMovedLocation('https://api.zz9.sumologic.com/api')).toBeUndefined();
    expect(readSumoHost('help.sumologic.com')).toEqual({ kind: 'none' });
    expect(readSumoHost('evil-sumologic.com')).toEqual({ kind: 'none' });
  });

  it('only lists the table API hosts as places for credentials', () => {
    expect(isTableApiHost('api.esc.sumologic.com')).toBe(true);
    expect(isTableApiHost('api.in.sumologic.com')).toBe(true);
    expect(isTableApiHost('api.zz9.sumologic.com')).toBe(false);
    expect(isTableApiHost('service.eu.sumologic.com')).toBe(false);
  });

  it('reads the right deployment from a 301 Location', () => {
    expect(deploymentFromMovedLocation('https://api.eu.sumologic.com/api/v1/search/jobs')?.id).toBe('EU');
    expect(deploymentFromMovedLocation('https://api.sumologic.com/api/v1/search/jobs')?.id).toBe('US1');
    expect(deploymentFromMovedLocation('https://api.ca.sumologic.com')?.id).toBe('CA');
    expect(deploymentFromMovedLocation('https://evil.example/api')).toBeUndefined();
    expect(deploymentFromMovedLocation(null)).toBeUndefined();
  });

  it('resolves the API base of a deployment', () => {
    expect(resolveApiBase({ deployment: 'EU' })).toMatchObject({
      ok: true,
      apiBase: 'https://api.eu.sumologic.com/api',
      host: 'api.eu.sumologic.com',
    });
    expect(resolveApiBase({})).toMatchObject({ ok: true, apiBase: 'https://api.sumologic.com/api' });
    expect(resolveApiBase({ deployment: 'EU' })).not.toHaveProperty('warning');
  });

  it('allows a custom base but flags one that is not https *.sumologic.com', () => {
    expect(resolveApiBase({ customApiBase: 'http://127.0.0.1:4000/api/' })).toEqual({
      ok: true,
      apiBase: 'http://127.0.0.1:4000/api',
      host: '127.0.0.1',
      warning: 'not an https sumologic.com host',
    });
    expect(resolveApiBase({ customApiBase: 'http://api.eu.sumologic.com/api' })).toMatchObject({
      warning: 'not an https sumologic.com host',
    });
    const proxied = resolveApiBase({ customApiBase: 'https://api.au.sumologic.com/api' });
    expect(proxied).toMatchObject({ ok: true, apiBase: 'https://api.au.sumologic.com/api' });
    expect(proxied.ok && proxied.deployment?.id).toBe('AU');
    expect(proxied).not.toHaveProperty('warning');
    expect(resolveApiBase({ customApiBase: 'not a url' })).toEqual({
      ok: false,
      reason: 'The custom API base URL is not a valid address (expected e.g. https://api.eu.sumologic.com/api).',
    });
    expect(resolveApiBase({ customApiBase: 'ftp://x.sumologic.com/api' }).ok).toBe(false);
    expect(resolveApiBase({ customApiBase: 'https://user:pw@api.sumologic.com/api' }).ok).toBe(false);
  });
});
