import { CopyButton } from '../../components/CopyButton.tsx';
import { safeHttpUrl } from '../../../core/safe-url.ts';
import { inertLine } from './LogText.tsx';

interface Props {
  scope: string;
  tagClause: string;
  query: string;
  uiUrl?: string | null | undefined;
  window: string;
  from: number;
  to: number;
}

/** The query as searched: the user's scope and the fixed tag clause shown apart; copy it or open it in SumoLogic. */
export function QueryLine({ scope, tagClause, query, uiUrl, window, from, to }: Props) {
  const link = safeHttpUrl(uiUrl);
  return (
    <div class="query-line">
      <dl class="query-parts">
        <dt>Scope</dt>
        <dd>
          <code data-testid="query-scope">{scope ? inertLine(scope, 5000) : '(none — all sources)'}</code>
        </dd>
        <dt>AND Tag</dt>
        <dd>
          <code data-testid="query-tag">{inertLine(tagClause, 2000)}</code>
        </dd>
        <dt>Time</dt>
        <dd data-testid="search-window" data-from={from} data-to={to}>
          {window}
        </dd>
      </dl>
      <div class="query-actions">
        <CopyButton text={query} label="Copy the SumoLogic query" testId="copy-query" />
        {link && (
          <a class="button-link" data-testid="open-in-sumo" href={link} target="_blank" rel="noopener noreferrer">
            Open in SumoLogic
          </a>
        )}
      </div>
    </div>
  );
}
