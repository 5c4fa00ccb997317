// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { CopyButton } from '../../../../src/panel/components/CopyButton.tsx';
import { settle } from '../../../support/panel-harness.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** What document.execCommand('copy') copied, as the selection held it. */
function clipboardByExecCommand(works: boolean) {
  const copied: string[] = [];
  Object.defineProperty(document, 'execCommand', {
    configurable: true,
    value: (command: string) => {
      const area = document.querySelector('textarea.copy-buffer') as HTMLTextAreaElement | null;
      if (command === 'copy' && works && area) copied.push(area.value);
      return works;
    },
  });
  return copied;
}

describe('CopyButton', () => {
  it('is named for what it copies, copies the text, and says Copied for 2 s', async () => {
    const copied = clipboardByExecCommand(true);
    render(<CopyButton text="a.b.c.d" label="Copy the session token" testId="copy-token" />);
    const button = screen.getByRole('button', { name: 'Copy the session token' });
    expect(button.textContent).toBe('Copy');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(button);
    await act(async () => {
      await Promise.resolve();
    });
    expect(copied).toEqual(['a.b.c.d']);
    expect(button.textContent).toBe('Copied');
    // The result is the name now, announced politely; the temporary textarea is gone.
    expect(button.getAttribute('aria-label')).toBeNull();
    expect(button.getAttribute('aria-live')).toBe('polite');
    expect(document.querySelector('textarea.copy-buffer')).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1999);
    });
    expect(button.textContent).toBe('Copied');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(button.textContent).toBe('Copy');
    expect(button.getAttribute('aria-label')).toBe('Copy the session token');
  });

  it('falls back to the Clipboard API when the selection path is refused', async () => {
    clipboardByExecCommand(false);
    const writeText = vi.fn(async (_: string) => {});
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    render(<CopyButton text="q" label="Copy the query" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy the query' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith('q');
    expect(screen.getByRole('button').textContent).toBe('Copied');
  });

  it('says how to copy by hand when no way of copying works', async () => {
    clipboardByExecCommand(false);
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({
      writeText: () => Promise.reject(new Error('not allowed')),
    } as unknown as Clipboard);
    render(<CopyButton text="q" label="Copy the query" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy the query' }));
    await settle();
    expect(screen.getByRole('button').textContent).toBe('Copy failed: select and copy by hand');
  });
});
