import { useModel } from '../state/model.ts';
import { useSection } from './settings/controls.tsx';
import { SumoConnection } from './settings/SumoConnection.tsx';
import { SumoCredentials } from './settings/SumoCredentials.tsx';
import { SearchDefaults } from './settings/SearchDefaults.tsx';
import { AuditScope } from './settings/AuditScope.tsx';
import './settings.css';

/**
 * Settings save as you go: each change is checked where it is made and saved when valid (see
 * src/panel/state/autosave.ts; how to add a field is in src/shared/settings.ts). Only the access
 * key waits for its own button, because it is a secret.
 */
export function SettingsView() {
  const { settings } = useModel();
  const connection = useSection(settings.sumo, 'connection');
  const search = useSection(settings.sumo, 'search');
  const scope = useSection(settings.scope, 'scope');
  return (
    <section class="settings" aria-label="Settings">
      <h2>SumoLogic</h2>
      {connection && search ? (
        <>
          <SumoConnection section={connection} />
          <SumoCredentials />
          <SearchDefaults section={search} />
        </>
      ) : (
        <p class="hint">Loading settings…</p>
      )}
      <h2>Audit</h2>
      {scope && <AuditScope section={scope} />}
      <p class="about" data-testid="version">
        Replay Link {__REPLAY_LINK_VERSION__}
        {__REPLAY_LINK_DEMO__ ? ' (demo build: may also reach loopback servers)' : ''}
      </p>
    </section>
  );
}
