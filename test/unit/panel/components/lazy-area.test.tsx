// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { lazyArea } from '../../../../src/panel/components/lazy-area.tsx';
import { settle } from '../../../support/panel-harness.tsx';

afterEach(cleanup);

function Timeline() {
  return <h2>Timeline area</h2>;
}

describe('lazyArea', () => {
  it('says it is loading, shows the area when its code is in, and loads it only once', async () => {
    let release!: () => void;
    const load = vi.fn(
      () =>
        new Promise<typeof Timeline>((resolve) => {
          release = () => resolve(Timeline);
        }),
    );
    const Area = lazyArea(load, 'Timeline');
    const first = render(<Area />);
    expect(screen.getByRole('status').textContent).toBe('Loading Timeline…');
    release();
    await settle();
    expect(screen.getByRole('heading').textContent).toBe('Timeline area');
    first.unmount();
    // Shown again later: at once, without a second load or a loading line.
    render(<Area />);
    expect(screen.getByRole('heading').textContent).toBe('Timeline area');
    expect(screen.queryByRole('status')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('an area left while it loads does not fail when its code arrives', async () => {
    let release!: () => void;
    const Area = lazyArea(
      () =>
        new Promise<typeof Timeline>((resolve) => {
          release = () => resolve(Timeline);
        }),
      'Settings',
    );
    const view = render(<Area />);
    view.unmount();
    release();
    await settle();
    render(<Area />);
    expect(screen.getByRole('heading').textContent).toBe('Timeline area');
  });
});
