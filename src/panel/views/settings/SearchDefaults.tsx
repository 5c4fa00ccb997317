import { validateScope, validateTagName } from '../../../core/search/query.ts';
import type { SumoSettings } from '../../../shared/settings.ts';
import { Field } from './Field.tsx';

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** What a search looks for and over which time: the user's scope stays apart from the tag clause. */
export function SearchDefaults(props: { draft: SumoSettings; onChange: (next: SumoSettings) => void }) {
  const { draft, onChange } = props;
  const scopeError = draft.scopeQuery.trim() ? validateScope(draft.scopeQuery) ?? null : null;
  const tagError = draft.tagNames.map((t) => validateTagName(t)).find((e) => e) ?? (draft.tagNames.length ? null : 'Give at least one tag name.');
  return (
    <fieldset>
      <legend>Search</legend>
      <Field
        label="Scope query"
        id="sumo-scope"
        hint="Optional, your own keyword scope, e.g. _sourceCategory=prod/api. It is ANDed with the tag clause, never mixed into it."
        error={scopeError}
      >
        <input id="sumo-scope" data-testid="sumo-scope" spellcheck={false} value={draft.scopeQuery} onInput={(e) => onChange({ ...draft, scopeQuery: e.currentTarget.value })} />
      </Field>
      <Field label="Tag names" id="sumo-tags" hint="Names ending in .id carry the numeric session id; the others the token." error={tagError}>
        <input
          id="sumo-tags"
          data-testid="sumo-tags"
          spellcheck={false}
          value={draft.tagNames.join(', ')}
          onChange={(e) => onChange({ ...draft, tagNames: splitList(e.currentTarget.value) })}
        />
      </Field>
      <Field label="Time window from" id="sumo-window-start">
        <div class="inline">
          <select
            id="sumo-window-start"
            value={draft.windowStart}
            onChange={(e) => onChange({ ...draft, windowStart: e.currentTarget.value === 'last-minutes' ? 'last-minutes' : 'session-start' })}
          >
            <option value="session-start">the session's start</option>
            <option value="last-minutes">the last N minutes</option>
          </select>
          {draft.windowStart === 'last-minutes' && (
            <input
              aria-label="Minutes"
              type="number"
              min={1}
              max={10080}
              value={draft.windowMinutes}
              onChange={(e) => onChange({ ...draft, windowMinutes: Number(e.currentTarget.value) || 60 })}
            />
          )}
        </div>
      </Field>
      <Field label="Time window to" id="sumo-window-end">
        <select id="sumo-window-end" value={draft.windowEnd} onChange={(e) => onChange({ ...draft, windowEnd: e.currentTarget.value === 'expiry' ? 'expiry' : 'now' })}>
          <option value="now">now</option>
          <option value="expiry">the token's expiry</option>
        </select>
      </Field>
      <Field label="Receipt time" id="sumo-receipt" hint="Search by when SumoLogic received lines: helps when server clocks are off.">
        <label class="check">
          <input id="sumo-receipt" type="checkbox" checked={draft.byReceiptTime} onChange={(e) => onChange({ ...draft, byReceiptTime: e.currentTarget.checked })} />
          Use receipt time
        </label>
      </Field>
    </fieldset>
  );
}
