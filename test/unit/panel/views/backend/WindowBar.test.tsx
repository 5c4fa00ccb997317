// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { WindowBar } from '../../../../../src/panel/views/backend/WindowBar.tsx';

afterEach(cleanup);

describe('WindowBar', () => {
  it('shows the next window with its basis, widens and resets', () => {
    const onWiden = vi.fn();
    const onReset = vi.fn();
    const { rerender } = render(
      <WindowBar window={{ from: 1000, to: 2000, basis: 'session-id' }} onWiden={onWiden} onReset={onReset} />,
    );
    const next = screen.getByTestId('next-window');
    expect(next.getAttribute('data-from')).toBe('1000');
    expect(next.getAttribute('data-to')).toBe('2000');
    expect(next.textContent).toContain("(from the session id's start to the maximum session length)");
    expect(screen.queryByTestId('reset-window')).toBeNull();
    fireEvent.click(screen.getByTestId('widen-window'));
    expect(onWiden).toHaveBeenCalledTimes(1);
    rerender(
      <WindowBar
        window={{ from: 0, to: 3000, basis: 'session-id', widenedMs: 7200_000 }}
        onWiden={onWiden}
        onReset={onReset}
      />,
    );
    expect(screen.getByTestId('next-window').textContent).toContain('widened by 2 h on each side');
    fireEvent.click(screen.getByTestId('reset-window'));
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});
