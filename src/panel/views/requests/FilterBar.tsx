import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FilterParse } from '../../../core/audit/filter.ts';
import { plural } from './format.ts';
import { useModel } from '../../state/model.ts';

interface Props {
  parse: FilterParse;
  shown: number;
  total: number;
}

const HINT =
  'Filter: text, verdict:missing, origin:api.example.com, status:5xx, type:xhr, method:POST, path:/api, -verdict:not-expected';

/** The filter box; a query it cannot read keeps the last rows and says why, where. */
export function FilterBar({ parse, shown, total }: Props) {
  const requestsUi = useModel().ui.requests;
  const text = requestsUi.filterText.value;
  const input = useRef<HTMLInputElement>(null);
  const focusWanted = requestsUi.focusFilter.value;
  useLayoutEffect(() => {
    if (!focusWanted) return;
    requestsUi.focusFilter.value = false;
    input.current?.focus();
    input.current?.select();
  }, [focusWanted]);
  return (
    <div class="filter-bar">
      <input
        ref={input}
        type="search"
        class={`filter-input${parse.ok ? '' : ' invalid'}`}
        data-testid="filter-input"
        aria-label="Filter requests"
        aria-invalid={!parse.ok}
        aria-describedby={parse.ok ? undefined : 'filter-error'}
        placeholder={HINT}
        title={HINT}
        spellcheck={false}
        value={text}
        onInput={(e) => (requestsUi.filterText.value = e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && requestsUi.filterText.value !== '') {
            e.preventDefault();
            e.stopPropagation();
            requestsUi.filterText.value = '';
          }
        }}
      />
      <span class="filter-count" data-testid="shown-count" aria-live="polite">
        {shown === total ? plural(total, 'request') : `${shown.toLocaleString('en')} of ${total.toLocaleString('en')}`}
      </span>
      {!parse.ok && (
        <span id="filter-error" class="filter-error" role="alert" data-testid="filter-error">
          {parse.error} (at character {parse.position + 1})
        </span>
      )}
    </div>
  );
}
