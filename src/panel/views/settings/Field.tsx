import type { ComponentChildren } from 'preact';

/** A labelled row of a settings form; the hint says what to put there, the error what is wrong. */
export function Field(props: {
  label: string;
  id: string;
  hint?: string;
  error?: string | null;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <div class="field-body">
        {props.children}
        {props.hint && <div class="hint">{props.hint}</div>}
        {props.error && (
          <div class="field-error" role="alert" data-testid={`${props.id}-error`}>
            {props.error}
          </div>
        )}
      </div>
    </div>
  );
}

export function Notice(props: { kind: 'ok' | 'bad' | 'warn' | 'info'; testid?: string; children: ComponentChildren }) {
  return (
    <div
      class={`notice notice-${props.kind}`}
      role={props.kind === 'bad' ? 'alert' : 'status'}
      data-testid={props.testid}
    >
      {props.children}
    </div>
  );
}
