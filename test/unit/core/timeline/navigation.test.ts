import { describe, expect, it } from 'vitest';
import { keyView, shownRange, wheelView, zoomMiddle } from '../../../../src/core/timeline/navigation.ts';
import { scale } from '../../../../src/core/timeline/scale.ts';

const BOUNDS = { from: 0, to: 10_000 };
const SHOWN = { from: 1000, to: 2000 };
const keys = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyView', () => {
  it('zooms around the middle, pans a fifth, and 0 shows everything', () => {
    expect(keyView(keys('-'), SHOWN, BOUNDS)).toEqual({ view: { from: 750, to: 2250 } });
    expect(keyView(keys('_'), SHOWN, BOUNDS)).toEqual({ view: { from: 750, to: 2250 } });
    const zoomedIn = keyView(keys('+'), SHOWN, BOUNDS)?.view;
    expect([zoomedIn?.from.toFixed(3), zoomedIn?.to.toFixed(3)]).toEqual(['1166.667', '1833.333']);
    expect(keyView(keys('='), SHOWN, BOUNDS)).toEqual(keyView(keys('+'), SHOWN, BOUNDS));
    expect(keyView(keys('ArrowLeft'), SHOWN, BOUNDS)).toEqual({ view: { from: 800, to: 1800 } });
    expect(keyView(keys('ArrowRight'), SHOWN, BOUNDS)).toEqual({ view: { from: 1200, to: 2200 } });
    expect(keyView(keys('0'), SHOWN, BOUNDS)).toEqual({ view: null });
  });

  it('leaves other keys and modified keys to the browser', () => {
    expect(keyView(keys('a'), SHOWN, BOUNDS)).toBeUndefined();
    expect(keyView(keys('+', { ctrlKey: true }), SHOWN, BOUNDS)).toBeUndefined();
    expect(keyView(keys('0', { metaKey: true }), SHOWN, BOUNDS)).toBeUndefined();
    expect(keyView(keys('ArrowLeft', { altKey: true }), SHOWN, BOUNDS)).toBeUndefined();
  });

  it('keeps the view inside the bounds', () => {
    expect(keyView(keys('ArrowLeft'), { from: 0, to: 1000 }, BOUNDS)).toEqual({ view: { from: 0, to: 1000 } });
    expect(zoomMiddle({ from: 0, to: 10_000 }, 1 / 1.5, BOUNDS)).toEqual({ from: 0, to: 10_000 });
  });
});

describe('wheelView', () => {
  // 1000 px for the 1000 ms shown, starting 78 px from the left: x 578 is t 1500.
  const sc = scale(SHOWN, 78, 1000);

  it('zooms around the time under the pointer: in when turned up, out when turned down', () => {
    expect(wheelView({ deltaX: 0, deltaY: -100, shiftKey: false, x: 578 }, SHOWN, BOUNDS, sc)).toEqual({
      from: 1100,
      to: 1900,
    });
    expect(wheelView({ deltaX: 0, deltaY: 100, shiftKey: false, x: 78 }, SHOWN, BOUNDS, sc)).toEqual({
      from: 1000,
      to: 2250,
    });
  });

  it('pans on a sideways turn, or with Shift held', () => {
    expect(wheelView({ deltaX: 250, deltaY: 10, shiftKey: false, x: 578 }, SHOWN, BOUNDS, sc)).toEqual({
      from: 1500,
      to: 2500,
    });
    expect(wheelView({ deltaX: 0, deltaY: -100, shiftKey: true, x: 578 }, SHOWN, BOUNDS, sc)).toEqual({
      from: 800,
      to: 1800,
    });
  });
});

describe('shownRange', () => {
  it('is everything until the user zooms, then the zoom kept inside the bounds', () => {
    expect(shownRange(null, BOUNDS)).toEqual(BOUNDS);
    expect(shownRange({ from: 9500, to: 10_500 }, BOUNDS)).toEqual({ from: 9000, to: 10_000 });
  });
});
