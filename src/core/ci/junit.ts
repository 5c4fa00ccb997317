// JUnit XML for CI: one test case per endpoint template, so a pipeline's test view lists each
// endpoint and shows a failing one with every problem's reason and fix.

import type { IgnoredProblem, Problem } from './problems.ts';

export interface JUnitInput {
  pageUrl: string;
  /** Every endpoint judged (in scope, or with a problem), as `METHOD origin+template`. */
  endpoints: readonly string[];
  failing: readonly Problem[];
  ignored: readonly IgnoredProblem[];
  generatedAt: number;
  durationMs: number;
}

/** Text made safe for XML 1.0 content and attributes (characters XML cannot hold become U+FFFD). */
export function escapeXml(text: string, max = 4000): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function originOf(endpoint: string): string {
  const url = endpoint.slice(endpoint.indexOf(' ') + 1);
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url);
  return m?.[0] ?? url;
}

function problemText(p: Problem): string {
  return `${p.kind} (${p.requests} request${p.requests === 1 ? '' : 's'}): ${p.reason}\nfix: ${p.fix || '—'}\nexample: ${p.example}`;
}

export function renderJUnit(input: JUnitInput): string {
  const names = [
    ...new Set([...input.endpoints, ...input.failing.map((p) => p.endpoint), ...input.ignored.map((p) => p.endpoint)]),
  ];
  const failingBy = new Map<string, Problem[]>();
  for (const p of input.failing) failingBy.set(p.endpoint, [...(failingBy.get(p.endpoint) ?? []), p]);
  const ignoredBy = new Map<string, IgnoredProblem[]>();
  for (const p of input.ignored) ignoredBy.set(p.endpoint, [...(ignoredBy.get(p.endpoint) ?? []), p]);
  const failures = names.filter((n) => failingBy.has(n)).length;
  const seconds = (Math.max(0, input.durationMs) / 1000).toFixed(3);
  const suite = `replay-link audit ${input.pageUrl}`;

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="replay-link" tests="${names.length}" failures="${failures}" errors="0" time="${seconds}">`,
    `  <testsuite name="${escapeXml(suite, 600)}" tests="${names.length}" failures="${failures}" errors="0" skipped="0" time="${seconds}" timestamp="${new Date(input.generatedAt).toISOString()}">`,
  ];
  for (const name of names) {
    const open = `    <testcase classname="${escapeXml(`replay-link.${originOf(name)}`, 300)}" name="${escapeXml(name, 600)}" time="0">`;
    const failing = failingBy.get(name) ?? [];
    const ignored = ignoredBy.get(name) ?? [];
    if (failing.length === 0 && ignored.length === 0) {
      lines.push(open.replace(/>$/, ' />'));
      continue;
    }
    lines.push(open);
    if (failing.length > 0) {
      const first = failing[0] as Problem;
      const message = `${failing.map((p) => p.kind).join(', ')}: ${first.reason} — ${first.fix}`;
      lines.push(
        `      <failure type="${escapeXml(failing.map((p) => p.kind).join(','), 200)}" message="${escapeXml(message, 1000)}">${escapeXml(failing.map(problemText).join('\n\n'), 20_000)}</failure>`,
      );
    }
    if (ignored.length > 0) {
      const text = ignored.map((p) => `ignored — ${p.ignoredBecause}\n${problemText(p)}`).join('\n\n');
      lines.push(`      <system-out>${escapeXml(text, 20_000)}</system-out>`);
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
