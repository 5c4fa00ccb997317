import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import { createAutosave, type SaveResult } from '../../../../src/panel/state/autosave.ts';

interface S {
  name: string;
  count: number;
  on: boolean;
}
const validate = (s: S) => ({
  ...(s.name.includes('!') ? { name: 'No "!" in a name.' } : {}),
  ...(s.count < 0 ? { count: 'Not below 0.' } : {}),
});

/** A store whose writes finish only when the test says so, like a port to the background. */
function harness(initial: S = { name: 'a', count: 1, on: false }) {
  const stored = signal<S | null>(initial);
  const identity = signal('site-1');
  const writes: S[] = [];
  const answers: Array<(r: SaveResult) => void> = [];
  let failNext: string | null = null;
  const form = createAutosave<S>({
    stored,
    identity,
    validate,
    save: (next) =>
      new Promise((resolve) => {
        writes.push(next);
        const fail = failNext;
        failNext = null;
        answers.push((r) => {
          if (fail) return resolve({ ok: false, message: fail });
          stored.value = { ...next };
          resolve(r);
        });
      }),
  });
  const answerAll = async () => {
    let done = false;
    void form.settled().then(() => (done = true));
    while (!done) {
      await new Promise((r) => setTimeout(r, 0));
      answers.shift()?.({ ok: true, message: '' });
    }
  };
  return { form, stored, identity, writes, answerAll, failWith: (m: string) => (failNext = m) };
}

describe('createAutosave', () => {
  it('saves a valid change at once and says so for that section only', async () => {
    const h = harness();
    h.form.set('count', 5, 'numbers');
    expect(h.form.status.value).toEqual({ numbers: { state: 'saving' } });
    await h.answerAll();
    expect(h.writes).toEqual([{ name: 'a', count: 5, on: false }]);
    expect(h.form.status.value).toEqual({ numbers: { state: 'saved' } });
    expect(h.form.draft.value).toEqual({ name: 'a', count: 5, on: false });
  });

  it('keeps a wrong field in the draft with its error, and saves the other fields without it', async () => {
    const h = harness();
    h.form.set('name', 'bad!', 'names');
    expect(h.form.errors.value).toEqual({ name: 'No "!" in a name.' });
    expect(h.form.status.value.names).toEqual({ state: 'invalid' });
    expect(h.writes).toEqual([]);
    h.form.set('on', true, 'flags');
    await h.answerAll();
    expect(h.writes).toEqual([{ name: 'a', count: 1, on: true }]);
    // The stored answer came back; the wrong text is still there to fix.
    expect(h.form.draft.value).toEqual({ name: 'bad!', count: 1, on: true });
    h.form.set('name', 'good', 'names');
    await h.answerAll();
    expect(h.writes.at(-1)).toEqual({ name: 'good', count: 1, on: true });
    expect(h.form.errors.value).toEqual({});
  });

  it('writes one at a time and a late answer never undoes what was typed since', async () => {
    const h = harness();
    h.form.set('name', 'ab', 'names');
    h.form.set('name', 'abc', 'names');
    h.form.set('name', 'abcd', 'names');
    await h.answerAll();
    expect(h.form.draft.value?.name).toBe('abcd');
    expect(h.writes.at(-1)?.name).toBe('abcd');
    expect(h.stored.value?.name).toBe('abcd');
    expect(h.form.status.value.names).toEqual({ state: 'saved' });
  });

  it('says why a save failed and keeps the value, which the next change saves', async () => {
    const h = harness();
    h.failWith('Storage is full.');
    h.form.set('count', 7, 'numbers');
    await h.answerAll();
    expect(h.form.status.value.numbers).toEqual({ state: 'failed', message: 'Storage is full.' });
    expect(h.form.draft.value?.count).toBe(7);
    h.form.set('on', true, 'flags');
    await h.answerAll();
    expect(h.writes.at(-1)).toEqual({ name: 'a', count: 7, on: true });
  });

  it('follows a change made elsewhere for the fields the user has not touched', async () => {
    const h = harness();
    h.form.set('count', -1, 'numbers');
    h.stored.value = { name: 'from another window', count: 3, on: true };
    expect(h.form.draft.value).toEqual({ name: 'from another window', count: -1, on: true });
  });

  it('starts over when the stored value belongs to another site', () => {
    const h = harness();
    h.form.set('count', -1, 'numbers');
    h.identity.value = 'site-2';
    h.stored.value = { name: 'b', count: 2, on: false };
    expect(h.form.draft.value).toEqual({ name: 'b', count: 2, on: false });
    expect(h.form.status.value).toEqual({});
  });
});
