import { CAPTURE_CAP, type CapturedRequest } from '../core/audit/types.ts';

/**
 * The raw capture buffer. Bounded: past the cap the oldest requests go and are counted, so
 * memory stays flat however long DevTools stays open.
 */
export class CaptureBuffer {
  #items: CapturedRequest[] = [];
  #dropped = 0;
  constructor(readonly cap = CAPTURE_CAP) {}

  get dropped(): number {
    return this.#dropped;
  }
  all(): CapturedRequest[] {
    return this.#items.slice();
  }
  add(req: CapturedRequest): void {
    this.#items.push(req);
    // Trim in chunks so the array is not shifted on every request.
    if (this.#items.length > this.cap + 1000) {
      const excess = this.#items.length - this.cap;
      this.#items.splice(0, excess);
      this.#dropped += excess;
    }
  }
  /** How many of the held requests the panel should treat as dropped (between trims). */
  visibleDropped(): number {
    return this.#dropped + Math.max(0, this.#items.length - this.cap);
  }
  clear(): void {
    this.#items = [];
    this.#dropped = 0;
  }
}
