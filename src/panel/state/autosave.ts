import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';

/** What a save answered: `message` says what went wrong when `ok` is false. */
export interface SaveResult {
  ok: boolean;
  message: string;
}

/** One message per field that is wrong; fields without an entry are fine. */
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  /** Nothing new could be saved: a field in this section is wrong (its error is beside it). */
  | { state: 'invalid' }
  | { state: 'failed'; message: string };

export interface AutosaveOptions<T> {
  /** The stored value as it is known now (null until loaded). */
  stored: ReadonlySignal<T | null>;
  validate(draft: T): FieldErrors<T>;
  /** Writes the whole object; called one at a time, in order. */
  save(next: T): Promise<SaveResult>;
  /** Changes when the stored value means something else (another site): drafts are then dropped. */
  identity?: ReadonlySignal<string>;
}

export interface Autosave<T> {
  /** What the form shows: kept in the model, so switching areas loses nothing (not even a wrong field). */
  draft: ReadonlySignal<T | null>;
  errors: ReadonlySignal<FieldErrors<T>>;
  /** Per section of the form, the outcome of its last change. */
  status: ReadonlySignal<Readonly<Record<string, SaveStatus>>>;
  /** Sets one field and saves every field that is valid; wrong fields keep their stored value. */
  set<K extends keyof T>(key: K, value: T[K], section: string): void;
  /** Resolves when every save asked for so far is done (tests, and "wait before closing"). */
  settled(): Promise<void>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Save-as-you-go for one stored settings object. Every change is validated per field; the valid
 * ones are written at once (one write at a time, the latest draft wins), the wrong ones stay in the
 * draft with their error until fixed. A stored value that changes elsewhere is taken over for the
 * fields the user has not changed since, but never while our own writes are under way (a late
 * answer would otherwise undo what was typed since).
 */
export function createAutosave<T extends object>(opts: AutosaveOptions<T>): Autosave<T> {
  const draft = signal<T | null>(null);
  const status = signal<Readonly<Record<string, SaveStatus>>>({});
  const errors = computed(() => (draft.value ? opts.validate(draft.value) : {}));
  let base: T | null = null;
  let pending = 0;
  let chain: Promise<void> = Promise.resolve();
  let identity = opts.identity?.peek();

  const setStatus = (section: string, s: SaveStatus) => (status.value = { ...status.value, [section]: s });

  /** The stored value with every valid field of the draft put in. */
  function merged(current: T, stored: T): T {
    const errs = opts.validate(current);
    const next = { ...stored };
    for (const key of Object.keys(current) as (keyof T)[]) if (!errs[key]) next[key] = current[key];
    return next;
  }

  function adopt(stored: T): void {
    const id = opts.identity?.peek();
    if (id !== identity) {
      identity = id;
      base = stored;
      draft.value = stored;
      status.value = {};
      return;
    }
    if (pending > 0) return;
    const current = draft.peek();
    const before = base;
    base = stored;
    if (!current || !before) {
      draft.value = stored;
      return;
    }
    // A field the user changed and that is not stored yet (wrong, or its save failed) stays as
    // typed; every other field follows storage.
    const next = { ...stored };
    for (const key of Object.keys(current) as (keyof T)[])
      if (!same(current[key], before[key])) next[key] = current[key];
    if (!same(next, current)) draft.value = next;
  }

  effect(() => {
    const stored = opts.stored.value;
    // Read only to subscribe: a new identity (another site) re-adopts the stored value.
    void opts.identity?.value;
    if (stored) adopt(stored);
  });

  function set<K extends keyof T>(key: K, value: T[K], section: string): void {
    const current = draft.peek();
    if (!current || !base) return;
    const next = { ...current, [key]: value };
    draft.value = next;
    if (opts.validate(next)[key]) {
      setStatus(section, { state: 'invalid' });
      return;
    }
    if (pending === 0 && same(merged(next, base), base)) {
      setStatus(section, { state: 'saved' });
      return;
    }
    pending++;
    setStatus(section, { state: 'saving' });
    chain = chain.then(async () => {
      const latest = draft.peek();
      const stored = base;
      let result: SaveResult = { ok: true, message: '' };
      if (latest && stored) {
        const write = merged(latest, stored);
        if (!same(write, stored)) {
          result = await opts
            .save(write)
            .catch((e: unknown) => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));
          if (result.ok) base = write;
        }
      }
      pending--;
      setStatus(section, result.ok ? { state: 'saved' } : { state: 'failed', message: result.message });
      const now = opts.stored.peek();
      if (pending === 0 && now) adopt(now);
    });
  }

  return { draft, errors, status, set, settled: () => chain };
}
