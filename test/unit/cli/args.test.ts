import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args.ts';

describe('replay-link arguments', () => {
  it('reads the URL and every option, in either --name value or --name=value form', () => {
    expect(
      parseArgs([
        'audit',
        'http://localhost:3000/',
        '--flow',
        'flows/checkout.ts',
        '--config=ci/rl.json',
        '--fail-on',
        'missing,blocked',
        '--junit',
        'out/j.xml',
        '--md',
        'r.md',
        '--json',
        'r.json',
        '--quiet',
      ]),
    ).toEqual({
      ok: true,
      command: 'audit',
      args: {
        url: 'http://localhost:3000/',
        flow: 'flows/checkout.ts',
        config: 'ci/rl.json',
        failOn: ['missing', 'blocked'],
        junit: 'out/j.xml',
        md: 'r.md',
        json: 'r.json',
        quiet: true,
      },
    });
    expect(parseArgs(['--help'])).toEqual({ ok: true, command: 'help' });
  });

  it('refuses what it cannot run with one line saying what to write', () => {
    const message = (argv: string[]) => {
      const r = parseArgs(argv);
      return r.ok ? null : r.message;
    };
    expect(message(['scan', 'http://x/'])).toBe('unknown command "scan" — the command is: replay-link audit <url>');
    expect(message(['audit'])).toBe('no URL given — replay-link audit <url>');
    expect(message(['audit', 'localhost:3000'])).toBe(
      'localhost: URLs cannot be audited — give an http:// or https:// address',
    );
    expect(message(['audit', 'not a url'])).toBe(
      '"not a url" is not a URL — give the page\'s full address, e.g. http://localhost:3000/',
    );
    expect(message(['audit', 'http://x/', '--fail-on', 'missing,late'])).toBe(
      '--fail-on: "late" is not a problem kind (use missing, blocked, stale, foreign, outside-scope, not-tagging)',
    );
    expect(message(['audit', 'http://x/', '--junit'])).toBe('--junit needs a value');
    expect(message(['audit', 'http://x/', '--sumo-key', 'k'])).toBe('unknown option --sumo-key (see --help)');
    expect(message(['audit', 'http://x/', 'http://y/'])).toBe('one URL only (got "http://x/" and "http://y/")');
  });
});
