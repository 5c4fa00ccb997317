import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderJUnit } from '../../../../src/core/ci/junit.ts';
import type { Problem } from '../../../../src/core/ci/problems.ts';

const APP = 'http://127.0.0.1:4000';
const missing: Problem = {
  kind: 'missing',
  endpoint: `GET ${APP}/api/health`,
  requests: 1,
  example: `${APP}/api/health?x=<b>`,
  reason: 'no session token header on this fetch (in scope: same-origin)',
  fix: 'add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
};

describe('renderJUnit', () => {
  it('writes one test case per endpoint; a failing one carries reason and fix, an ignored problem goes to system-out', () => {
    const xml = renderJUnit({
      pageUrl: `${APP}/`,
      endpoints: [`GET ${APP}/api/users/:id`, `GET ${APP}/api/health`],
      failing: [missing],
      ignored: [
        {
          ...missing,
          kind: 'blocked',
          endpoint: `GET ${APP}/partner/quote`,
          reason: 'refused',
          fix: 'allow it',
          ignoredBecause: 'blocked is not in fail-on (missing)',
        },
      ],
      generatedAt: Date.parse('2026-11-28T10:00:00.000Z'),
      durationMs: 1500,
    });
    expect(xml.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="replay-link" tests="3" failures="1" errors="0" time="1.500">',
      `  <testsuite name="replay-link audit ${APP}/" tests="3" failures="1" errors="0" skipped="0" time="1.500" timestamp="2026-11-28T10:00:00.000Z">`,
      `    <testcase classname="replay-link.${APP}" name="GET ${APP}/api/users/:id" time="0" />`,
      `    <testcase classname="replay-link.${APP}" name="GET ${APP}/api/health" time="0">`,
      `      <failure type="missing" message="missing: no session token header on this fetch (in scope: same-origin) — add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper">missing (1 request): no session token header on this fetch (in scope: same-origin)`,
      'fix: add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
      `example: ${APP}/api/health?x=&lt;b&gt;</failure>`,
      '    </testcase>',
      `    <testcase classname="replay-link.${APP}" name="GET ${APP}/partner/quote" time="0">`,
      '      <system-out>ignored — blocked is not in fail-on (missing)',
      'blocked (1 request): refused',
      'fix: allow it',
      `example: ${APP}/api/health?x=&lt;b&gt;</system-out>`,
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });

  it('escapes any page text into well-formed XML', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = escapeXml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
        // eslint-disable-next-line no-control-regex -- the point: no character XML 1.0 forbids may remain
        expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  });
});
