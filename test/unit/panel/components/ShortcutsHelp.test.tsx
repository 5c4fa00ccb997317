// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { ShortcutsHelp } from '../../../../src/panel/components/ShortcutsHelp.tsx';
import { ShortcutRegistry } from '../../../../src/panel/shortcuts.ts';
import { settle } from '../../../support/panel-harness.tsx';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

function withRegistry() {
  const registry = new ShortcutRegistry();
  registry.register({ key: '/', description: 'Filter requests', group: 'Requests', run: () => {} });
  registry.register({ key: 's', description: 'Search the session', group: 'Backend', run: () => {} });
  const outside = document.createElement('button');
  outside.textContent = 'outside';
  document.body.append(outside);
  render(<ShortcutsHelp registry={registry} />);
  return { registry, outside };
}

describe('ShortcutsHelp', () => {
  it('the ? button opens a modal dialog listing the registered and built-in keys by group', async () => {
    withRegistry();
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    fireEvent.click(button);
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(dialog)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Requests', 'Backend', 'Timeline', 'General']);
    const backend = within(dialog).getByRole('region', { name: 'Backend' });
    expect(
      within(backend)
        .getAllByTestId('shortcut-row')
        .map((r) => r.textContent),
    ).toEqual(['sSearch the session']);
    expect(within(dialog).getAllByTestId('shortcut-row')[0]?.textContent).toBe('/Filter requests');
    // The focus moves into the dialog.
    expect(document.activeElement?.textContent).toBe('Close');
  });

  it('the ? key toggles it from anywhere but a text field, and Esc closes it, focus going back', async () => {
    const { outside } = withRegistry();
    outside.focus();
    fireEvent.keyDown(document, { key: '?' });
    await settle();
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(outside);

    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    fireEvent.keyDown(field, { key: '?' });
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps Tab inside the dialog', async () => {
    withRegistry();
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    await settle();
    const close = screen.getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
  });

  it('Close and a click on the backdrop close it', async () => {
    const { registry } = withRegistry();
    registry.helpOpen.value = true;
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    registry.helpOpen.value = true;
    await settle();
    fireEvent.click(screen.getByRole('dialog').parentElement as HTMLElement);
    await settle();
    expect(registry.helpOpen.value).toBe(false);
  });
});
