import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Single-key shortcuts for the panel. Views register what a key does while they are on screen; one
 * keydown listener on the panel document dispatches; the help popover lists what is registered now.
 * No DOM at import time, so the registry is unit-tested in Node.
 */

export interface ShortcutSpec {
  /** KeyboardEvent.key, exactly: '/', 'j', 'k', 'e', '?'. */
  key: string;
  /** What it does, as the help popover shows it ("Filter requests"). */
  description: string;
  /** Heading it is listed under ("Requests", "General"). */
  group: string;
  run: () => void;
}

export interface ShownShortcut {
  key: string;
  description: string;
  group: string;
}

/** The parts of a KeyboardEvent the dispatcher reads (structural, so tests need no DOM). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  defaultPrevented: boolean;
  target: unknown;
  preventDefault(): void;
}

export const HELP_KEY = '?';

interface Registration {
  spec: ShortcutSpec;
  order: number;
}

export class ShortcutRegistry {
  readonly #registrations = new Set<Registration>();
  #order = 0;
  /** What the help popover lists; one entry per key (the newest registration wins). */
  readonly shown = signal<ShownShortcut[]>([]);
  /** Whether the help popover is open; other shortcuts are off while it is. */
  readonly helpOpen = signal(false);

  register(spec: ShortcutSpec): () => void {
    if (spec.key === HELP_KEY) throw new Error(`'${HELP_KEY}' opens the shortcut help and cannot be registered`);
    const registration: Registration = { spec, order: this.#order++ };
    this.#registrations.add(registration);
    this.#publish();
    return () => {
      if (this.#registrations.delete(registration)) this.#publish();
    };
  }

  /** The handler a key runs now, if any. */
  active(key: string): ShortcutSpec | undefined {
    let best: Registration | undefined;
    for (const r of this.#registrations) if (r.spec.key === key && (!best || r.order > best.order)) best = r;
    return best?.spec;
  }

  /** Runs the shortcut for this keydown; true when it was one (and its default was prevented). */
  dispatch(event: KeyLike): boolean {
    if (!isPlainKey(event) || isEditable(event.target)) return false;
    if (event.key === HELP_KEY) {
      event.preventDefault();
      this.helpOpen.value = !this.helpOpen.value;
      return true;
    }
    if (this.helpOpen.value) return false;
    const spec = this.active(event.key);
    if (!spec) return false;
    event.preventDefault();
    spec.run();
    return true;
  }

  #publish(): void {
    const byKey = new Map<string, Registration>();
    for (const r of this.#registrations) {
      const seen = byKey.get(r.spec.key);
      if (!seen || r.order > seen.order) byKey.set(r.spec.key, r);
    }
    this.shown.value = [...byKey.values()]
      .sort((a, b) => a.order - b.order)
      .map(({ spec }) => ({ key: spec.key, description: spec.description, group: spec.group }));
  }
}

function isPlainKey(event: KeyLike): boolean {
  return !event.defaultPrevented && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'url',
  'email',
  'password',
  'number',
  'tel',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
  '',
]);

/** Typing '/' or 'j' into a field must type it, not jump. */
export function isEditable(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has(typeof el.type === 'string' ? el.type.toLowerCase() : '');
  return false;
}

/** The panel's registry: views use it through useShortcut(). */
export const shortcuts = new ShortcutRegistry();

/** Listens for shortcut keys on a document; returns the function that stops listening. */
export function listenForShortcuts(doc: Document, registry: ShortcutRegistry = shortcuts): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    // The panel opens <dialog>s only as modals (the report), which make the rest of the panel inert:
    // keys pressed in one are its own.
    if (doc.querySelector('dialog[open]') !== null) return;
    registry.dispatch(e);
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}

/**
 * Registers a shortcut while the calling component is mounted. `run` may change on every render:
 * the latest one runs.
 *
 *   useShortcut('/', 'Filter requests', 'Requests', () => filterInput.current?.focus());
 */
export function useShortcut(
  key: string,
  description: string,
  group: string,
  run: () => void,
  registry: ShortcutRegistry = shortcuts,
): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(
    () => registry.register({ key, description, group, run: () => latest.current() }),
    [key, description, group, registry],
  );
}
