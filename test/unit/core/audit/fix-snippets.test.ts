import { describe, expect, it } from 'vitest';
import { fixOfferFor, taggingHintFor, type BackendTagging } from '../../../../src/core/audit/fix-snippets.ts';
import type { Verdict, VerdictResult } from '../../../../src/core/audit/types.ts';
import type { EndpointTagging } from '../../../../src/core/linking/tagging.ts';
import { backendTagging } from '../../../../src/panel/views/requests/backend-tagging.ts';
import { APP, req } from './fixtures.ts';

const result = (verdict: Verdict): VerdictResult => ({ verdict, reason: 'r' });
const offered = (verdict: Verdict, backend: BackendTagging) => fixOfferFor(result(verdict), backend)?.kind ?? null;

describe('fixes to paste are offered only where they help', () => {
  it('a request that carries the token gets log-tagging code only when a search found its backend not tagging', () => {
    expect(offered('carries', 'not-tagging')).toBe('logging');
    expect(offered('carries', 'tagging')).toBeNull();
    expect(offered('carries', 'unknown')).toBeNull();
    expect(taggingHintFor(result('carries'), 'unknown')).toBe(
      "Whether this endpoint's backend tags its log lines shows after a backend search; if it does not, the code to tag them is offered here.",
    );
    expect(taggingHintFor(result('carries'), 'tagging')).toBeNull();
    expect(taggingHintFor(result('carries'), 'not-tagging')).toBeNull();
  });

  it('a request that went without the header gets the browser code that adds it; a blocked one the CORS fix', () => {
    for (const backend of ['unknown', 'tagging', 'not-tagging'] as const) {
      expect(offered('missing', backend)).toBe('client');
      expect(offered('blocked', backend)).toBe('cors');
    }
    expect(fixOfferFor(result('missing'))?.snippets).toEqual(['client-header']);
  });

  it('no code where none helps: not expected, outside scope, stale and foreign tokens', () => {
    for (const v of ['not-expected', 'outside-scope', 'stale', 'foreign'] as const) {
      expect([offered(v, 'unknown'), offered(v, 'not-tagging'), taggingHintFor(result(v))]).toEqual([null, null, null]);
    }
  });
});

describe("the endpoint's backend tagging, from the Timeline's table", () => {
  const row = (endpoint: string, status: EndpointTagging['status']) => ({ endpoint, status }) as EndpointTagging;
  const r = req({ url: `${APP}/api/users/42` });
  it('matches the request by its endpoint', () => {
    const key = `GET ${APP}/api/users/:id`;
    expect(backendTagging([row(key, 'not-tagged')], r)).toBe('not-tagging');
    expect(backendTagging([row(key, 'tagged')], r)).toBe('tagging');
    expect(backendTagging([row(key, 'probably-tagged')], r)).toBe('tagging');
    expect(backendTagging([row(key, 'not-searched')], r)).toBe('unknown');
    expect(backendTagging([row(`GET ${APP}/api/orders`, 'not-tagged')], r)).toBe('unknown');
  });
});
