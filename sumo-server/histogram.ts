export interface HistogramBucket {
  startTimestamp: number;
  length: number;
  count: number;
}

const NICE_LENGTHS = [
  1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000,
  43_200_000, 86_400_000,
];

/** About 60 buckets over the search range, at a round length like the UI's histogram. */
export function bucketLengthFor(rangeMs: number): number {
  const target = rangeMs / 60;
  return NICE_LENGTHS.find((l) => l >= target) ?? 86_400_000;
}

/** Buckets for a batch of timestamps (a status delta), oldest bucket first. */
export function bucketize(times: readonly number[], length: number): HistogramBucket[] {
  const counts = new Map<number, number>();
  for (const t of times) {
    const start = Math.floor(t / length) * length;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([startTimestamp, count]) => ({ startTimestamp, length, count }));
}
