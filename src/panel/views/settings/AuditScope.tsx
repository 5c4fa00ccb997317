import { useEffect, useState } from 'preact/hooks';
import { siteKey, validateScopeSettings, type ScopeSettings } from '../../../core/audit/scope.ts';
import { useModel } from '../../state/model.ts';
import { Field, Notice } from './Field.tsx';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Which requests should carry the token, saved for the inspected site. */
export function AuditScope() {
  const { devtools } = useModel();
  const saved = devtools.scope.value;
  const [draft, setDraft] = useState<ScopeSettings>(saved);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setDraft(saved), [saved]);
  const errors = validateScopeSettings(draft);
  const errorOf = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message).join(' ') || null;
  const site = devtools.capture.value ? siteKey(devtools.capture.value.pageUrl) : '';

  return (
    <fieldset>
      <legend>Propagation audit{site ? ` for ${site}` : ''}</legend>
      <Field label="Same origin" id="audit-same-origin">
        <label class="check">
          <input
            id="audit-same-origin"
            type="checkbox"
            checked={draft.includeSameOrigin}
            onChange={(e) => setDraft({ ...draft, includeSameOrigin: e.currentTarget.checked })}
          />
          Same-origin fetch/XHR should carry the token
        </label>
      </Field>
      <Field label="More origins" id="audit-origins" hint="One per line: https://api.example.com, api.example.com:4001, https://*.example.com" error={errorOf('extraOrigins')}>
        <textarea id="audit-origins" data-testid="audit-origins" rows={3} spellcheck={false} value={draft.extraOrigins.join('\n')} onInput={(e) => setDraft({ ...draft, extraOrigins: lines(e.currentTarget.value) })} />
      </Field>
      <Field label="URL patterns" id="audit-patterns" hint="Like the tracker's tokenUrlMatcher: globs with * or /regex/." error={errorOf('urlPatterns')}>
        <textarea id="audit-patterns" data-testid="audit-patterns" rows={3} spellcheck={false} value={draft.urlPatterns.join('\n')} onInput={(e) => setDraft({ ...draft, urlPatterns: lines(e.currentTarget.value) })} />
      </Field>
      <Field label="More header names" id="audit-headers" hint="Besides X-OpenReplay-SessionToken, X-OpenReplay-Session-Token and openReplaySession.id." error={errorOf('extraHeaderNames')}>
        <input
          id="audit-headers"
          data-testid="audit-headers"
          spellcheck={false}
          value={draft.extraHeaderNames.join(', ')}
          onChange={(e) => setDraft({ ...draft, extraHeaderNames: e.currentTarget.value.split(/[\s,]+/).filter(Boolean) })}
        />
      </Field>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="audit-save"
          disabled={errors.length > 0}
          onClick={() => void devtools.saveScope(draft).then(() => setStatus(`Saved for ${site || 'this site'}; verdicts updated.`))}
        >
          Save audit scope
        </button>
        {status && <Notice kind="ok">{status}</Notice>}
      </div>
    </fieldset>
  );
}
