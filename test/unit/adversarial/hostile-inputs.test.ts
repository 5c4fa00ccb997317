// Every parser of untrusted text against generated hostile inputs up to 64 KB: none may cost more
// than a fixed multiple of a benign input of the same size. This suite is the one place where tests
// time code: a quadratic parser is thousands of times slower here, far beyond any machine's noise.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { benignText, hostileCase, hostileText, KNOWN_ATTACKS, type HostileCase } from './hostile.ts';
import { PARSERS } from './parsers.ts';
import { allowedMs, fastest, MAX_RATIO, FLOOR_MS } from './timing.ts';

const RUNS = 16;
const summary: string[] = [];

function describeCase(c: HostileCase): string {
  return JSON.stringify({ prefix: c.prefix, pattern: c.pattern, suffix: c.suffix, size: c.size });
}

describe(`hostile inputs up to 64 KB (each within ${MAX_RATIO}× a benign input of the same size, or ${FLOOR_MS} ms)`, () => {
  for (const parser of PARSERS) {
    it(parser.name, () => {
      const benign = new Map<number, number>();
      let worst = { ms: 0, benignMs: 0, input: '' };
      fc.assert(
        fc.property(hostileCase, (c) => {
          const text = hostileText(c);
          let base = benign.get(c.size);
          if (base === undefined) {
            const plain = benignText(c.size);
            base = fastest((rep) => parser.run(plain, rep));
            benign.set(c.size, base);
          }
          const ms = fastest((rep) => parser.run(text, rep), allowedMs(base));
          if (ms > worst.ms) worst = { ms, benignMs: base, input: describeCase(c) };
          expect(
            ms,
            `${parser.name}: ${ms.toFixed(1)} ms on ${describeCase(c)} (benign ${base.toFixed(2)} ms)`,
          ).toBeLessThanOrEqual(allowedMs(base));
        }),
        { numRuns: RUNS + KNOWN_ATTACKS.length, endOnFailure: true, examples: KNOWN_ATTACKS.map((c) => [c]) },
      );
      summary.push(
        `  ${parser.name}: worst ${worst.ms.toFixed(1)} ms (benign ${worst.benignMs.toFixed(2)} ms) on ${worst.input.slice(0, 120)}`,
      );
    });
  }
});

afterAll(() => {
  console.log(
    `Adversarial parser suite (${KNOWN_ATTACKS.length} known attacks + ${RUNS} generated hostile inputs each):\n${summary.join('\n')}`,
  );
});
