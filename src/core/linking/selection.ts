// What the Timeline area has selected, and the key that names a backend line across searches.
// The panel model keeps the selection; the Timeline's layout and details read it.

import type { LogEntry } from '../logs/analysis.ts';

export type Selection = { kind: 'request'; id: string } | { kind: 'error'; key: string };

/** A stable key for one log entry across re-analysis (ids when Sumo gave them, else time and text). */
export function logKey(log: Pick<LogEntry, 'messageIds' | 'messageTime' | 'receiptTime' | 'raw'>): string {
  if (log.messageIds.length > 0) return `i:${log.messageIds.join(',')}`;
  return `t:${log.messageTime ?? log.receiptTime ?? ''}:${log.raw.slice(0, 200)}`;
}
