// 10,000 log lines of up to 64 KB (test/e2e/support/log-flood.ts) from the local SumoLogic server
// into the REAL panel in real DevTools: the panel's longest main-thread task (PerformanceObserver
// 'longtask' inside the panel) and how many tasks ran over 50 ms while the lines arrived and were
// analysed, then while all linked lines were shown; and the time from "Search" to all results
// shown. Target: no task over 100 ms.
// With REPLAY_LINK_TRACE=1 it also traces Chromium and prints what each long task was made of.
// Run: npx tsx bench/panel-flood.ts   (or call run() from bench/run.ts)

import { pathToFileURL } from 'node:url';
import { openDemoPanel, startDemo } from '../test/e2e/support/fixture.ts';
import { logFlood } from '../test/e2e/support/log-flood.ts';
import { longTasks, watchLongTasks, type LongTasks } from '../test/e2e/support/long-tasks.ts';
import { startProfile, startTrace, type LongTask, type Tracer } from './long-tasks.ts';

export const LONGEST_TASK_TARGET_MS = 100;

export interface PanelFloodBench {
  name: 'panel-flood';
  lines: number;
  millionChars: number;
  longestLine: number;
  /** From pressing Search to the search done, analysed and its grouped results shown. */
  allResultsShownMs: number;
  arrival: LongTasks;
  /** Unchecking "Errors only": the first linked lines shown, then "Show more" once. */
  showLines: LongTasks;
  heading: string;
  longestTaskTargetMs: number;
  withinTarget: boolean;
  traced?: LongTask[];
}

export async function run(): Promise<PanelFloodBench> {
  const demo = await startDemo();
  const s = await openDemoPanel(demo);
  const trace = process.env['REPLAY_LINK_TRACE'] === '1';
  try {
    const { panel, page } = s;
    await page.getByTestId('token').filter({ hasText: /\S/ }).waitFor();
    const token = await page.evaluate(() =>
      (window as unknown as { __OPENREPLAY__: { getSessionToken(): string } }).__OPENREPLAY__.getSessionToken(),
    );
    await panel.getByTestId('current-token').filter({ hasText: token }).waitFor({ timeout: 15_000 });
    const flood = logFlood(`[openReplaySessionToken=${token}]`, Date.now());
    demo.sumo.ingest(flood.messages);

    await panel.getByRole('tab', { name: 'Backend errors' }).click();
    await panel.getByTestId('search-button').waitFor();
    await watchLongTasks(panel);
    let tracer: Tracer | undefined = trace ? await startTrace(s.devtools) : undefined;
    const profiler = process.env['REPLAY_LINK_PROFILE'] === '1' ? await startProfile(s.devtools, panel) : undefined;
    const t0 = Date.now();
    await panel.getByTestId('search-button').click();
    await panel.waitForFunction(
      () =>
        document.querySelector('[data-testid=search-progress]')?.getAttribute('data-status') === 'done' &&
        document.querySelector('[data-testid=analysing]') === null &&
        document.querySelector('[data-testid=error-group]') !== null,
      undefined,
      { timeout: 180_000, polling: 'raf' },
    );
    const allResultsShownMs = Date.now() - t0;
    const arrival = await longTasks(panel);
    if (profiler) console.log((await profiler.stop()).join('\n'));
    const traced: LongTask[] = [];
    if (tracer) traced.push(...(await tracer.stop()));
    const heading = ((await panel.locator('#results-heading').textContent()) ?? '').trim();

    await watchLongTasks(panel);
    tracer = trace ? await startTrace(s.devtools) : undefined;
    await panel.getByTestId('filter-errors-only').uncheck();
    await panel.getByTestId('log-line').first().waitFor();
    await panel.getByTestId('show-more').click();
    await panel.waitForFunction(() => document.querySelectorAll('[data-testid=log-line]').length > 100, undefined, {
      timeout: 60_000,
    });
    const showLines = await longTasks(panel);
    if (tracer) traced.push(...(await tracer.stop()));
    const longest = Math.max(arrival.longestMs, showLines.longestMs);
    return {
      name: 'panel-flood',
      lines: flood.messages.length,
      millionChars: Math.round(flood.chars / 1e5) / 10,
      longestLine: flood.longestLine,
      allResultsShownMs,
      arrival,
      showLines,
      heading,
      longestTaskTargetMs: LONGEST_TASK_TARGET_MS,
      withinTarget: longest < LONGEST_TASK_TARGET_MS,
      ...(trace ? { traced: traced.slice(0, 12) } : {}),
    };
  } finally {
    await s.close();
    await demo.close();
  }
}

const direct = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (direct) console.log(JSON.stringify(await run(), null, 2));
