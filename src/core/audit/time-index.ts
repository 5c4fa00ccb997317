// Items grouped by a key, each group kept sorted by time, so pairing a request with its
// preflight stays cheap even when one URL is polled thousands of times.

export class TimeIndex<T> {
  readonly #groups = new Map<string, T[]>();
  readonly #timeOf: (item: T) => number;
  #size = 0;

  constructor(timeOf: (item: T) => number) {
    this.#timeOf = timeOf;
  }

  get size(): number {
    return this.#size;
  }

  /** First position in `list` whose time is > t (or ≥ t when `inclusive`). */
  #bound(list: T[], t: number, inclusive: boolean): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.#timeOf(list[mid] as T);
      if (x < t || (!inclusive && x === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(key: string, item: T): void {
    const list = this.#groups.get(key);
    this.#size++;
    if (list === undefined) {
      this.#groups.set(key, [item]);
      return;
    }
    const t = this.#timeOf(item);
    // Items mostly arrive in time order: appending is the common case.
    if (list.length === 0 || this.#timeOf(list[list.length - 1] as T) <= t) list.push(item);
    else list.splice(this.#bound(list, t, false), 0, item);
  }

  remove(key: string, item: T): boolean {
    const list = this.#groups.get(key);
    if (list === undefined) return false;
    const t = this.#timeOf(item);
    let i = this.#bound(list, t, true);
    while (i < list.length && list[i] !== item && this.#timeOf(list[i] as T) === t) i++;
    if (list[i] !== item) return false;
    list.splice(i, 1);
    this.#size--;
    if (list.length === 0) this.#groups.delete(key);
    return true;
  }

  clear(): void {
    this.#groups.clear();
    this.#size = 0;
  }

  /** Items of `key` whose time is within `windowMs` of `t`, in time order. */
  within(key: string, t: number, windowMs: number): T[] {
    const list = this.#groups.get(key);
    if (list === undefined) return [];
    const out: T[] = [];
    for (let i = this.#bound(list, t - windowMs, true); i < list.length; i++) {
      const item = list[i] as T;
      if (this.#timeOf(item) > t + windowMs) break;
      out.push(item);
    }
    return out;
  }

  /** The item of `key` closest in time to `t`, if one is within `windowMs`. */
  nearest(key: string, t: number, windowMs: number): T | undefined {
    const list = this.#groups.get(key);
    if (list === undefined) return undefined;
    const i = this.#bound(list, t, true);
    let best: T | undefined;
    let bestGap = Infinity;
    for (const j of [i - 1, i]) {
      const item = list[j];
      if (item === undefined) continue;
      const gap = Math.abs(this.#timeOf(item) - t);
      if (gap <= windowMs && gap < bestGap) {
        best = item;
        bestGap = gap;
      }
    }
    return best;
  }
}
