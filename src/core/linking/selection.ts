// What the Timeline area has selected, and the key that names a backend line across searches.
// The panel model keeps the selection; the Timeline's layout and details read it.

import type { LogEntry } from '../logs/analysis.ts';

export type Selection = { kind: 'request'; id: string } | { kind: 'error'; key: string };

/** Entries are re-keyed on every re-link; an entry's key never changes. */
const keys = new WeakMap<object, string>();

/** A stable key for one log entry across re-analysis (ids when Sumo gave them, else time and text). */
export function logKey(log: Pick<LogEntry, 'messageIds' | 'messageTime' | 'receiptTime' | 'raw'>): string {
  let key = keys.get(log);
  if (key !== undefined) return key;
  key =
    log.messageIds.length > 0
      ? `i:${log.messageIds.join(',')}`
      : `t:${log.messageTime ?? log.receiptTime ?? ''}:${log.raw.slice(0, 200)}`;
  keys.set(log, key);
  return key;
}
