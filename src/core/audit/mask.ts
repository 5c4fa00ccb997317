// Masking and inert display of values that come from the page (tokens, header values, URLs).

const ELLIPSIS = '…';

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `jw4wdf…vt3q` — first 6 and last 4 characters. Short values reveal less, so that
 * masking never shows the whole secret: ≤ 12 chars keep only the first 2, ≤ 4 chars nothing.
 */
export function maskToken(token: string): string {
  // Tokens are ASCII; slicing by code units is only wrong for astral characters.
  if (!SURROGATE.test(token)) {
    if (token.length > 12) return token.slice(0, 6) + ELLIPSIS + token.slice(-4);
    if (token.length > 4) return token.slice(0, 2) + ELLIPSIS;
    return ELLIPSIS;
  }
  const chars = Array.from(token);
  if (chars.length > 12) return chars.slice(0, 6).join('') + ELLIPSIS + chars.slice(-4).join('');
  if (chars.length > 4) return chars.slice(0, 2).join('') + ELLIPSIS;
  return ELLIPSIS;
}

// Control characters, line/paragraph separators, bidi overrides and invisible characters (soft
// hyphen, zero-width space/joiners, word joiner, BOM, Arabic letter mark) all make a value lie
// about itself on screen: a token with a zero-width space in it looks like the real one.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters being neutralised
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const HAS_UNSAFE = new RegExp(UNSAFE.source);

function escapeUnsafe(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
}

/**
 * Makes invisible and layout-breaking characters visible as `\uXXXX`, and caps the length. Only
 * the shown prefix is walked: a URL or header can be megabytes long and rows render it often.
 */
export function inertText(value: string, maxLength = 200): string {
  if (value.length <= maxLength && !HAS_UNSAFE.test(value)) return value;
  let out = '';
  let count = 0;
  for (const ch of value) {
    const piece = HAS_UNSAFE.test(ch) ? escapeUnsafe(ch) : ch;
    for (const p of piece.length === 1 ? [piece] : Array.from(piece)) {
      if (count === maxLength) return `${out}${ELLIPSIS} (${value.length} chars)`;
      out += p;
      count++;
    }
  }
  return out;
}

/** A header value shown in a reason line: masked, then made inert. */
export function displayValue(value: string, reveal = false): string {
  if (value === '') return '(empty)';
  return inertText(reveal ? value : maskToken(value));
}
