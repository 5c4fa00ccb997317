import { describe, expect, it } from 'vitest';
import {
  DEPLOYMENTS,
  deploymentFromLoginUrl,
  deploymentFromMovedLocation,
  resolveApiBase,
} from '../../../src/sumo/deployments.ts';

describe('deployments', () => {
  it('lists the 11 deployments with their API and UI hosts', () => {
    expect(DEPLOYMENTS.map((d) => d.id)).toEqual(['US1', 'US2', 'EU', 'DE', 'CH', 'AU', 'JP', 'KR', 'CA', 'IN', 'FED']);
    expect(DEPLOYMENTS[0]).toEqual({ id: 'US1', apiHost: 'api.sumologic.com', uiHost: 'service.sumologic.com' });
    expect(DEPLOYMENTS.find((d) => d.id === 'FED')).toEqual({ id: 'FED', apiHost: 'api.fed.sumologic.com', uiHost: 'service.fed.sumologic.com' });
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
  ])('%s → %s', (text, id) => {
    const result = deploymentFromLoginUrl(text);
    expect(result.ok && result.deployment.id).toBe(id);
  });

  it.each([
    ['garbage text', 'Not a web address — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.'],
    ['', 'Not a web address — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.'],
    ['https://example.com/ui', 'That address is not on sumologic.com — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.'],
    ['https://sumologic.com.evil.example/ui', 'That address is not on sumologic.com — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.'],
    ['https://help.sumologic.com/docs', 'That address does not tell the deployment — paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com.'],
  ])('refuses %j with a reason', (text, reason) => {
    expect(deploymentFromLoginUrl(text)).toEqual({ ok: false, reason });
  });

  it('reads the right deployment from a 301 Location', () => {
    expect(deploymentFromMovedLocation('https://api.eu.sumologic.com/api/v1/search/jobs')?.id).toBe('EU');
    expect(deploymentFromMovedLocation('https://api.sumologic.com/api/v1/search/jobs')?.id).toBe('US1');
    expect(deploymentFromMovedLocation('https://api.ca.sumologic.com')?.id).toBe('CA');
    expect(deploymentFromMovedLocation('https://evil.example/api')).toBeUndefined();
    expect(deploymentFromMovedLocation(null)).toBeUndefined();
  });

  it('resolves the API base of a deployment', () => {
    expect(resolveApiBase({ deployment: 'EU' })).toMatchObject({ ok: true, apiBase: 'https://api.eu.sumologic.com/api', host: 'api.eu.sumologic.com' });
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
    expect(resolveApiBase({ customApiBase: 'http://api.eu.sumologic.com/api' })).toMatchObject({ warning: 'not an https sumologic.com host' });
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
