// What the Timeline's toolbar, keys and mouse wheel do to the time range shown. Pure: the
// component passes the event's fields and sets the range it gets back.

import { clampRange, pan, zoom, type Range, type Scale } from './scale.ts';

/** The range shown: the user's zoom kept inside the bounds, or everything. */
export function shownRange(view: Range | null, bounds: Range): Range {
  return view === null ? bounds : clampRange(view, bounds);
}

/** Zoom by `factor` (> 1 zooms in) around the middle of the shown range (the toolbar, the keys). */
export function zoomMiddle(shown: Range, factor: number, bounds: Range): Range {
  return zoom(shown, factor, (shown.from + shown.to) / 2, bounds);
}

/**
 * What a key does to the view: a new range, `null` for "show everything", or undefined when the
 * key is not the Timeline's (modifier keys belong to the browser).
 */
export function keyView(
  key: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  shown: Range,
  bounds: Range,
): { view: Range | null } | undefined {
  if (key.ctrlKey || key.metaKey || key.altKey) return undefined;
  switch (key.key) {
    case '+':
    case '=':
      return { view: zoomMiddle(shown, 1.5, bounds) };
    case '-':
    case '_':
      return { view: zoomMiddle(shown, 1 / 1.5, bounds) };
    case '0':
      return { view: null };
    case 'ArrowLeft':
      return { view: pan(shown, -0.2, bounds) };
    case 'ArrowRight':
      return { view: pan(shown, 0.2, bounds) };
    default:
      return undefined;
  }
}

/**
 * What a wheel turn does: sideways (or with Shift) pans, otherwise zooms around the time under
 * the pointer (`x`, pixels from the picture's left edge).
 */
export function wheelView(
  wheel: { deltaX: number; deltaY: number; shiftKey: boolean; x: number },
  shown: Range,
  bounds: Range,
  sc: Scale,
): Range {
  if (wheel.shiftKey || Math.abs(wheel.deltaX) > Math.abs(wheel.deltaY))
    return pan(shown, (wheel.shiftKey ? wheel.deltaY : wheel.deltaX) / 500, bounds);
  return zoom(shown, wheel.deltaY < 0 ? 1.25 : 0.8, sc.t(wheel.x), bounds);
}
