import { AREAS, type Area } from './state/areas.ts';
import { useModel } from './state/model.ts';
import type { UiState } from './state/ui-model.ts';
import { SessionView } from './views/SessionView.tsx';
import { ShortcutsHelp } from './components/ShortcutsHelp.tsx';
import { lazyArea } from './components/lazy-area.tsx';
import { usePanelShortcuts } from './panel-shortcuts.ts';

// Only the Session area, shown first, is in the panel's initial code; the others load when first opened.
const RequestsView = lazyArea(() => import('./views/RequestsView.tsx').then((m) => m.RequestsView), 'Requests');
const BackendView = lazyArea(() => import('./views/BackendView.tsx').then((m) => m.BackendView), 'Backend errors');
const TimelineView = lazyArea(() => import('./views/TimelineView.tsx').then((m) => m.TimelineView), 'Timeline');
const SettingsView = lazyArea(() => import('./views/SettingsView.tsx').then((m) => m.SettingsView), 'Settings');

export function App() {
  const model = useModel();
  const { ui } = model;
  const area = ui.area.value;
  usePanelShortcuts(model);
  return (
    <div class="app">
      <header class="topbar">
        <h1 class="brand">
          <img src="/icons/icon-16.png" alt="" width={16} height={16} />
          Replay Link
        </h1>
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
              onClick={() => ui.goToArea(a.id)}
              onKeyDown={(e) => moveTab(ui, e, a.id)}
            >
              {a.label}
            </button>
          ))}
        </nav>
        <ShortcutsHelp />
      </header>
      <main class="area">
        <div id={`area-${area}`} role="tabpanel" aria-labelledby={`tab-${area}`} class="area-panel">
          {area === 'session' && <SessionView />}
          {area === 'requests' && <RequestsView />}
          {area === 'backend' && <BackendView />}
          {area === 'timeline' && <TimelineView />}
          {area === 'settings' && <SettingsView />}
        </div>
      </main>
    </div>
  );
}

/** The WAI-ARIA tabs pattern: arrows move (and wrap), Home and End go to the ends; selection follows focus. */
function moveTab(ui: UiState, e: KeyboardEvent, id: Area): void {
  const i = AREAS.findIndex((a) => a.id === id);
  const to: Record<string, number> = {
    ArrowRight: i + 1,
    ArrowLeft: i - 1 + AREAS.length,
    Home: 0,
    End: AREAS.length - 1,
  };
  const j = to[e.key];
  if (j === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  const next = AREAS[j % AREAS.length];
  if (!next) return;
  ui.goToArea(next.id);
  queueMicrotask(() => document.getElementById(`tab-${next.id}`)?.focus());
}
