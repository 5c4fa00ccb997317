import type { SessionState } from '../../../core/session/session-state.ts';

/**
 * The devtools page (host.ts) adds values it refused from other sources of a page that does have a
 * token to `warnings`, with this prefix, until the session state carries them in a field of their own.
 */
export const REFUSED_PREFIX = 'Refused: ';

/**
 * Things the page did that a user should know even when a token was found: values refused from
 * other sources, throwing getters, mismatches. Text only: it comes from the page.
 */
export function PageNotes({ state }: { state: SessionState }) {
  const reasons = state.current && state.status === 'invalid' ? state.reasons : [];
  if (reasons.length === 0 && state.warnings.length === 0) return null;
  return (
    <section class="page-notes" aria-label="Notes about the page">
      <h3>Also seen on the page</h3>
      <ul class="reasons">
        {reasons.map((r) => (
          <li key={`r:${r}`} class="bad" data-testid="session-refusal">
            {r}
          </li>
        ))}
        {state.warnings.map((w) => (
          <li key={`w:${w}`} class={w.startsWith(REFUSED_PREFIX) ? 'bad' : 'warn'} data-testid={w.startsWith(REFUSED_PREFIX) ? 'session-refusal' : 'session-warning'}>
            {w}
          </li>
        ))}
      </ul>
    </section>
  );
}
