import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEPLOYMENTS, deploymentFromLoginUrl, deploymentLabel } from '../../../sumo/deployments.ts';
import type { SumoSettings } from '../../../shared/settings.ts';
import { useModel } from '../../state/model.ts';
import { Field, Notice } from './Field.tsx';

/** Where SumoLogic is: a deployment by name, derived from a pasted login address, or a custom API base. */
export function SumoConnection(props: { draft: SumoSettings; onChange: (next: SumoSettings) => void }) {
  const { backend } = useModel();
  const { draft, onChange } = props;
  const [loginUrl, setLoginUrl] = useState('');
  const [derived, setDerived] = useState<{ ok: boolean; text: string } | null>(null);
  const [saved, setSaved] = useState<{ ok: boolean; message: string } | null>(null);
  const apiBase = backend.apiBase.value;

  const derive = () => {
    const r = deploymentFromLoginUrl(loginUrl);
    if (r.ok) {
      onChange({ ...draft, deployment: r.deployment.id });
      setDerived({ ok: true, text: `Deployment ${r.deployment.id}: API ${r.deployment.apiHost}${r.note ? `. ${r.note}` : ''}` });
    } else {
      setDerived({ ok: false, text: r.reason });
    }
  };

  const save = async () => {
    setSaved(null);
    // The permission prompt must come from this click: ask before saving a custom host.
    if (draft.deployment === 'custom' && draft.customApiBase.trim()) {
      try {
        const origin = `${new URL(draft.customApiBase.trim()).origin}/*`;
        const has = await browser.permissions.contains({ origins: [origin] });
        if (!has && !(await browser.permissions.request({ origins: [origin] }))) {
          setSaved({ ok: false, message: `Not saved: the browser did not allow access to ${origin.slice(0, -2)}. Accept the prompt to use a custom host.` });
          return;
        }
      } catch {
        setSaved({ ok: false, message: 'Not saved: the custom API base URL is not a valid address (e.g. https://api.eu.sumologic.com/api).' });
        return;
      }
    }
    const result = await backend.saveSettings(draft);
    setSaved(result.ok ? { ok: true, message: 'Saved.' } : result);
  };

  return (
    <fieldset>
      <legend>SumoLogic deployment</legend>
      <Field label="Deployment" id="sumo-deployment">
        <select
          id="sumo-deployment"
          data-testid="sumo-deployment"
          value={draft.deployment}
          onChange={(e) => onChange({ ...draft, deployment: (e.currentTarget.value as SumoSettings['deployment']) })}
        >
          {DEPLOYMENTS.map((d) => (
            <option key={d.id} value={d.id}>
              {deploymentLabel(d)}
            </option>
          ))}
          <option value="custom">Custom API base (local server or proxy)</option>
        </select>
      </Field>
      <Field label="Or paste your login address" id="sumo-login-url" hint="e.g. https://service.eu.sumologic.com/ui/ or https://acme.us2.sumologic.com">
        <div class="inline">
          <input id="sumo-login-url" data-testid="sumo-login-url" type="url" value={loginUrl} onInput={(e) => setLoginUrl(e.currentTarget.value)} />
          <button type="button" onClick={derive} data-testid="sumo-derive">
            Use this address
          </button>
        </div>
        {derived && <Notice kind={derived.ok ? 'ok' : 'bad'} testid="sumo-derived">{derived.text}</Notice>}
      </Field>
      {draft.deployment === 'custom' && (
        <>
          <Field label="Custom API base URL" id="sumo-custom-api" hint="Full base including /api, e.g. http://127.0.0.1:8787/api">
            <input
              id="sumo-custom-api"
              data-testid="sumo-custom-api"
              type="url"
              value={draft.customApiBase}
              onInput={(e) => onChange({ ...draft, customApiBase: e.currentTarget.value })}
            />
          </Field>
          <Field label="Custom UI address" id="sumo-custom-ui" hint="Optional: where “Open in SumoLogic” should go.">
            <input id="sumo-custom-ui" type="url" value={draft.customUiBase} onInput={(e) => onChange({ ...draft, customUiBase: e.currentTarget.value })} />
          </Field>
        </>
      )}
      {apiBase?.apiBase && (
        <div class="hint" data-testid="sumo-api-base">
          Requests go to <code>{apiBase.apiBase}</code> and nowhere else.
        </div>
      )}
      {draft.deployment === 'IN' && (
        <Notice kind="warn" testid="sumo-deprecated">
          IN (Mumbai) is deprecated: SumoLogic no longer lists it. It is kept usable; if searches fail, press “Detect deployment” or ask your admin for your current deployment.
        </Notice>
      )}
      {apiBase?.warning && <Notice kind="warn" testid="sumo-host-warning">{apiBase.warning}</Notice>}
      {apiBase?.error && <Notice kind="bad">{apiBase.error}</Notice>}
      <div class="actions">
        <button type="button" class="primary" onClick={() => void save()} data-testid="sumo-save">
          Save
        </button>
        {saved && <Notice kind={saved.ok ? 'ok' : 'bad'}>{saved.message}</Notice>}
      </div>
    </fieldset>
  );
}
