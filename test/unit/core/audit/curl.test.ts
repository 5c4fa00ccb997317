import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { curlCommand, shellQuote } from '../../../../src/core/audit/curl.ts';
import type { Header } from '../../../../src/core/audit/types.ts';

/** The words bash makes of `command` after its first word (curl), exactly as curl would get them. */
function argvOf(command: string): string[] {
  expect(command.startsWith('curl ')).toBe(true);
  const script = `printf '%s\\0' ${command.slice('curl '.length)}`;
  const out = execFileSync('bash', ['--noprofile', '--norc', '-c', script], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const noNul = (s: string) => s.replace(/\0/g, '');
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

describe('shellQuote', () => {
  it('quotes plain text in single quotes and anything else byte by byte', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('a\nb')).toBe(`$'a\\x0ab'`);
    expect(shellQuote('é')).toBe(`$'\\xc3\\xa9'`);
    expect(shellQuote("$(rm -rf ~)`x`\\'")).toBe(`'$(rm -rf ~)\`x\`\\'\\'''`);
    expect(argvOf(`curl ${shellQuote("$(rm -rf ~)`x`\\'")}`)).toEqual(["$(rm -rf ~)`x`\\'"]);
  });

  it('gives bash back exactly the text, for any text, in printable ASCII only', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 60 }).map(noNul), { minLength: 1, maxLength: 8 }),
        (texts) => {
          const words = texts.map(shellQuote);
          for (const w of words) expect(w).toMatch(/^[\x20-\x7e]+$/);
          expect(argvOf(`curl ${words.join(' ')}`)).toEqual(texts);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('curlCommand', () => {
  it('repeats a POST with its headers and body, leaving to curl what curl works out', () => {
    const { command, notes } = curlCommand({
      method: 'POST',
      url: 'http://127.0.0.1:4001/api/orders?x=[1]',
      headers: [
        [':authority', '127.0.0.1:4001'],
        ['Content-Type', 'application/json'],
        ['Content-Length', '12'],
        ['Accept-Encoding', 'gzip, br'],
        ['X-OpenReplay-SessionToken', 'tok'],
        ['X-Empty', ''],
      ],
      body: '{"items":[1]}',
    });
    expect(notes).toEqual([]);
    expect(command).toBe(
      "curl --globoff --path-as-is -X 'POST' -H 'Content-Type: application/json' -H 'X-OpenReplay-SessionToken: tok' -H 'X-Empty;' --compressed --data-raw '{\"items\":[1]}' --url 'http://127.0.0.1:4001/api/orders?x=[1]'",
    );
  });

  it('uses --head for HEAD and leaves out what cannot be repeated, saying so', () => {
    const r = curlCommand({
      method: 'HEAD',
      url: 'https://a.example/',
      headers: [
        ['Bad Name', 'x'],
        ['X-Ok', 'a\r\nInjected: 1'],
      ],
    });
    expect(r.command).toBe("curl --globoff --path-as-is --head --url 'https://a.example/'");
    expect(r.notes).toEqual([
      'A header with an invalid name was left out.',
      'The X-Ok header holds a line break or NUL and was left out.',
    ]);
  });

  it('for any request: curl gets the URL, each valid header line and the body exactly, and no file is read', () => {
    const header = fc.tuple(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ) as fc.Arbitrary<Header>;
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 10 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.array(header, { maxLength: 6 }),
        fc.option(fc.string({ unit: 'binary', maxLength: 80 })),
        (method, url, headers, body) => {
          const { command } = curlCommand({ method, url, headers, body: body ?? undefined });
          expect(command).toMatch(/^[\x20-\x7e]+$/);
          const argv = argvOf(command);
          expect(argv.slice(0, 2)).toEqual(['--globoff', '--path-as-is']);
          expect(argv.at(-2)).toBe('--url');
          expect(argv.at(-1)).toBe(noNul(url));
          const sent = argv.flatMap((a, i) => (argv[i - 1] === '-H' ? [a] : []));
          const expected = headers
            .filter(([n, v]) => TOKEN.test(n) && !/[\r\n\0]/.test(v))
            .filter(
              ([n]) =>
                !['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding', 'expect'].includes(
                  n.toLowerCase(),
                ),
            )
            .map(([n, v]) => (v === '' ? `${n};` : `${n}: ${v}`));
          expect(sent).toEqual(expected);
          for (const line of sent) expect(line.startsWith('@')).toBe(false);
          const data = argv.indexOf('--data-raw');
          if (body) expect(argv[data + 1]).toBe(noNul(body));
          else expect(data).toBe(-1);
          // Every word but the known options is the argument of one: nothing page-made becomes an option.
          const options = new Set([
            '--globoff',
            '--path-as-is',
            '-X',
            '--head',
            '-H',
            '--compressed',
            '--data-raw',
            '--url',
          ]);
          for (let i = 0; i < argv.length; i++) {
            const takesValue = ['-X', '-H', '--data-raw', '--url'].includes(argv[i - 1] ?? '');
            if (!takesValue) expect(options.has(argv[i] ?? '')).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
