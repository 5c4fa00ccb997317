import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { HELP_KEY, listenForShortcuts, shortcuts, type ShortcutRegistry, type ShownShortcut } from '../shortcuts.ts';
import { FOCUSABLE, trapTab } from './focus-trap.ts';
import './shortcuts-help.css';

/** Keys the panel itself handles, always listed after what the views register. */
const BUILT_IN: readonly ShownShortcut[] = [
  { key: '↑ ↓', description: 'Move through requests (when the table has focus)', group: 'Requests' },
  { key: 'Home End', description: 'First or last request (table focused)', group: 'Requests' },
  { key: 'Enter', description: 'Open the selected request', group: 'Requests' },
  { key: 'Esc', description: 'Close the request detail, or clear the filter', group: 'Requests' },
  { key: '+ − 0', description: 'Zoom in, out, fit all (timeline focused)', group: 'Timeline' },
  { key: '← →', description: 'Move the timeline earlier or later (timeline focused)', group: 'Timeline' },
  { key: '← →', description: 'Switch area (when the tab bar has focus)', group: 'General' },
  { key: HELP_KEY, description: 'Show or hide this help', group: 'General' },
  { key: 'Esc', description: 'Close this help', group: 'General' },
];

/**
 * The "?" button in the top bar and the keyboard-shortcut popover it opens. Mounting it also starts
 * the panel's one shortcut listener. `?` toggles it, Esc closes it, Tab stays inside while open,
 * and focus goes back where it was on close.
 */
export function ShortcutsHelp({ registry = shortcuts }: { registry?: ShortcutRegistry }) {
  const open = registry.helpOpen.value;
  const dialog = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** Where the focus goes on close; undefined while closed. */
  const returnTo = useRef<HTMLElement | null | undefined>(undefined);
  // Taken while rendering the opening, before any effect moves the focus (effects may run late).
  if (open && returnTo.current === undefined) {
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }

  useEffect(() => listenForShortcuts(document, registry), [registry]);

  useLayoutEffect(() => {
    if (open) {
      dialog.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    } else if (returnTo.current !== undefined) {
      // Back where it was; if that is gone (its area was left), to the "?" button.
      (returnTo.current?.isConnected ? returnTo.current : button.current)?.focus();
      returnTo.current = undefined;
    }
  }, [open]);

  const close = () => (registry.helpOpen.value = false);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      trapTab(e, dialog.current);
    }
  };

  const groups = groupShortcuts([...registry.shown.value, ...BUILT_IN]);

  return (
    <>
      <button
        ref={button}
        type="button"
        class="shortcuts-button"
        data-testid="shortcuts-button"
        aria-label="Keyboard shortcuts"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Keyboard shortcuts (?)"
        onClick={() => (registry.helpOpen.value = !open)}
      >
        ?
      </button>
      {open && (
        <div class="shortcuts-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
          <div
            ref={dialog}
            class="shortcuts-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="shortcuts-title"
            data-testid="shortcuts-dialog"
            onKeyDown={onKeyDown}
          >
            {/* Not a <header>: inside the top bar that would be a second banner landmark. */}
            <div class="shortcuts-head">
              <h2 id="shortcuts-title">Keyboard shortcuts</h2>
              <button type="button" data-testid="shortcuts-close" onClick={close}>
                Close
              </button>
            </div>
            {groups.map(([group, items]) => (
              <section key={group} aria-label={group}>
                <h3>{group}</h3>
                <dl class="shortcuts-list">
                  {items.map((s) => (
                    <div key={s.key} class="shortcut-row" data-testid="shortcut-row" data-key={s.key}>
                      <dt>
                        <kbd>{s.key}</kbd>
                      </dt>
                      <dd>{s.description}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
            <p class="muted shortcuts-note">Single keys do nothing while you type in a field.</p>
          </div>
        </div>
      )}
    </>
  );
}

function groupShortcuts(list: readonly ShownShortcut[]): Array<[string, ShownShortcut[]]> {
  const groups = new Map<string, ShownShortcut[]>();
  for (const s of list) {
    const items = groups.get(s.group) ?? [];
    items.push(s);
    groups.set(s.group, items);
  }
  return [...groups];
}
