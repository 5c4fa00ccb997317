import { useState } from 'preact/hooks';
import { useModel } from '../../state/model.ts';
import { Field, Notice } from './Field.tsx';

/**
 * Access ID and Key. The key is sent once to the background and never comes back: the panel only
 * ever shows its last four characters.
 */
export function SumoCredentials() {
  const { worker } = useModel();
  const saved = worker.credentials.value;
  const [accessId, setAccessId] = useState('');
  const [accessKey, setAccessKey] = useState('');
  const [remember, setRemember] = useState(true);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const [detecting, setDetecting] = useState(false);

  const save = async () => {
    const r = await worker.saveCredentials(accessId, accessKey, remember);
    setResult(r.ok ? { ok: true, message: 'Credentials saved.' } : r);
    if (r.ok) setAccessKey('');
  };
  const test = async () => {
    setTesting(true);
    setResult(null);
    setResult(await worker.testConnection());
    setTesting(false);
  };

  // Typed credentials first (the user may not have saved them yet), otherwise the saved ones.
  const detect = async () => {
    setDetecting(true);
    setResult(null);
    const r = await worker.detectDeployment(accessId, accessKey);
    setResult({ ok: r.ok, message: r.message });
    setDetecting(false);
  };

  return (
    <fieldset>
      <legend>Access key</legend>
      {saved ? (
        <p class="saved-creds" data-testid="sumo-saved-credentials">
          Saved: Access ID <code>{saved.accessId}</code>, key <code>{saved.keyMask}</code>{' '}
          {saved.remembered ? '(remembered on this computer)' : '(kept until the browser closes)'}
        </p>
      ) : (
        <p class="hint" data-testid="sumo-no-credentials">
          No access key saved. Create one in SumoLogic under Administration → Security → Access Keys.
        </p>
      )}
      <Field label="Access ID" id="sumo-access-id">
        <input
          id="sumo-access-id"
          data-testid="sumo-access-id"
          autoComplete="off"
          spellcheck={false}
          value={accessId}
          onInput={(e) => setAccessId(e.currentTarget.value)}
        />
      </Field>
      <Field label="Access Key" id="sumo-access-key" hint="Stored only in the extension; never shown again in full.">
        <input
          id="sumo-access-key"
          data-testid="sumo-access-key"
          type="password"
          autoComplete="off"
          value={accessKey}
          onInput={(e) => setAccessKey(e.currentTarget.value)}
        />
      </Field>
      <Field label="Remember" id="sumo-remember">
        <label class="check">
          <input
            id="sumo-remember"
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.currentTarget.checked)}
          />
          Keep them after the browser closes
        </label>
      </Field>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void save()} data-testid="sumo-save-credentials">
          Save key
        </button>
        <button type="button" onClick={() => void test()} disabled={testing} data-testid="sumo-test-connection">
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        <button
          type="button"
          onClick={() => void detect()}
          disabled={detecting}
          data-testid="sumo-detect"
          title="Asks each SumoLogic deployment, with a call that changes nothing, which one knows this key, and selects it"
        >
          {detecting ? 'Detecting…' : 'Detect deployment'}
        </button>
        {saved && (
          <button
            type="button"
            onClick={() => void worker.clearCredentials().then(setResult)}
            data-testid="sumo-forget"
          >
            Forget key
          </button>
        )}
      </div>
      {result && (
        <Notice kind={result.ok ? 'ok' : 'bad'} testid="sumo-credentials-result">
          {result.message}
        </Notice>
      )}
    </fieldset>
  );
}
