// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { FixSnippets } from '../../../../../src/panel/views/requests/FixSnippets.tsx';
import type { AuditEntry, Verdict } from '../../../../../src/core/audit/types.ts';
import type { BackendTagging } from '../../../../../src/core/audit/fix-snippets.ts';
import { APP, req } from '../../../core/audit/fixtures.ts';

afterEach(cleanup);

const entry = (verdict: Verdict): AuditEntry => ({
  req: req({ url: `${APP}/api/users/42` }),
  result: { verdict, reason: 'r' },
});

function shown(verdict: Verdict, backend: BackendTagging) {
  const view = render(<FixSnippets entry={entry(verdict)} backend={backend} />);
  const offer = view.queryByTestId('fix-snippets');
  const out = {
    kind: offer?.getAttribute('data-kind') ?? null,
    summary: offer?.querySelector('summary')?.textContent ?? null,
    snippets: [...view.container.querySelectorAll('[data-testid=fix-snippet]')].map((s) =>
      s.getAttribute('data-snippet'),
    ),
    hint: view.queryByTestId('fix-snippets-hint')?.textContent ?? null,
  };
  cleanup();
  return out;
}

describe("a request's fixes to paste, as the detail shows them", () => {
  it('a carrying request: a hint before any search, nothing when its backend tags, the log code when it does not', () => {
    expect(shown('carries', 'unknown')).toEqual({
      kind: null,
      summary: null,
      snippets: [],
      hint: "Whether this endpoint's backend tags its log lines shows after a backend search; if it does not, the code to tag them is offered here.",
    });
    expect(shown('carries', 'tagging')).toEqual({ kind: null, summary: null, snippets: [], hint: null });
    expect(shown('carries', 'not-tagging')).toEqual({
      kind: 'logging',
      summary: 'Log tagging to paste',
      snippets: ['node', 'python', 'java', 'go', 'go-slog', 'dotnet'],
      hint: null,
    });
  });

  it('a missing header: the browser code that adds it, with the snippet text itself', () => {
    expect(shown('missing', 'unknown')).toEqual({
      kind: 'client',
      summary: 'Browser code to paste',
      snippets: ['client-header'],
      hint: null,
    });
    const view = render(<FixSnippets entry={entry('missing')} backend="unknown" />);
    expect(view.getByTestId('fix-snippet').querySelector('code')?.textContent).toContain(
      'export function withSessionHeader(',
    );
  });

  it('a blocked request: the CORS fixes; a request not expected to carry: nothing', () => {
    expect(shown('blocked', 'unknown').snippets).toEqual(['cors-express', 'cors-nginx', 'cors-spring']);
    expect(shown('not-expected', 'not-tagging')).toEqual({ kind: null, summary: null, snippets: [], hint: null });
  });
});
