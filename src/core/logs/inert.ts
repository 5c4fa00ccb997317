// Log text is shown as text nodes only; this makes what it contains visible and keeps huge lines cheap.

export const DEFAULT_LINE_LIMIT = 4000;
/**
 * What a row of a result list shows of a line before "Expand": a list shows hundreds of rows, and
 * laying out thousands of characters (or lines) in each is what would block the panel.
 */
export const ROW_LINE_LIMIT = 1000;
export const ROW_MAX_LINES = 20;

// Soft hyphen, Arabic letter mark, zero-width and bidi controls, line/paragraph separators, BOM:
// each can hide or disguise text (a token that looks right but is not).
const BIDI_AND_INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** One character as it should be shown: C0 controls as Control Pictures (ESC → ␛), others as \uXXXX / \xNN. */
export function visibleChar(ch: string, keepNewlines = true): string {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\n') return keepNewlines ? ch : '␤';
  if (ch === '\t') return ch;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '␡';
  if (code >= 0x80 && code <= 0x9f) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (BIDI_AND_INVISIBLE.test(ch)) return `\\u${code.toString(16).padStart(4, '0')}`;
  return ch;
}

const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters being made visible
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Control, bidi-override and zero-width characters made visible; newlines and tabs kept unless asked. */
export function makeVisible(text: string, options: { keepNewlines?: boolean } = {}): string {
  const keepNewlines = options.keepNewlines ?? true;
  if (!NEEDS_WORK.test(text) && (keepNewlines || !text.includes('\n'))) return text;
  let out = '';
  for (const ch of text) out += visibleChar(ch, keepNewlines);
  return out;
}

export interface CutLine {
  shown: string;
  /** UTF-16 code units not shown (0 when the text fit). */
  hiddenChars: number;
}

/** Cuts text at `limit` UTF-16 units without splitting a surrogate pair; reports what was left out. */
export function cutLine(text: string, limit: number = DEFAULT_LINE_LIMIT): CutLine {
  if (text.length <= limit) return { shown: text, hiddenChars: 0 };
  let end = Math.max(0, Math.floor(limit));
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { shown: text.slice(0, end), hiddenChars: text.length - end };
}

/** `cutLine`, also stopping after `maxLines` lines (a line of newlines is tall, not long); scans at most `limit` units. */
export function cutLines(text: string, limit: number, maxLines: number): CutLine {
  const cut = cutLine(text, limit);
  let at = -1;
  for (let n = 0; n < maxLines; n++) {
    at = cut.shown.indexOf('\n', at + 1);
    if (at < 0) return cut;
  }
  return { shown: cut.shown.slice(0, at), hiddenChars: text.length - at };
}

/** Cut first (so a huge line costs nothing), then make visible. */
export function inertText(
  text: string,
  limit: number = DEFAULT_LINE_LIMIT,
  options: { keepNewlines?: boolean } = {},
): CutLine {
  const cut = cutLine(text, limit);
  return { shown: makeVisible(cut.shown, options), hiddenChars: cut.hiddenChars };
}
