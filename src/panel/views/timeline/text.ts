import { inertText } from '../../../core/audit/mask.ts';
import { removeSessionTags } from '../../../core/logs/parse.ts';
import type { HintMatch } from '../../../core/linking/hint.ts';

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

export const MATCH_TEXT: Readonly<Record<HintMatch, string>> = {
  path: 'same method and path',
  route: 'same route',
  suffix: 'path behind a prefix',
  method: 'same method, by time',
  time: 'by time only',
  none: 'other endpoint',
};

export function ms(n: number): string {
  return n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(1)} s`;
}
