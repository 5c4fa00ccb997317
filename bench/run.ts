/**
 * `npm run bench`: every benchmark of the project, one after another, with the machine it ran on.
 * Figures are printed, never asserted (timing assertions do not belong in tests).
 */
import { cpus, totalmem } from 'node:os';

interface Bench {
  name: string;
  load: () => Promise<{ run: (...args: never[]) => unknown }>;
}

const BENCHES: Bench[] = [
  { name: 'panel initial JavaScript, gzipped (the build: dist-demo/)', load: () => import('./bundle-size.ts') },
  { name: 'audit verdicts (Node)', load: () => import('./audit-verdicts.ts') },
  {
    name: 'hostile and huge inputs: analysis, worst line, capture heap (Node)',
    load: () => import('./hostile-inputs.ts'),
  },
  { name: 'search latency against the local SumoLogic server (Node)', load: () => import('./search-latency.ts') },
  { name: 'panel render and scroll of 50,000 requests (real DevTools panel)', load: () => import('./panel-render.ts') },
  {
    name: '10,000 log lines of up to 64 KB from the local SumoLogic server (real DevTools panel)',
    load: () => import('./panel-flood.ts'),
  },
];

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Machine: ${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);

let failed = 0;
for (const bench of BENCHES) {
  console.log(`== ${bench.name}`);
  try {
    const mod = await bench.load();
    const figures = await mod.run();
    console.log(JSON.stringify(figures, null, 2));
  } catch (err) {
    failed++;
    console.log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  console.log('');
}
process.exitCode = failed ? 1 : 0;
