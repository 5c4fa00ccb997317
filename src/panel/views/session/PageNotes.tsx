import type { SessionState } from '../../../core/session/session-state.ts';

/**
 * Things the page did that a user should know even when a token was found: values refused from
 * any frame or source, throwing getters, mismatches. Text only: it comes from the page.
 */
export function PageNotes({ state }: { state: SessionState }) {
  const refused = [...state.refused];
  if (state.current && state.status === 'invalid')
    for (const r of state.reasons) if (!refused.includes(r)) refused.push(r);
  if (refused.length === 0 && state.warnings.length === 0) return null;
  return (
    <section class="page-notes" aria-label="Notes about the page">
      <h3>Also seen on the page</h3>
      <ul class="reasons">
        {refused.map((r) => (
          <li key={`r:${r}`} class="bad" data-testid="session-refusal">
            Refused: {r}
          </li>
        ))}
        {state.warnings.map((w) => (
          <li key={`w:${w}`} class="warn" data-testid="session-warning">
            {w}
          </li>
        ))}
      </ul>
    </section>
  );
}
