// Timing against a benign input of the same size, not against a clock: the machine may be busy,
// but a busy machine slows both alike, while a quadratic parser is thousands of times slower.

/** A hostile input may cost this many times a benign one of the same size… */
export const MAX_RATIO = 40;
/** …or this many milliseconds, whichever is more (tiny benign timings are all noise). */
export const FLOOR_MS = 150;
const REPETITIONS = 3;

/**
 * The fastest of a few runs (noise only ever adds time); stops at the first run within
 * `enough`, so a passing input usually runs once.
 */
export function fastest(run: (rep: number) => unknown, enough = 0): number {
  let best = Infinity;
  for (let rep = 0; rep < REPETITIONS && best > enough; rep++) {
    const start = performance.now();
    run(rep);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export function allowedMs(benignMs: number): number {
  return Math.max(FLOOR_MS, benignMs * MAX_RATIO);
}
