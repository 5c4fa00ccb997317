// The panel's side of the Worker analysis: applies each delta to the entry list it holds, building
// entries from the messages the panel already has (only positions and parse results cross over).

import type { LogAnalysis, LogEntry } from '../logs/analysis.ts';
import type { LogMessage } from '../logs/parse.ts';
import { normalizeMessage } from '../logs/parse.ts';
import type { AnalysisDelta, EntryWire, RawMap } from './analysis-engine.ts';

export class AnalysisMirror {
  private entries: LogEntry[] = [];
  private normalized: LogMessage[] = [];
  private last: AnalysisDelta | undefined;

  /** The analysis after `delta`; `maps` is the search's message list (at least `delta.received` long). */
  apply(delta: AnalysisDelta, maps: readonly RawMap[]): LogAnalysis {
    this.update(delta, maps);
    return this.snapshot();
  }

  /** Takes in `delta` (cost: the entries it adds); `snapshot` makes the analysis of all taken in. */
  update(delta: AnalysisDelta, maps: readonly RawMap[]): void {
    this.entries.length = Math.min(this.entries.length, delta.keep);
    for (const wire of delta.append) this.entries.push(this.entryOf(wire, maps));
    this.last = delta;
  }

  snapshot(): LogAnalysis {
    const delta = this.last;
    const entries = this.entries.slice();
    return {
      entries,
      errors: entries.filter((e) => e.classification.isError),
      groups: (delta?.groups ?? []).map((g) => ({
        ...g,
        sources: g.sources.map((s) => ({ ...s })),
        sample: entries[g.sample] as LogEntry,
      })),
      droppedCaseOnly: delta?.droppedCaseOnly ?? 0,
      droppedNoMatch: delta?.droppedNoMatch ?? 0,
      droppedOtherSession: delta?.droppedOtherSession ?? 0,
      tagIssues: delta?.tagIssues ?? [],
    };
  }

  private message(index: number, maps: readonly RawMap[]): LogMessage {
    let m = this.normalized[index];
    if (m === undefined) {
      m = normalizeMessage(maps[index] ?? {});
      this.normalized[index] = m;
    }
    return m;
  }

  private entryOf(wire: EntryWire, maps: readonly RawMap[]): LogEntry {
    const messages = wire.parts.map((i) => this.message(i, maps));
    const head = messages[0] as LogMessage;
    const messageIds = messages.flatMap((m) => (m.messageId === undefined ? [] : [m.messageId]));
    const raw = messages.length === 1 ? head.raw : messages.map((m) => m.raw).join('\n');
    return { ...head, raw, parts: messages.length, messageIds, classification: wire.classification, stack: wire.stack };
  }
}
