import { describe, expect, it } from 'vitest';
import { ShortcutRegistry, isEditable, type KeyLike } from '../../../src/panel/shortcuts.ts';

function key(k: string, extra: Partial<KeyLike> = {}): KeyLike & { prevented: boolean } {
  const event = {
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target: { tagName: 'BODY' },
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
    ...extra,
  };
  return event;
}

describe('ShortcutRegistry', () => {
  it('runs the registered handler and prevents the default', () => {
    const r = new ShortcutRegistry();
    const ran: string[] = [];
    r.register({ key: 'j', description: 'Next row', group: 'Requests', run: () => ran.push('j') });
    const e = key('j');
    expect(r.dispatch(e)).toBe(true);
    expect(ran).toEqual(['j']);
    expect(e.prevented).toBe(true);
  });

  it('leaves keys alone while typing in a field, with modifiers, or when already handled', () => {
    const r = new ShortcutRegistry();
    const ran: string[] = [];
    r.register({ key: '/', description: 'Filter', group: 'Requests', run: () => ran.push('/') });
    expect(r.dispatch(key('/', { target: { tagName: 'INPUT', type: 'search' } }))).toBe(false);
    expect(r.dispatch(key('/', { target: { tagName: 'TEXTAREA' } }))).toBe(false);
    expect(r.dispatch(key('/', { target: { tagName: 'DIV', isContentEditable: true } }))).toBe(false);
    expect(r.dispatch(key('/', { ctrlKey: true }))).toBe(false);
    expect(r.dispatch(key('/', { metaKey: true }))).toBe(false);
    expect(r.dispatch(key('/', { defaultPrevented: true }))).toBe(false);
    expect(r.dispatch(key('/', { isComposing: true }))).toBe(false);
    expect(ran).toEqual([]);
    // A checkbox or a button is not a text field: the shortcut works there.
    expect(r.dispatch(key('/', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe(true);
    expect(ran).toEqual(['/']);
  });

  it("'?' toggles the help, and other shortcuts are off while it is open", () => {
    const r = new ShortcutRegistry();
    const ran: string[] = [];
    r.register({ key: 'e', description: 'Export', group: 'Requests', run: () => ran.push('e') });
    expect(r.dispatch(key('?'))).toBe(true);
    expect(r.helpOpen.value).toBe(true);
    expect(r.dispatch(key('e'))).toBe(false);
    expect(r.dispatch(key('?'))).toBe(true);
    expect(r.helpOpen.value).toBe(false);
    expect(r.dispatch(key('e'))).toBe(true);
    expect(ran).toEqual(['e']);
  });

  it('lists one entry per key, the newest registration winning, and forgets unregistered ones', () => {
    const r = new ShortcutRegistry();
    const ran: string[] = [];
    const offA = r.register({ key: 'j', description: 'Next row', group: 'Requests', run: () => ran.push('requests') });
    r.register({ key: '/', description: 'Filter requests', group: 'Requests', run: () => {} });
    const offB = r.register({
      key: 'j',
      description: 'Next error',
      group: 'Backend errors',
      run: () => ran.push('backend'),
    });
    expect(r.shown.value).toEqual([
      { key: '/', description: 'Filter requests', group: 'Requests' },
      { key: 'j', description: 'Next error', group: 'Backend errors' },
    ]);
    r.dispatch(key('j'));
    offB();
    r.dispatch(key('j'));
    offA();
    expect(r.dispatch(key('j'))).toBe(false);
    expect(ran).toEqual(['backend', 'requests']);
    expect(r.shown.value).toEqual([{ key: '/', description: 'Filter requests', group: 'Requests' }]);
  });

  it("refuses to register '?', which belongs to the help", () => {
    const r = new ShortcutRegistry();
    expect(() => r.register({ key: '?', description: 'x', group: 'x', run: () => {} })).toThrow(
      "'?' opens the shortcut help",
    );
  });
});

describe('isEditable', () => {
  it('knows text fields from other controls', () => {
    expect(isEditable({ tagName: 'input', type: 'text' })).toBe(true);
    expect(isEditable({ tagName: 'INPUT' })).toBe(true);
    expect(isEditable({ tagName: 'SELECT' })).toBe(true);
    expect(isEditable({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(isEditable({ tagName: 'BUTTON' })).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});
