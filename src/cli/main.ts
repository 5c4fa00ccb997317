// The `replay-link` command. Exit codes: 0 clean, 1 a --fail-on problem, 2 could not run (with a
// one-line reason on stderr).

import { describeProblem } from '../core/ci/problems.ts';
import { parseArgs, USAGE } from './args.ts';
import { CannotRun } from './errors.ts';
import { runAudit } from './run.ts';

function say(line: string): void {
  process.stderr.write(`replay-link: ${line}\n`);
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    say(parsed.message);
    return 2;
  }
  if (parsed.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { args } = parsed;
  const progress = args.quiet ? () => undefined : say;
  const controller = new AbortController();
  // First Ctrl-C: stop cleanly (browser closed, a running search job deleted); second: leave now.
  const stop = (): void => {
    if (controller.signal.aborted) process.exit(130);
    say('interrupted: stopping');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const { outcome } = await runAudit(args, progress, controller.signal);
    if (controller.signal.aborted) throw new CannotRun('interrupted');
    for (const p of outcome.ignored) progress(`ignored: ${p.kind} — ${p.endpoint} (${p.ignoredBecause})`);
    if (outcome.failing.length === 0) {
      progress(
        `no ${outcome.failOn.join('/')} problem (${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} found in all)`,
      );
      return 0;
    }
    if (!args.quiet) for (const p of outcome.failing) process.stderr.write(`  ${describeProblem(p)}\n`);
    const endpoints = new Set(outcome.failing.map((p) => p.endpoint)).size;
    say(
      `${outcome.failing.length} propagation problem${outcome.failing.length === 1 ? '' : 's'} on ${endpoints} endpoint${endpoints === 1 ? '' : 's'} (${[...new Set(outcome.failing.map((p) => p.kind))].join(', ')})`,
    );
    return 1;
  } catch (err) {
    if (err instanceof CannotRun) say(err.message);
    else say(`could not run: ${err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)}`);
    return 2;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

// Explicit exit: an idle keep-alive socket must not hold a finished CI step open.
process.exit(await main(process.argv.slice(2)));
