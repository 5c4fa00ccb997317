import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Frame } from 'playwright-core';

/**
 * axe-core in the panel frame. `@axe-core/playwright`'s AxeBuilder wants a Page, and the panel is
 * a Frame inside the DevTools page (an extension frame playwright reaches over CDP), so the test
 * does what AxeBuilder does inside: evaluate axe-core's own source in the frame (CDP evaluation is
 * not subject to the panel's CSP, which forbids inline and remote scripts) and call `axe.run`.
 */

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/** Runs axe on the panel document; returns the violations of WCAG 2.x A/AA and best-practice rules. */
export async function runAxe(frame: Frame): Promise<Violation[]> {
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    // The page-side type of axe is not imported into the test: only the fields read here.
    type AxeResult = {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
    };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' '),
      })),
    }));
  });
}

/** The violations a user of a screen reader or with low vision would hit hard. */
export function seriousOrWorse(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per failing node, for a failure message a reader can act on. */
export function describeViolations(where: string, violations: readonly Violation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `[${where}] ${v.id} (${v.impact}): ${n.target} — ${v.help}. ${n.summary}`))
    .join('\n');
}
