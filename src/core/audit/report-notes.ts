// The notes a request's detail shows beside its verdict (the axios header spelling), grouped for the
// Markdown report so a ticket says what the panel says.

import { endpointKey } from './path-template.ts';
import { VERDICT_LABELS, type AuditEntry } from './types.ts';

const MAX_NOTE_GROUPS = 50;

/** Markdown lines of a "Notes" section; none when no request has a note. `escape` makes page text inert. */
export function noteLines(requests: readonly AuditEntry[], escape: (text: string, max: number) => string): string[] {
  const groups = new Map<string, { label: string; endpoint: string; note: string; count: number }>();
  for (const { req, result } of requests) {
    if (result.note === undefined) continue;
    const endpoint = endpointKey(req);
    const key = `${result.verdict}\u0000${endpoint}\u0000${result.note}`;
    const g = groups.get(key);
    if (g !== undefined) g.count++;
    else groups.set(key, { label: VERDICT_LABELS[result.verdict], endpoint, note: result.note, count: 1 });
  }
  if (groups.size === 0) return [];
  const lines = ['## Notes', ''];
  for (const g of [...groups.values()].slice(0, MAX_NOTE_GROUPS)) {
    const n = `${g.count} request${g.count === 1 ? '' : 's'}`;
    lines.push(`- **${g.label}** — ${escape(g.endpoint, 300)} — ${n}: ${escape(g.note, 500)}`);
  }
  if (groups.size > MAX_NOTE_GROUPS)
    lines.push('', `… and ${groups.size - MAX_NOTE_GROUPS} more (see the JSON export).`);
  lines.push('');
  return lines;
}
