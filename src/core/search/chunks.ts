// Search pages cross from the background to the panel as extension messages, which Chrome
// serializes as JSON and refuses beyond 64 MiB. A page of 10,000 lines of 64 KB would be 640 MB,
// so pages go over in chunks bounded by count and by text size; each chunk is also small enough
// for the panel to receive (and hand to its analysis Worker) without a long task.

/** At most this many characters of text per chunk (JSON escaping can grow it a few times). */
export const CHUNK_MAX_CHARS = 256 * 1024;
export const CHUNK_MAX_MESSAGES = 1000;

function sizeOf(map: Readonly<Record<string, unknown>>): number {
  let n = 16;
  for (const [key, value] of Object.entries(map)) n += key.length + (typeof value === 'string' ? value.length : 16) + 6;
  return n;
}

/** The batch in order, cut into chunks of at most `maxMessages` and (unless one message is larger) `maxChars`. */
export function chunkMessages<M extends Readonly<Record<string, unknown>>>(
  batch: readonly M[],
  maxChars = CHUNK_MAX_CHARS,
  maxMessages = CHUNK_MAX_MESSAGES,
): M[][] {
  const chunks: M[][] = [];
  let current: M[] = [];
  let chars = 0;
  for (const m of batch) {
    const size = sizeOf(m);
    if (current.length > 0 && (chars + size > maxChars || current.length >= maxMessages)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(m);
    chars += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
