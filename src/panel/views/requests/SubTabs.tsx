import type { RequestsTab } from '../../state/ui-model.ts';
import { useModel } from '../../state/model.ts';

const TABS: ReadonlyArray<{ id: RequestsTab; label: string }> = [
  { id: 'table', label: 'Requests' },
  { id: 'coverage', label: 'Coverage' },
];

/** Requests table or coverage tables; arrow keys move between them like the area tabs. */
export function SubTabs({ coverage }: { coverage: string }) {
  const requestsUi = useModel().ui.requests;
  const active = requestsUi.tab.value;
  const go = (id: RequestsTab) => {
    requestsUi.tab.value = id;
    queueMicrotask(() => document.getElementById(`subtab-${id}`)?.focus());
  };
  return (
    <div role="tablist" aria-label="Audit views" class="subtabs">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`subtab-${t.id}`}
          data-testid={`subtab-${t.id}`}
          aria-selected={active === t.id}
          aria-controls="requests-body"
          tabIndex={active === t.id ? 0 : -1}
          class={`subtab${active === t.id ? ' active' : ''}`}
          onClick={() => (requestsUi.tab.value = t.id)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
            const next = TABS[(i + 1) % TABS.length];
            if (next) go(next.id);
          }}
        >
          {t.label}
          {t.id === 'coverage' && (
            <span class="tab-pct" data-testid="coverage-summary" title="In-scope requests that carry the current token">
              {' '}
              {coverage}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
