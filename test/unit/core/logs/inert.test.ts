import { describe, expect, it } from 'vitest';
import { cutLine, cutLines, inertText, makeVisible } from '../../../../src/core/logs/inert.ts';

describe('makeVisible', () => {
  it('shows control characters instead of acting on them', () => {
    expect(makeVisible('\u001b[31mred\u001b[0m')).toBe('␛[31mred␛[0m');
    expect(makeVisible('a\u0000b\u0007c\rd\u007fe')).toBe('a␀b␇c␍d␡e');
    expect(makeVisible('x\u0085y')).toBe('x\\x85y');
    expect(makeVisible('abc\u202etxt.exe')).toBe('abc\\u202etxt.exe');
    expect(makeVisible('zero\u200bwidth')).toBe('zero\\u200bwidth');
  });

  it('keeps newlines and tabs unless asked', () => {
    expect(makeVisible('a\n\tb')).toBe('a\n\tb');
    expect(makeVisible('a\nb', { keepNewlines: false })).toBe('a␤b');
  });

  it('leaves HTML as text (it is rendered with text nodes)', () => {
    expect(makeVisible('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('cutLines (what a result row shows before "Expand")', () => {
  it('stops after the given number of lines', () => {
    expect(cutLines('tag\n\n\n\nend', 1000, 2)).toEqual({ shown: 'tag\n', hiddenChars: 6 });
    expect(cutLines(`tag${'\n'.repeat(65_000)}`, 1000, 20)).toEqual({
      shown: `tag${'\n'.repeat(19)}`,
      hiddenChars: 64_981,
    });
  });

  it('is cutLine when the text has fewer lines', () => {
    expect(cutLines('a\nb', 1000, 20)).toEqual({ shown: 'a\nb', hiddenChars: 0 });
    expect(cutLines('x'.repeat(5000), 1000, 20)).toEqual({ shown: 'x'.repeat(1000), hiddenChars: 4000 });
  });
});

describe('cutLine', () => {
  it('cuts a huge line and reports what was hidden', () => {
    expect(cutLine('x'.repeat(10_000), 4000)).toEqual({ shown: 'x'.repeat(4000), hiddenChars: 6000 });
    expect(cutLine('short', 10)).toEqual({ shown: 'short', hiddenChars: 0 });
  });

  it('never splits a surrogate pair', () => {
    expect(cutLine('ab😀cd', 3)).toEqual({ shown: 'ab', hiddenChars: 4 });
  });

  it('cuts before making visible', () => {
    expect(inertText(`\u001b${'y'.repeat(50)}`, 3)).toEqual({ shown: '␛yy', hiddenChars: 48 });
  });
});
