import { AREAS } from './state/areas.ts';
import type { PanelModel } from './state/model.ts';
import { useShortcut } from './shortcuts.ts';

/**
 * The panel-wide single-key shortcuts, registered by App so they work from every area and the help
 * lists them all. Each one is a named action of the panel model's `ui`.
 */
export function usePanelShortcuts({ ui }: PanelModel): void {
  useShortcut('/', 'Filter requests', 'Requests', () => ui.focusRequestFilter());
  useShortcut('j', 'Next request', 'Requests', () => ui.moveRequestSelection('j'));
  useShortcut('k', 'Previous request', 'Requests', () => ui.moveRequestSelection('k'));
  useShortcut('e', 'Export: show the Markdown report to copy', 'Requests', () => ui.openReport());
  useShortcut('s', 'Search SumoLogic for this session', 'Backend errors', () => ui.searchCurrentSession());
  // Fixed count, fixed order: hooks in a loop are called the same way on every render.
  for (const [i, area] of AREAS.entries()) {
    useShortcut(String(i + 1), `Go to ${area.label}`, 'Areas', () => {
      ui.goToArea(area.id);
      // The focus may have been inside the area just unmounted: put it on the new area's tab.
      queueMicrotask(() => document.getElementById(`tab-${area.id}`)?.focus());
    });
  }
}
