import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Autosave, SaveStatus } from '../../state/autosave.ts';
import { Field } from './Field.tsx';

/** One section of a settings form: the fields it shows share its "Saved" status. */
export interface Section<T> {
  form: Autosave<T>;
  name: string;
  draft: T;
  error(key: keyof T): string | null;
  set<K extends keyof T>(key: K, value: T[K]): void;
}

/** Binds a section of `form` for this render; null until the stored value has loaded. */
export function useSection<T>(form: Autosave<T>, name: string): Section<T> | null {
  const draft = form.draft.value;
  const errors = form.errors.value;
  if (!draft) return null;
  return { form, name, draft, error: (key) => errors[key] ?? null, set: (key, value) => form.set(key, value, name) };
}

type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];

interface ControlProps<T, K> {
  section: Section<T>;
  name: K;
  /** Also the control's test id. */
  id: string;
  label: string;
  hint?: string;
}

export function TextSetting<T>(props: ControlProps<T, KeysOf<T, string>> & { url?: boolean }) {
  const { section, name, id } = props;
  const common = {
    id,
    'data-testid': id,
    spellcheck: false,
    'aria-invalid': section.error(name) ? true : undefined,
    value: section.draft[name] as string,
    onInput: (e: Event) => section.set(name, (e.currentTarget as HTMLInputElement).value as T[typeof name]),
  };
  return (
    <Field label={props.label} id={id} hint={props.hint} error={section.error(name)}>
      {props.url ? <input type="url" {...common} /> : <input {...common} />}
    </Field>
  );
}

const SPLIT = { comma: /[\s,]+/, line: /\n/ } as const;
const JOIN = { comma: ', ', line: '\n' } as const;

/**
 * A list edited as text. The text is kept as typed (a trailing comma or an empty last line while
 * typing) and only re-read from the value when the value changes elsewhere.
 */
export function ListSetting<T>(props: ControlProps<T, KeysOf<T, string[]>> & { by: 'comma' | 'line'; rows?: number }) {
  const { section, name, id, by } = props;
  const value = section.draft[name] as string[];
  const parse = (text: string) =>
    text
      .split(SPLIT[by])
      .map((s) => s.trim())
      .filter(Boolean);
  const [text, setText] = useState(() => value.join(JOIN[by]));
  useEffect(() => {
    if (parse(text).join('\n') !== value.join('\n')) setText(value.join(JOIN[by]));
  }, [value.join('\n')]);
  const onInput = (next: string) => {
    setText(next);
    section.set(name, parse(next) as T[typeof name]);
  };
  const common = {
    id,
    'data-testid': id,
    spellcheck: false,
    'aria-invalid': section.error(name) ? true : undefined,
    value: text,
  };
  return (
    <Field label={props.label} id={id} hint={props.hint} error={section.error(name)}>
      {by === 'line' ? (
        <textarea {...common} rows={props.rows ?? 3} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input {...common} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
    </Field>
  );
}

/** A whole number; what is typed stays typed (even when wrong) and is saved once it is valid. */
export function NumberSetting<T>(
  props: ControlProps<T, KeysOf<T, number>> & { min: number; max: number; unit?: string },
) {
  const { section, name, id } = props;
  const value = section.draft[name] as number;
  const [text, setText] = useState(() => String(value));
  useEffect(() => {
    if (Number(text) !== value && !(text.trim() === '' && Number.isNaN(value))) setText(String(value));
  }, [value]);
  return (
    <Field label={props.label} id={id} hint={props.hint} error={section.error(name)}>
      <div class="inline">
        <input
          id={id}
          data-testid={id}
          type="number"
          min={props.min}
          max={props.max}
          aria-invalid={section.error(name) ? true : undefined}
          value={text}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            setText(raw);
            section.set(name, (raw.trim() === '' ? Number.NaN : Number(raw)) as T[typeof name]);
          }}
        />
        {props.unit}
      </div>
    </Field>
  );
}

export function CheckSetting<T>(props: ControlProps<T, KeysOf<T, boolean>> & { text: string }) {
  const { section, name, id } = props;
  return (
    <Field label={props.label} id={id} hint={props.hint} error={section.error(name)}>
      <label class="check">
        <input
          id={id}
          data-testid={id}
          type="checkbox"
          checked={section.draft[name] as boolean}
          onChange={(e) => section.set(name, e.currentTarget.checked as T[typeof name])}
        />
        {props.text}
      </label>
    </Field>
  );
}

/** A choice among fixed values; `options` pairs each value with what the user reads. */
export function SelectSetting<T, K extends KeysOf<T, string>>(
  props: ControlProps<T, K> & { options: ReadonlyArray<readonly [T[K], string]>; children?: ComponentChildren },
) {
  const { section, name, id } = props;
  return (
    <Field label={props.label} id={id} hint={props.hint} error={section.error(name)}>
      <div class="inline">
        <select
          id={id}
          data-testid={id}
          value={section.draft[name] as string}
          onChange={(e) => {
            const picked = props.options.find(([v]) => v === e.currentTarget.value);
            if (picked) section.set(name, picked[0]);
          }}
        >
          {props.options.map(([v, label]) => (
            <option key={String(v)} value={String(v)}>
              {label}
            </option>
          ))}
        </select>
        {props.children}
      </div>
    </Field>
  );
}

const STATUS_TEXT: Record<SaveStatus['state'], string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  invalid: 'Not saved: fix the field marked below.',
  failed: 'Not saved',
};

/** A settings section: its legend, its fields, and one short line saying whether its last change was saved. */
export function SettingsSection(props: {
  form: Pick<Autosave<object>, 'status'>;
  name: string;
  legend: string;
  children: ComponentChildren;
}) {
  const status = props.form.status.value[props.name] ?? { state: 'idle' };
  const text = status.state === 'failed' ? `${STATUS_TEXT.failed}: ${status.message}` : STATUS_TEXT[status.state];
  return (
    <fieldset data-testid={`settings-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.children}
      <div class={`save-status save-${status.state}`} role="status" data-testid={`settings-${props.name}-status`}>
        {text}
      </div>
    </fieldset>
  );
}
