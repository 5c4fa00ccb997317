import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README and docs/ point a newcomer at files; a file that moved or was split must take the
// docs with it. Every `src/…` path they name, and every backticked path under src's folders
// (`core/search/plan.ts`), must exist. Templates (`src/panel/views/<Name>View.tsx`) and globs are
// not paths.
const ROOT = join(import.meta.dirname, '../../..');
const SRC_FOLDERS = 'core|panel|sumo|shared|devtools|background|cli|playwright';

const docs = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

function namedPaths(markdown: string): string[] {
  const paths = new Set<string>();
  for (const m of markdown.matchAll(/src\/[A-Za-z0-9_./<>*-]*[A-Za-z0-9_>*]\/?/g)) paths.add(m[0]);
  const relative = new RegExp(`^(?:${SRC_FOLDERS})/[A-Za-z0-9_./-]+\\.(?:tsx?|css)$`);
  for (const m of markdown.matchAll(/`([^`\s]+)`/g)) {
    const p = m[1] ?? '';
    if (relative.test(p)) paths.add(`src/${p}`);
  }
  return [...paths].filter((p) => !/[<>*]/.test(p));
}

describe('paths named in the docs', () => {
  it('finds src paths, backticked paths under src, and skips templates', () => {
    expect(
      namedPaths(
        'See `src/core/audit/scope.ts` and `core/search/plan.ts`; add `src/panel/views/<Name>View.tsx`; not `plan.ts`.',
      ),
    ).toEqual(['src/core/audit/scope.ts', 'src/core/search/plan.ts']);
  });

  it.each(docs)('%s names only files that exist', (doc) => {
    const named = namedPaths(readFileSync(join(ROOT, doc), 'utf8'));
    expect(named.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it('docs/architecture.md names files at all (the check is not vacuous)', () => {
    expect(namedPaths(readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')).length).toBeGreaterThan(15);
  });
});
