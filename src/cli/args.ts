// `replay-link audit <url> [options]`: parsed strictly, so a typo fails the run (exit 2) instead of
// silently auditing something else.

import { isProblemKind, PROBLEM_KINDS, type ProblemKind } from '../core/ci/problems.ts';

export interface AuditArgs {
  url: string;
  flow?: string;
  config?: string;
  failOn?: ProblemKind[];
  junit?: string;
  md?: string;
  json?: string;
  quiet: boolean;
}

export type ParsedArgs =
  { ok: true; command: 'help' } | { ok: true; command: 'audit'; args: AuditArgs } | { ok: false; message: string };

export const USAGE = `Usage: replay-link audit <url> [options]

Opens <url> in headless Chromium, runs the flow, and judges every request's session-token
propagation with the same audit as the Replay Link panel.

Options:
  --flow <module>       a module exporting async (page, { step }) => {} that clicks through the app
  --config <file>       replay-link.config.json (default: ./replay-link.config.json when present)
  --fail-on <kinds>     comma-separated: ${PROBLEM_KINDS.join(',')} (default: all of them)
  --junit <file>        write JUnit XML (one test case per endpoint)
  --md <file>           write the Markdown report (the panel's report)
  --json <file>         write the JSON export (replay-link/audit@1 + replay-link/backend@1)
  --quiet               no progress lines on stderr

Environment: CHROME_PATH (a Chromium binary), SUMO_ACCESS_ID and SUMO_ACCESS_KEY (with "sumo" in
the config: check that the backend tags its log lines).
Exit codes: 0 clean, 1 a --fail-on problem was found, 2 the audit could not run.`;

const VALUE_OPTIONS = ['flow', 'config', 'fail-on', 'junit', 'md', 'json'] as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { ok: true, command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'audit')
    return {
      ok: false,
      message: `unknown command "${String(command).slice(0, 40)}" — the command is: replay-link audit <url>`,
    };
  const args: AuditArgs = { url: '', quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--quiet' || a === '-q') {
      args.quiet = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq >= 0 ? eq : undefined);
      if (!(VALUE_OPTIONS as readonly string[]).includes(name))
        return { ok: false, message: `unknown option ${a.slice(0, 40)} (see --help)` };
      const value = eq >= 0 ? a.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
        return { ok: false, message: `--${name} needs a value` };
      if (name === 'fail-on') {
        const kinds = value
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k !== '');
        const bad = kinds.find((k) => !isProblemKind(k));
        if (bad !== undefined)
          return {
            ok: false,
            message: `--fail-on: "${bad.slice(0, 40)}" is not a problem kind (use ${PROBLEM_KINDS.join(', ')})`,
          };
        args.failOn = kinds as ProblemKind[];
      } else if (name === 'flow') args.flow = value;
      else if (name === 'config') args.config = value;
      else if (name === 'junit') args.junit = value;
      else if (name === 'md') args.md = value;
      else args.json = value;
      continue;
    }
    if (args.url !== '')
      return { ok: false, message: `one URL only (got "${args.url.slice(0, 80)}" and "${a.slice(0, 80)}")` };
    args.url = a;
  }
  if (args.url === '') return { ok: false, message: 'no URL given — replay-link audit <url>' };
  let u: URL;
  try {
    u = new URL(args.url);
  } catch {
    return {
      ok: false,
      message: `"${args.url.slice(0, 200)}" is not a URL — give the page's full address, e.g. http://localhost:3000/`,
    };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { ok: false, message: `${u.protocol} URLs cannot be audited — give an http:// or https:// address` };
  return { ok: true, command: 'audit', args };
}
