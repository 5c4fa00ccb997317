import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEPLOYMENTS, deploymentFromLoginUrl, deploymentLabel } from '../../../sumo/deployments.ts';
import type { SumoSettings } from '../../../shared/settings.ts';
import { useModel } from '../../state/model.ts';
import { Field, Notice } from './Field.tsx';
import { SelectSetting, SettingsSection, TextSetting, type Section } from './controls.tsx';

const DEPLOYMENT_OPTIONS: ReadonlyArray<readonly [SumoSettings['deployment'], string]> = [
  ...DEPLOYMENTS.map((d) => [d.id, deploymentLabel(d)] as const),
  ['custom', 'Custom API base (local server or proxy)'],
];

/** Where SumoLogic is: a deployment by name, derived from a pasted login address, or a custom API base. */
export function SumoConnection(props: { section: Section<SumoSettings> }) {
  const { worker } = useModel();
  const { section } = props;
  const [loginUrl, setLoginUrl] = useState('');
  const [derived, setDerived] = useState<{ ok: boolean; text: string } | null>(null);
  const [allowed, setAllowed] = useState<string | null>(null);
  const apiBase = worker.apiBase.value;

  const derive = () => {
    const r = deploymentFromLoginUrl(loginUrl);
    if (r.ok) {
      section.set('deployment', r.deployment.id);
      setDerived({
        ok: true,
        text: `Deployment ${r.deployment.id}: API ${r.deployment.apiHost}${r.note ? `. ${r.note}` : ''}`,
      });
    } else {
      setDerived({ ok: false, text: r.reason });
    }
  };

  // The browser's prompt must come from a click, so a custom host is allowed by its own button.
  const allow = async (origin: string) => {
    const ok = await browser.permissions.request({ origins: [origin] }).catch(() => false);
    setAllowed(
      ok ? null : `The browser did not allow access to ${origin.slice(0, -2)}. Accept the prompt to use this host.`,
    );
    await worker.load();
  };

  return (
    <SettingsSection form={section.form} name={section.name} legend="SumoLogic deployment">
      <SelectSetting
        section={section}
        name="deployment"
        id="sumo-deployment"
        label="Deployment"
        options={DEPLOYMENT_OPTIONS}
      />
      <Field
        label="Or paste your login address"
        id="sumo-login-url"
        hint="e.g. https://service.eu.sumologic.com/ui/ or https://acme.us2.sumologic.com"
      >
        <div class="inline">
          <input
            id="sumo-login-url"
            data-testid="sumo-login-url"
            type="url"
            value={loginUrl}
            onInput={(e) => setLoginUrl(e.currentTarget.value)}
          />
          <button type="button" onClick={derive} data-testid="sumo-derive">
            Use this address
          </button>
        </div>
        {derived && (
          <Notice kind={derived.ok ? 'ok' : 'bad'} testid="sumo-derived">
            {derived.text}
          </Notice>
        )}
      </Field>
      {section.draft.deployment === 'custom' && (
        <>
          <TextSetting
            section={section}
            name="customApiBase"
            id="sumo-custom-api"
            url
            label="Custom API base URL"
            hint="Full base including /api, e.g. http://127.0.0.1:8787/api"
          />
          <TextSetting
            section={section}
            name="customUiBase"
            id="sumo-custom-ui"
            url
            label="Custom UI address"
            hint="Optional: where “Open in SumoLogic” should go."
          />
        </>
      )}
      {apiBase?.apiBase && (
        <div class="hint" data-testid="sumo-api-base">
          Requests go to <code>{apiBase.apiBase}</code> and nowhere else.
        </div>
      )}
      {section.draft.deployment === 'IN' && (
        <Notice kind="warn" testid="sumo-deprecated">
          IN (Mumbai) is deprecated: SumoLogic no longer lists it. It is kept usable; if searches fail, press “Detect
          deployment” or ask your admin for your current deployment.
        </Notice>
      )}
      {apiBase?.warning && (
        <Notice kind="warn" testid="sumo-host-warning">
          {apiBase.warning}
        </Notice>
      )}
      {apiBase?.error && <Notice kind="bad">{apiBase.error}</Notice>}
      {apiBase?.permissionOrigin && (
        <div class="actions">
          <Notice kind="warn" testid="sumo-permission">
            The browser does not let Replay Link reach {apiBase.permissionOrigin.slice(0, -2)} yet.
          </Notice>
          <button
            type="button"
            class="primary"
            data-testid="sumo-allow"
            onClick={() => void allow(apiBase.permissionOrigin ?? '')}
          >
            Allow access
          </button>
        </div>
      )}
      {allowed && <Notice kind="bad">{allowed}</Notice>}
    </SettingsSection>
  );
}
