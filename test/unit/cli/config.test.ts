import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig, parseConfigText } from '../../../src/cli/config.ts';

describe('replay-link.config.json', () => {
  it('reads every field into the audit settings, the policy and the search', () => {
    const r = parseConfig({
      scope: { origins: ['https://api.example.com'], urlPatterns: ['*/graphql'], sameOrigin: false },
      headerNames: ['X-Trace-Session'],
      failOn: ['missing', 'blocked'],
      allow: [
        'GET /api/health',
        { endpoint: '* https://partner.example.com/*', problems: ['blocked'], reason: 'partner fixes CORS in Q3' },
      ],
      sumo: {
        deployment: 'eu',
        scopeQuery: '_sourceCategory=prod/api',
        window: { lastMinutes: 30 },
        waitSeconds: 60,
        taggingWindowSeconds: 5,
      },
    });
    expect(r).toEqual({
      ok: true,
      config: {
        scope: {
          extraOrigins: ['https://api.example.com'],
          urlPatterns: ['*/graphql'],
          extraHeaderNames: ['X-Trace-Session'],
          includeSameOrigin: false,
          askTrackerMatcher: true,
        },
        failOn: ['missing', 'blocked'],
        allow: [
          { endpoint: 'GET /api/health' },
          { endpoint: '* https://partner.example.com/*', problems: ['blocked'], reason: 'partner fixes CORS in Q3' },
        ],
        sumo: {
          apiBase: 'https://api.eu.sumologic.com/api',
          deployment: 'EU',
          scopeQuery: '_sourceCategory=prod/api',
          tagNames: ['openReplaySessionToken', 'openReplaySession.id'],
          windowMinutes: 30,
          waitSeconds: 60,
          taggingWindowMs: 5000,
        },
      },
    });
  });

  it('uses the defaults for an empty file: same-origin scope, every problem fails, no backend check', () => {
    expect(parseConfig({})).toEqual({ ok: true, config: DEFAULT_CONFIG });
    const local = parseConfig({ sumo: { apiBase: 'http://127.0.0.1:8787/api/' } });
    expect(local.ok && local.config.sumo).toMatchObject({
      apiBase: 'http://127.0.0.1:8787/api',
      windowMinutes: 'session',
      waitSeconds: 20,
      taggingWindowMs: 10_000,
    });
  });

  it('reports every problem at once, each naming its field and what to write', () => {
    const r = parseConfig({
      scop: {},
      scope: { origins: ['ftp://files.example.com'], urlPatterns: ['/[/'] },
      headerNames: ['X Session'],
      failOn: ['missing', 'slow'],
      allow: [42, { endpoint: '' }],
      sumo: { deployment: 'MARS', accessId: 'abc', scopeQuery: 'x | count', tagNames: ['9tag'], waitSeconds: -1 },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'scop: unknown key (known here: $schema, scope, headerNames, failOn, allow, sumo)',
      'scope.origins[0]: scheme ftp: cannot carry request headers — use http or https',
      expect.stringMatching(/^scope\.urlPatterns\[0\]: invalid regular expression: /),
      'headerNames[0]: "X Session" is not a valid header name (letters, digits and !#$%&\'*+-.^_`|~ only)',
      'failOn[1]: "slow" is not a problem kind (use missing, blocked, stale, foreign, outside-scope, not-tagging)',
      'allow[0]: must be a string or { "endpoint": …, "problems": […], "reason": … }, got number',
      'allow[1].endpoint: must be an endpoint pattern such as "GET /api/health" or "* https://partner.example.com/*"',
      'sumo.accessId: credentials never go in the config file — set SUMO_ACCESS_ID and SUMO_ACCESS_KEY in the environment (CI secrets)',
      'sumo.deployment: "MARS" is not a deployment — use one of AU, CA, CH, DE, ESC, EU, FED, JP, KR, US1, US2, IN, or "apiBase" for a proxy or a local server',
      expect.stringMatching(/^sumo\.scopeQuery: Refused: the scope query contains "\|"/),
      'sumo.tagNames[0]: Refused: a tag name must start with a letter.',
      'sumo.waitSeconds: must be a number from 0 to 900, got -1',
    ]);
  });

  it('says where the JSON is broken, and refuses a file that is not one object', () => {
    const r = parseConfigText('{ "failOn": [ }');
    expect(!r.ok && r.errors[0]).toMatch(/^not valid JSON: /);
    expect(parseConfigText('[]')).toEqual({ ok: false, errors: ['the file must hold one JSON object, got an array'] });
    expect(parseConfig({ sumo: { deployment: 'US2', apiBase: 'https://x.example/api' } })).toEqual({
      ok: false,
      errors: ['sumo: give either "deployment" or "apiBase", not both'],
    });
  });
});
