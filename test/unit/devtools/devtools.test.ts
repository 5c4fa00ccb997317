// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeDevtools } from '../../support/fake-devtools.ts';

// The devtools page's entry: it registers the panel and tells the host when the panel is shown.

type PanelEvents = { onShown: { addListener(l: () => void): void }; onHidden: { addListener(l: () => void): void } };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the devtools page', () => {
  it('registers the panel and probes every 2 s while it is shown, every 10 s while it is hidden', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const devtools = fakeDevtools({ evaluate: () => ({ value: undefined }) });
    const created: unknown[][] = [];
    const shown: Array<() => void> = [];
    const hidden: Array<() => void> = [];
    vi.stubGlobal('__REPLAY_LINK_DEMO__', false);
    vi.stubGlobal('chrome', {
      devtools: {
        ...devtools.api,
        panels: {
          create: (title: string, icon: string, page: string, callback: (panel: PanelEvents) => void) => {
            created.push([title, icon, page]);
            callback({
              onShown: { addListener: (l) => void shown.push(l) },
              onHidden: { addListener: (l) => void hidden.push(l) },
            });
          },
        },
      },
    });
    await import('../../../src/devtools/devtools.ts');
    expect(created).toEqual([['Replay Link', '/icons/icon-32.png', '/src/panel/panel.html']]);
    // Only the demo build lets the benchmark reach the host.
    expect('__replayLinkHost' in globalThis).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    devtools.answerHar([]);
    await vi.advanceTimersByTimeAsync(0);
    const probes = () => devtools.evaluations.filter((e) => e.expression.includes('__OPENREPLAY')).length;
    expect(probes()).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probes()).toBe(2);
    shown.forEach((l) => l());
    await vi.advanceTimersByTimeAsync(0);
    expect(probes()).toBe(3);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(probes()).toBe(4);
    hidden.forEach((l) => l());
    await vi.advanceTimersByTimeAsync(2_000);
    expect(probes()).toBe(5);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(probes()).toBe(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(probes()).toBe(6);
  });
});
