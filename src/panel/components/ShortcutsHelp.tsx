import { useEffect, useRef } from 'preact/hooks';
import { HELP_KEY, listenForShortcuts, shortcuts, type ShortcutRegistry, type ShownShortcut } from '../shortcuts.ts';
import './shortcuts-help.css';

/** Keys the panel itself handles, always listed after what the views register. */
const BUILT_IN: readonly ShownShortcut[] = [
  { key: '← →', description: 'Switch area (when the tab bar has focus)', group: 'General' },
  { key: HELP_KEY, description: 'Show or hide this help', group: 'General' },
  { key: 'Esc', description: 'Close this help', group: 'General' },
];

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The "?" button in the top bar and the keyboard-shortcut popover it opens. Mounting it also starts
 * the panel's one shortcut listener. `?` toggles it, Esc closes it, Tab stays inside while open,
 * and focus goes back where it was on close.
 */
export function ShortcutsHelp({ registry = shortcuts }: { registry?: ShortcutRegistry }) {
  const open = registry.helpOpen.value;
  const dialog = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => listenForShortcuts(document, registry), [registry]);

  useEffect(() => {
    if (open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    } else if (returnTo.current) {
      returnTo.current.focus();
      returnTo.current = null;
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
            <header class="shortcuts-head">
              <h2 id="shortcuts-title">Keyboard shortcuts</h2>
              <button type="button" data-testid="shortcuts-close" onClick={close}>
                Close
              </button>
            </header>
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

function trapTab(e: KeyboardEvent, container: HTMLElement | null): void {
  if (!container) return;
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !container.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !container.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}
