import type Tracker from '@openreplay/tracker';
import type { DemoPageConfig } from '../page-config.ts';
import { FLOWS, FORCE_NEW_FLOW } from './flows.ts';
import type { Flow, FlowEnv, FlowOutcome } from './flows.ts';

const FIRST_TOKEN_KEY = 'demo:firstToken';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function sessionRow(label: string, testId: string): [HTMLElement, HTMLElement] {
  const row = el('div', { class: 'session-row' });
  const value = el('code', { 'data-testid': testId }, '—');
  row.append(el('span', { class: 'session-label' }, label), value);
  return [row, value];
}

function showOutcome(output: HTMLElement, outcome: FlowOutcome): void {
  output.dataset.status = String(outcome.status);
  output.textContent = outcome.text;
  output.className = `result ${outcome.status === 'blocked' || (typeof outcome.status === 'number' && outcome.status >= 400) ? 'bad' : 'good'}`;
}

/** Session facts, the flow buttons and "run all" for a page whose tracker is `tracker`. */
export function mountTrackerPage(
  root: HTMLElement,
  tracker: Tracker,
  config: DemoPageConfig,
  flows: readonly Flow[] = FLOWS,
): void {
  const session = el('section', { class: 'session', 'aria-label': 'OpenReplay session' });
  const [tokenRow, tokenValue] = sessionRow('Session token', 'token');
  const [idRow, idValue] = sessionRow('Session id', 'session-id');
  const [firstRow, firstValue] = sessionRow('First token in this tab', 'first-token');
  session.append(tokenRow, idRow, firstRow);

  const refreshSession = (): void => {
    const token = tracker.getSessionToken() ?? undefined;
    const id = tracker.getSessionID() ?? undefined;
    // Only a started session counts: before start() the tracker may still hold last page's token.
    if (token && id && !sessionStorage.getItem(FIRST_TOKEN_KEY)) sessionStorage.setItem(FIRST_TOKEN_KEY, token);
    tokenValue.textContent = id && token ? token : '—';
    idValue.textContent = id ?? '—';
    firstValue.textContent = sessionStorage.getItem(FIRST_TOKEN_KEY) ?? '—';
  };
  const env: FlowEnv = {
    config,
    tracker,
    firstToken: () => sessionStorage.getItem(FIRST_TOKEN_KEY) ?? undefined,
    refreshSession,
  };

  const list = el('ol', { class: 'flows' });
  const outputs = new Map<string, HTMLElement>();
  const run = async (flow: Flow): Promise<void> => {
    const output = outputs.get(flow.id);
    if (!output) return;
    output.dataset.status = 'running';
    output.textContent = '…';
    showOutcome(output, await flow.run(env));
  };
  for (const flow of flows === FLOWS ? [...FLOWS, FORCE_NEW_FLOW] : flows) {
    const button = el('button', { type: 'button', 'data-testid': flow.id }, flow.label);
    const output = el('output', { 'data-testid': `result-${flow.id}`, class: 'result' });
    outputs.set(flow.id, output);
    button.addEventListener('click', () => void run(flow));
    const item = el('li', { class: 'flow' });
    item.append(button, el('span', { class: 'hint' }, flow.hint), output);
    list.append(item);
  }

  const runAll = el(
    'button',
    { type: 'button', 'data-testid': 'run-all', class: 'primary' },
    `Run all (1–${flows.length})`,
  );
  const done = el('span', { 'data-testid': 'run-all-done', class: 'done' });
  runAll.addEventListener('click', () => {
    done.textContent = '';
    void (async () => {
      for (const flow of flows) await run(flow);
      done.textContent = 'done';
    })();
  });
  const bar = el('div', { class: 'run-all' });
  bar.append(runAll, done);

  root.append(session, bar, list);
  refreshSession();
  // The tracker can restart on its own (expiry, 401 on a batch): keep the shown token current.
  setInterval(refreshSession, 500);
}
