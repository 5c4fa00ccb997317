// The analysis of one search, page by page, as the Worker runs it: each page is normalized,
// re-checked, merged and parsed once; what goes back to the panel is a delta (the newest-first
// entry list keeps its first `keep` entries and gains `append`) that refers to messages by their
// position in the search's message list, so no log text crosses back.

import type { TagIssueCount } from '../logs/analysis.ts';
import type { Classification } from '../logs/classify.ts';
import { classifyLine } from '../logs/classify.ts';
import { errorSignature, groupErrors, type ErrorGroup } from '../logs/group.ts';
import { chronological, foldAll, mergedOf, prependOlder, type MergeOptions, type TraceGroup } from '../logs/merge.ts';
import type { LogMessage, TagValue } from '../logs/parse.ts';
import { findTagIssues, normalizeMessage, recheckMessages } from '../logs/parse.ts';
import type { StackInfo } from '../logs/stack.ts';
import { extractStack } from '../logs/stack.ts';

export type RawMap = Readonly<Record<string, unknown>>;

export interface EntryWire {
  /** Positions of the entry's messages in the search's message list, in logged order. */
  parts: number[];
  classification: Classification;
  stack: StackInfo;
}

export type GroupWire = Omit<ErrorGroup, 'sample'> & {
  /** Position of the newest occurrence in the (newest-first) entry list. */
  sample: number;
};

export interface AnalysisDelta {
  /** Messages of the search analysed so far. */
  received: number;
  keep: number;
  append: EntryWire[];
  /** Every error group, recomputed (cheap: signatures are cached per entry). */
  groups: GroupWire[];
  droppedCaseOnly: number;
  droppedNoMatch: number;
  droppedOtherSession: number;
  tagIssues: TagIssueCount[];
}

interface Indexed extends LogMessage {
  index: number;
}

interface Parsed {
  wire: EntryWire;
  signature: string;
  time: number | undefined;
  source: { category: string; host: string; name: string };
}

export class AnalysisEngine {
  private received = 0;
  /** Trace groups, newest first: older pages are pushed at the end. */
  private groups: TraceGroup<Indexed>[] = [];
  private parsed: Parsed[] = [];
  private oldest: { time: number; index: number } | undefined;
  private droppedCaseOnly = 0;
  private droppedNoMatch = 0;
  private droppedOtherSession = 0;
  private issues = new Map<string, TagIssueCount>();
  private readonly maxGap: number;

  constructor(
    private readonly tags: readonly TagValue[],
    merge: MergeOptions = {},
  ) {
    this.maxGap = merge.maxGapMs ?? 2000;
  }

  /** The next page of the search's messages (newest first, as Sumo returns them). */
  append(maps: readonly RawMap[]): AnalysisDelta {
    const first = this.received;
    const fresh = maps.map((m, i): Indexed => ({ ...normalizeMessage(m), index: first + i }));
    this.received += maps.length;
    const { kept, droppedCaseOnly, droppedNoMatch, droppedOtherSession } = recheckMessages(fresh, this.tags);
    this.droppedOtherSession += droppedOtherSession;
    this.droppedCaseOnly += droppedCaseOnly;
    this.droppedNoMatch += droppedNoMatch;
    const keptSet = new Set(kept);
    for (const message of fresh) if (!keptSet.has(message)) this.countIssues(message);
    const keep = this.mergeOlder(kept);
    const append = this.parsed.slice(keep).map((p) => p.wire);
    return {
      received: this.received,
      keep,
      append,
      groups: this.errorGroups(),
      droppedCaseOnly: this.droppedCaseOnly,
      droppedNoMatch: this.droppedNoMatch,
      droppedOtherSession: this.droppedOtherSession,
      tagIssues: [...this.issues.values()].map((i) => ({ ...i })),
    };
  }

  /** Merges kept messages into the groups; returns how many leading (newest) entries are unchanged. */
  private mergeOlder(kept: Indexed[]): number {
    if (kept.length === 0) return this.parsed.length;
    const page = chronological(kept, (m) => m.index);
    const newest = page[page.length - 1] as Indexed;
    const key = { time: newest.messageTime ?? newest.receiptTime ?? 0, index: newest.index };
    const older =
      this.oldest === undefined ||
      key.time < this.oldest.time ||
      (key.time === this.oldest.time && key.index > this.oldest.index);
    const oldest = page[0] as Indexed;
    const oldestKey = { time: oldest.messageTime ?? oldest.receiptTime ?? 0, index: oldest.index };
    if (!older) {
      // A page that interleaves with what is held (rare: equal or unordered times): fold everything again.
      const all = chronological([...this.groups.flatMap((g) => g.messages), ...kept], (m) => m.index);
      this.groups = foldAll(all, this.maxGap).reverse();
      this.parsed = this.groups.map((g) => this.parse(g));
      this.oldest = this.oldestOf(all[0]);
      return 0;
    }
    this.oldest = oldestKey;
    const held = this.groups.slice().reverse();
    const { front, replaced } = prependOlder(page, held, this.maxGap);
    const keep = this.groups.length - replaced;
    this.groups.length = keep;
    this.parsed.length = keep;
    for (let i = front.length - 1; i >= 0; i--) {
      const g = front[i] as TraceGroup<Indexed>;
      this.groups.push(g);
      this.parsed.push(this.parse(g));
    }
    return keep;
  }

  private oldestOf(m: Indexed | undefined): { time: number; index: number } | undefined {
    return m === undefined ? undefined : { time: m.messageTime ?? m.receiptTime ?? 0, index: m.index };
  }

  private parse(g: TraceGroup<Indexed>): Parsed {
    const merged = mergedOf(g);
    const stack = extractStack(merged.raw);
    return {
      wire: { parts: g.messages.map((m) => m.index), classification: classifyLine(merged.raw, merged.fields), stack },
      signature: errorSignature(stack),
      time: merged.messageTime ?? merged.receiptTime,
      source: { category: merged.sourceCategory, host: merged.sourceHost, name: merged.sourceName },
    };
  }

  private errorGroups(): GroupWire[] {
    const errors: Array<{ position: number; p: Parsed }> = [];
    this.parsed.forEach((p, position) => {
      if (p.wire.classification.isError) errors.push({ position, p });
    });
    const shaped = errors.map(({ position, p }) => ({
      raw: '',
      messageTime: p.time,
      receiptTime: undefined,
      sourceCategory: p.source.category,
      sourceHost: p.source.host,
      sourceName: p.source.name,
      stack: p.wire.stack,
      position,
    }));
    const signatures = new Map(shaped.map((s, i) => [s, (errors[i] as { p: Parsed }).p.signature]));
    return groupErrors(shaped, (s) => signatures.get(s) ?? errorSignature(s.stack)).map((g) => ({
      ...g,
      sample: g.sample.position,
    }));
  }

  private countIssues(message: LogMessage): void {
    for (const tag of this.tags) {
      // A session-id search has no one token to compare a near miss with.
      if (tag.match === 'session') continue;
      for (const issue of findTagIssues(message.raw, tag.tagName, tag.value)) {
        const key = `${issue.kind}\u0000${tag.tagName}`;
        const existing = this.issues.get(key);
        if (existing) existing.count++;
        else this.issues.set(key, { issue: issue.kind, example: 'found' in issue ? issue.found : '', count: 1 });
      }
    }
  }
}
