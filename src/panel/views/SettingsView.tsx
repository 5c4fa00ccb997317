import { useEffect, useState } from 'preact/hooks';
import { useModel } from '../state/model.ts';
import type { SumoSettings } from '../../shared/settings.ts';
import { SumoConnection } from './settings/SumoConnection.tsx';
import { SumoCredentials } from './settings/SumoCredentials.tsx';
import { SearchDefaults } from './settings/SearchDefaults.tsx';
import { AuditScope } from './settings/AuditScope.tsx';
import './settings.css';

export function SettingsView() {
  const { worker } = useModel();
  const saved = worker.settings.value;
  const [draft, setDraft] = useState<SumoSettings | null>(saved);
  useEffect(() => setDraft(saved), [saved]);

  return (
    <section class="settings" aria-label="Settings">
      <h2>SumoLogic</h2>
      {draft ? (
        <>
          <SumoConnection draft={draft} onChange={setDraft} />
          <SumoCredentials />
          <SearchDefaults draft={draft} onChange={setDraft} />
          <div class="actions">
            <button type="button" class="primary" data-testid="sumo-save-search" onClick={() => void worker.saveSettings(draft)}>
              Save search settings
            </button>
          </div>
        </>
      ) : (
        <p class="hint">Loading settings…</p>
      )}
      <h2>Audit</h2>
      <AuditScope />
      <p class="about" data-testid="version">
        Replay Link {__REPLAY_LINK_VERSION__}
        {__REPLAY_LINK_DEMO__ ? ' (demo build: may also reach loopback servers)' : ''}
      </p>
    </section>
  );
}
