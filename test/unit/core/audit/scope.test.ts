import { describe, expect, it } from 'vitest';
import {
  compileScope,
  DEFAULT_SCOPE_SETTINGS,
  normalizeScopeSettings,
  siteKey,
  validateScopeSettings,
  type ScopeSettings,
} from '../../../../src/core/audit/scope-settings.ts';
import { decideScope, isInScope } from '../../../../src/core/audit/scope.ts';
import { APP, req } from './fixtures.ts';

const s = (o: Partial<ScopeSettings>): ScopeSettings => ({ ...DEFAULT_SCOPE_SETTINGS, ...o });

describe('scope: origins', () => {
  const settings = s({
    extraOrigins: ['https://api.example.com', 'partner.example.org:8443', 'https://*.shop.example'],
  });
  const inScope = (url: string) => isInScope(req({ url }), settings);

  it('matches written origins, any port when none is written, subdomains with *.', () => {
    expect(inScope('https://api.example.com/v1/x')).toBe(true);
    expect(inScope('https://api.example.com:9443/v1/x')).toBe(true);
    expect(inScope('http://api.example.com/v1/x')).toBe(false);
    expect(inScope('https://partner.example.org:8443/x')).toBe(true);
    expect(inScope('http://partner.example.org:8443/x')).toBe(true);
    expect(inScope('https://partner.example.org/x')).toBe(false);
    expect(inScope('https://eu.cart.shop.example/x')).toBe(true);
    expect(inScope('https://shop.example/x')).toBe(false);
    expect(inScope('https://api.example.com.evil.test/x')).toBe(false);
  });

  it('same-origin fetch/XHR by default, and not when turned off', () => {
    expect(isInScope(req({ url: `${APP}/api/x` }), DEFAULT_SCOPE_SETTINGS)).toBe(true);
    expect(isInScope(req({ url: `${APP}/api/x`, resourceType: 'xhr' }), DEFAULT_SCOPE_SETTINGS)).toBe(true);
    expect(isInScope(req({ url: `${APP}/api/x` }), s({ includeSameOrigin: false }))).toBe(false);
  });
});

describe('scope: URL patterns', () => {
  it('globs anchored at a scheme, or matching anywhere before', () => {
    const settings = s({ urlPatterns: ['https://api.example.com/v2/*', '*/graphql', 'search.example.net/q*'] });
    const inScope = (url: string) => isInScope(req({ url }), settings);
    expect(inScope('https://api.example.com/v2/users/1')).toBe(true);
    expect(inScope('https://api.example.com/v1/users/1')).toBe(false);
    expect(inScope('https://other.test/graphql')).toBe(true);
    expect(inScope('https://other.test/graphql/x')).toBe(false);
    expect(inScope('https://search.example.net/query?x=1')).toBe(true);
  });

  it('regex patterns, and patterns take precedence over the static-file rule', () => {
    const settings = s({ urlPatterns: ['/^https:\\/\\/cdn\\.example\\.com\\/api\\/.*\\.json$/i'] });
    expect(isInScope(req({ url: 'https://CDN.example.com/api/config.json' }), settings)).toBe(true);
    expect(isInScope(req({ url: 'https://cdn.example.com/static/config.json' }), settings)).toBe(false);
    expect(isInScope(req({ url: `${APP}/data/font.woff2` }), s({ urlPatterns: [`${APP}/data/*`] }))).toBe(true);
    expect(isInScope(req({ url: `${APP}/data/font.woff2` }), DEFAULT_SCOPE_SETTINGS)).toBe(false);
  });

  it('never puts into scope what cannot carry a header', () => {
    const all = s({ urlPatterns: ['*'] });
    expect(isInScope(req({ url: `${APP}/app.js`, resourceType: 'script' }), all)).toBe(false);
    expect(isInScope(req({ url: `${APP}/collect`, resourceType: 'ping' }), all)).toBe(false);
    expect(isInScope(req({ url: 'ws://127.0.0.1:4000/live', resourceType: 'websocket' }), all)).toBe(false);
    expect(isInScope(req({ url: 'http://127.0.0.1:4002/ingest/v1/web/i', method: 'POST' }), all)).toBe(false);
  });

  it('says why a request is out of scope, and how to include it', () => {
    const d = decideScope(req({ url: 'https://api.example.com/x' }), compileScope(DEFAULT_SCOPE_SETTINGS));
    expect(d).toEqual({
      inScope: false,
      reason: 'https://api.example.com is outside the audit scope',
      fix: 'add https://api.example.com to the audit origins if it should carry the token',
    });
  });
});

describe('scope: validation', () => {
  it('reports user-facing errors and keeps the valid entries', () => {
    const settings = s({
      extraOrigins: ['https://ok.example', 'https://x.example/path', 'ftp://files.example', 'not an origin', ''],
      urlPatterns: ['/(unclosed/', '/x/g', 'has space', 'https://fine.example/*'],
      extraHeaderNames: ['X-Trace-Session', 'bad header', ''],
    });
    expect(validateScopeSettings(settings).map((e) => `${e.field}[${e.index}]: ${e.message}`)).toEqual([
      'extraOrigins[1]: an origin has no path — put URLs with a path under URL patterns',
      'extraOrigins[2]: scheme ftp: cannot carry request headers — use http or https',
      'extraOrigins[3]: not an origin — write it like https://api.example.com or api.example.com:4001',
      'extraOrigins[4]: an origin cannot be empty',
      expect.stringMatching(/^urlPatterns\[0\]: invalid regular expression: .+/),
      'urlPatterns[1]: flags "g" not allowed — use only i, m, s, u',
      'urlPatterns[2]: a URL pattern cannot contain spaces',
      'extraHeaderNames[1]: "bad header" is not a valid header name (letters, digits and !#$%&\'*+-.^_`|~ only)',
      'extraHeaderNames[2]: a header name cannot be empty',
    ]);
    const c = compileScope(settings);
    expect(c.origins.map((o) => o.source)).toEqual(['https://ok.example']);
    expect(c.patterns.map((p) => p.source)).toEqual(['https://fine.example/*']);
  });

  it('normalizes stored settings of any shape', () => {
    expect(normalizeScopeSettings(null)).toEqual(DEFAULT_SCOPE_SETTINGS);
    expect(normalizeScopeSettings({ extraOrigins: ['a', 3, null], urlPatterns: 'x', includeSameOrigin: 'no' })).toEqual(
      {
        extraOrigins: ['a'],
        urlPatterns: [],
        extraHeaderNames: [],
        includeSameOrigin: true,
        askTrackerMatcher: true,
      },
    );
  });

  it('keys settings by the inspected site', () => {
    expect(siteKey('https://shop.example.com/cart?x=1')).toBe('https://shop.example.com');
    expect(siteKey('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000');
    expect(siteKey('file:///home/me/page.html')).toBe('file:/home/me/page.html');
  });
});
