// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { StartFact } from '../../../../../src/panel/views/session/StartFact.tsx';
import { makeFlakeId } from '../../../../../src/core/session/session-id.ts';

const NOW = Date.UTC(2026, 10, 28, 10, 0, 0);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('StartFact', () => {
  it('shows the start the id encodes, in UTC and how long ago', () => {
    vi.useFakeTimers({ now: NOW });
    const start = Date.UTC(2026, 10, 27, 9, 31, 2, 400);
    render(<StartFact sessionId={makeFlakeId(start, 7, 1).toString()} knownStart={undefined} />);
    expect(screen.getByTestId('session-start').textContent).toBe('started 2026-11-27 09:31:02 UTC, 1 day ago');
    expect(screen.getByText('(from the session id)')).toBeTruthy();
  });

  it('says an id holds no plausible start rather than guessing, unless the ingest told the start', () => {
    vi.useFakeTimers({ now: NOW });
    const { unmount } = render(<StartFact sessionId="18446744073709551615" knownStart={undefined} />);
    const text = screen.getByTestId('session-start');
    expect(text.textContent).toBe('no plausible start time: this id decodes to 2053-12-16, in the future');
    expect(text.className).toBe('start-implausible');
    unmount();
    render(<StartFact sessionId="7" knownStart={NOW - 3 * 3600_000} />);
    expect(screen.getByTestId('session-start').textContent).toBe('started 2026-11-28 07:00:00 UTC, 3 h ago');
    expect(screen.getByText('(from the ingest start response)')).toBeTruthy();
  });

  it("shows the new session's start at once when the session changes", () => {
    vi.useFakeTimers({ now: NOW });
    const a = makeFlakeId(NOW - 86_400_000 - 60_000, 1, 1).toString();
    const b = makeFlakeId(NOW - 5 * 60_000, 1, 1).toString();
    const { rerender } = render(<StartFact sessionId={a} knownStart={undefined} />);
    expect(screen.getByTestId('session-start').textContent).toBe('started 2026-11-27 09:59:00 UTC, 1 day ago');
    rerender(<StartFact sessionId={b} knownStart={undefined} />);
    expect(screen.getByTestId('session-start').textContent).toBe('started 2026-11-28 09:55:00 UTC, 5 min ago');
  });
});
