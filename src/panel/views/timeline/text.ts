import type { HintMatch } from '../../../core/linking/hint.ts';

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
