/**
 * Keyword search works on terms: the message is lowercased and split at every character that is
 * not a letter, digit or underscore. A keyword or phrase matches when its own terms appear as
 * consecutive terms of the message. So `abc-def` also matches `…=abc-def-other` and `ABC.DEF`,
 * exactly the looseness that forces the client to re-check the exact tag.
 */
const TERM_SPLIT = /[^\p{L}\p{N}_]+/u;
const TERM_SPLIT_KEEP_STAR = /[^\p{L}\p{N}_*]+/u;

export function termsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(TERM_SPLIT)
    .filter((t) => t.length > 0);
}

/** Terms of a bare keyword, where `*` stays part of a term as a wildcard. */
export function patternTermsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(TERM_SPLIT_KEEP_STAR)
    .filter((t) => t.length > 0);
}

/** Case-insensitive glob (`*` = any run of characters) compiled once. */
export function globMatcher(pattern: string): (value: string) => boolean {
  if (!pattern.includes('*')) {
    const lower = pattern.toLowerCase();
    return (value) => value.toLowerCase() === lower;
  }
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const re = new RegExp(`^${source}$`, 'is');
  return (value) => re.test(value);
}

/** Does `needle` (term patterns) occur as a consecutive run inside `haystack` (message terms)? */
export function containsTermRun(
  haystack: readonly string[],
  needle: ReadonlyArray<(term: string) => boolean>,
): boolean {
  if (needle.length === 0) return false;
  const last = haystack.length - needle.length;
  for (let i = 0; i <= last; i++) {
    let ok = true;
    for (let j = 0; j < needle.length; j++) {
      const test = needle[j];
      const term = haystack[i + j];
      if (test === undefined || term === undefined || !test(term)) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}
