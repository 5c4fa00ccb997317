// Hostile text as an attacker writes it: a prefix that puts a parser into its costly state, a short
// pattern repeated up to the size, and a suffix that makes the match fail at the very end.
import fc from 'fast-check';

export const MAX_SIZE = 64 * 1024;

const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

const UNITS = [
  '\n',
  '\r\n',
  ' ',
  '\t',
  '(',
  ')',
  '.',
  '@',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  ':',
  '/',
  '\\',
  '*',
  '-',
  '=',
  ',',
  '%',
  '?',
  '&',
  '#',
  'a',
  'Z',
  '0',
  '9',
  '_',
  '$',
  'я',
  'ع',
  '中',
  '😀',
  '\u200b',
  '\u202e',
  'at ',
  ' at ',
  'panic: ',
  'Error',
  'Exception',
  '.go',
  '{"a":',
  '[[',
  'File "',
  'Caused by: ',
  'goroutine 1 [running]:',
  'openReplaySessionToken=',
  'status=',
  ' (',
  ':1',
];

const PREFIXES = [
  '',
  `[openReplaySessionToken=${TOKEN}] `,
  'panic: ',
  '    at ',
  'at a (',
  'Traceback (most recent call last):\n',
  'a@',
  '  File "',
  'status=',
  'level=',
  'Caused by: ',
  'goroutine 1 [running]:\n',
  'main.f(',
  'https://h.example/',
  '{"a":',
  '"GET ',
  'ERROR ',
  'java.lang.IllegalStateException: ',
  'created by ',
  'openReplaySessionToken=',
];

const SUFFIXES = ['', '@x', ')', ':1:1)', '\n', '"', ' HTTP/1.1" 500', '.go:12', ']', 'Exception', '!', '\u0000'];

export interface HostileCase {
  prefix: string;
  pattern: string;
  suffix: string;
  size: number;
}

export const hostileCase: fc.Arbitrary<HostileCase> = fc.record({
  prefix: fc.constantFrom(...PREFIXES),
  pattern: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 4 }).map((units) => units.join('')),
  suffix: fc.constantFrom(...SUFFIXES),
  size: fc.oneof(fc.constant(MAX_SIZE), fc.integer({ min: 4 * 1024, max: MAX_SIZE })),
});

function fill(pattern: string, length: number): string {
  if (length <= 0) return '';
  return pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
}

export function hostileText(c: HostileCase): string {
  return c.prefix + fill(c.pattern, c.size - c.prefix.length - c.suffix.length) + c.suffix;
}

const BENIGN_LINE = 'GET /api/users/123 status=200 user=alice took 12ms region=eu-west-1 build=4f2a9c ok\n';

/** Ordinary text of the same size: words, numbers and a newline every line. */
export function benignText(size: number): string {
  return fill(BENIGN_LINE, size);
}

/** Known attacks, always tried first (random search alone seldom finds an exact trigger). */
export const KNOWN_ATTACKS: HostileCase[] = [
  { prefix: `[openReplaySessionToken=${TOKEN}]`, pattern: '\n', suffix: '', size: MAX_SIZE },
  { prefix: 'panic: ', pattern: ' ', suffix: '!', size: MAX_SIZE },
  { prefix: 'a@', pattern: '.', suffix: '@x', size: MAX_SIZE },
  { prefix: 'https://h.example/', pattern: '/a', suffix: '!', size: MAX_SIZE },
  { prefix: 'main.f', pattern: '(', suffix: ' !', size: MAX_SIZE },
  { prefix: '', pattern: ' \n', suffix: 'x', size: MAX_SIZE },
  { prefix: '    at ', pattern: 'a (', suffix: '!', size: MAX_SIZE },
  { prefix: '{"a":', pattern: '{"a":', suffix: '', size: MAX_SIZE },
  { prefix: '', pattern: '[[', suffix: '', size: MAX_SIZE },
  { prefix: 'java.lang.', pattern: 'a.', suffix: '!', size: MAX_SIZE },
  { prefix: 'status', pattern: ' ', suffix: '=', size: MAX_SIZE },
  { prefix: '', pattern: '"GET a', suffix: '', size: MAX_SIZE },
  { prefix: 'openReplaySessionToken=', pattern: 'openReplaySessionToken=', suffix: '', size: MAX_SIZE },
];
