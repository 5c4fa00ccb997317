import { describe, expect, it } from 'vitest';
import { inertText } from '../../../../src/core/audit/mask.ts';
import { makeVisible } from '../../../../src/core/logs/inert.ts';

const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u2028', '\u2029', '\u061c'];

describe('invisible characters are made visible', () => {
  it.each(INVISIBLE)('U+%s in headers, tokens and URLs (inertText)', (ch) => {
    const code = ch.charCodeAt(0).toString(16).padStart(4, '0');
    expect(inertText(`abc${ch}def`)).toBe(`abc\\u${code}def`);
  });

  it.each(INVISIBLE)('U+%s in log text (makeVisible)', (ch) => {
    const code = ch.charCodeAt(0).toString(16).padStart(4, '0');
    expect(makeVisible(`abc${ch}def`)).toBe(`abc\\u${code}def`);
  });

  it('shows the start of a huge value and its length, escaping only what it shows (inertText)', () => {
    expect(inertText(`a\u200b${'.'.repeat(1_000_000)}`, 10)).toBe('a\\u200b...… (1000002 chars)');
    expect(inertText('x'.repeat(300))).toBe(`${'x'.repeat(200)}… (300 chars)`);
    expect(inertText('😀'.repeat(3), 3)).toBe('😀😀😀');
    expect(inertText('😀'.repeat(4), 3)).toBe('😀😀😀… (8 chars)');
  });

  it('leaves printable Latin-1 alone', () => {
    expect(makeVisible('café ¡olé! 1 000')).toBe('café ¡olé! 1 000');
  });
});
