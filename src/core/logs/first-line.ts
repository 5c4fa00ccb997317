import { inertText } from '../audit/mask.ts';
import { removeSessionTags } from './parse.ts';

const LEADING_TIME = /^\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?\s+/;

/**
 * The first line of a log message, tags and a leading timestamp removed (the time is shown
 * beside it), inert: rendered as a text node only.
 */
export function logFirstLine(raw: string, max = 240): string {
  return inertText(
    removeSessionTags(raw.split('\n', 1)[0] ?? '')
      .trim()
      .replace(LEADING_TIME, ''),
    max,
  );
}
