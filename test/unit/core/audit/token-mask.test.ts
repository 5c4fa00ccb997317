import { describe, expect, it } from 'vitest';
import { AuditStore } from '../../../../src/core/audit/audit-store.ts';
import { maskToken } from '../../../../src/core/audit/mask.ts';
import { buildJsonExport } from '../../../../src/core/audit/json-export.ts';
import { renderMarkdownReport } from '../../../../src/core/audit/report.ts';
import { maskTokensIn } from '../../../../src/core/audit/token-mask.ts';
import { renderLinkedReport } from '../../../../src/core/linking/report.ts';
import { linkErrors } from '../../../../src/core/linking/link.ts';
import { API, APP, CURRENT, EARLIER, req, tokenHeader, TOKENS } from './fixtures.ts';

const PAGE_WITH_TOKEN = `${APP}/replay?t=${CURRENT.token}#${CURRENT.token}`;

function entries() {
  const store = new AuditStore({ tokens: TOKENS });
  store.add([
    req({ url: `${API}/events?token=${CURRENT.token}` }),
    req({ url: `${API}/stream/${CURRENT.token}/feed`, requestHeaders: tokenHeader(CURRENT.token) }),
    req({ url: `${API}/old?t=${EARLIER.token}` }),
  ]);
  return store.toArray();
}

describe('exports mask the token everywhere', () => {
  const input = {
    pageUrl: PAGE_WITH_TOKEN,
    token: CURRENT.token,
    otherTokens: [EARLIER.token],
    generatedAt: 0,
    requests: entries(),
  };

  it('the JSON export holds neither token in any string (URLs, query strings, page URL, examples)', () => {
    const json = JSON.stringify(buildJsonExport(input));
    expect(json).not.toContain(CURRENT.token);
    expect(json).not.toContain(EARLIER.token);
    expect(json).toContain(`events?token=${maskToken(CURRENT.token)}`);
    expect(json).toContain(`replay?t=${maskToken(CURRENT.token)}`);
  });

  it('the Markdown report holds neither token, even in an example URL it cuts', () => {
    const md = renderMarkdownReport(input);
    expect(md).not.toContain(CURRENT.token);
    expect(md).not.toContain(EARLIER.token);
    expect(md).toContain(maskToken(CURRENT.token));
  });

  it('the backend part masks log lines, endpoints and the query', () => {
    const raw = `[openReplaySessionToken=${CURRENT.token}] ERROR GET /stream/${CURRENT.token}/feed failed`;
    const log = { raw, messageTime: Date.parse('2025-11-26T13:57:00.000Z'), classification: { isError: true } };
    const linking = linkErrors(input.requests, [log], { skewMs: 0 });
    const md = renderLinkedReport({
      ...input,
      backend: {
        query: `"openReplaySessionToken=${CURRENT.token}"`,
        lines: 1,
        skewMs: 0,
        windowMs: 0,
        tagging: [],
        groups: [
          {
            signature: 's',
            links: [],
            headline: raw,
            count: 1,
            firstSeen: 0,
            lastSeen: 0,
            endpoints: [{ endpoint: `GET ${API}/stream/${CURRENT.token}`, count: 1 }],
            ambiguous: 0,
            unlinked: 0,
          },
        ],
        linking,
      },
    });
    expect(md).not.toContain(CURRENT.token);
  });

  it('revealing keeps the token as it is', () => {
    expect(JSON.stringify(buildJsonExport({ ...input, revealToken: true }))).toContain(`events?token=${CURRENT.token}`);
  });

  it('masks every occurrence, the longer token first', () => {
    expect(maskTokensIn(`a${CURRENT.token}b${CURRENT.token}`, [CURRENT.token])).toBe(
      `a${maskToken(CURRENT.token)}b${maskToken(CURRENT.token)}`,
    );
  });
});
