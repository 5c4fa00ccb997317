import { AREAS, activeArea, type Area } from './state/areas.ts';
import { SessionView } from './views/SessionView.tsx';
import { RequestsView } from './views/RequestsView.tsx';
import { BackendView } from './views/BackendView.tsx';
import { SettingsView } from './views/SettingsView.tsx';
import { ShortcutsHelp } from './components/ShortcutsHelp.tsx';
import { LinkView } from './views/LinkView.tsx';

export function App() {
  const area = activeArea.value;
  return (
    <div class="app">
      <header class="topbar">
        <span class="brand">
          <img src="/icons/icon-16.png" alt="" width={16} height={16} />
          Replay Link
        </span>
        <nav role="tablist" aria-label="Replay Link areas" class="tabs">
          {AREAS.map((a) => (
            <button
              key={a.id}
              role="tab"
              id={`tab-${a.id}`}
              aria-selected={area === a.id}
              aria-controls={`area-${a.id}`}
              tabIndex={area === a.id ? 0 : -1}
              class={area === a.id ? 'tab active' : 'tab'}
              onClick={() => (activeArea.value = a.id)}
              onKeyDown={(e) => moveTab(e, a.id)}
            >
              {a.label}
            </button>
          ))}
        </nav>
        <ShortcutsHelp />
      </header>
      <div id={`area-${area}`} role="tabpanel" aria-labelledby={`tab-${area}`} class="area">
        {area === 'session' && <SessionView />}
        {area === 'requests' && <RequestsView />}
        {area === 'backend' && <BackendView />}
        {area === 'timeline' && <LinkView />}
        {area === 'settings' && <SettingsView />}
      </div>
    </div>
  );
}

function moveTab(e: KeyboardEvent, id: Area): void {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
  const i = AREAS.findIndex((a) => a.id === id);
  const next = AREAS[(i + (e.key === 'ArrowRight' ? 1 : AREAS.length - 1)) % AREAS.length];
  if (!next) return;
  activeArea.value = next.id;
  queueMicrotask(() => document.getElementById(`tab-${next.id}`)?.focus());
}
