import type { LogAnalysis, LogEntry, TagIssueCount } from '../logs/analysis.ts';
import { classifyLine } from '../logs/classify.ts';
import { groupErrors } from '../logs/group.ts';
import type { LogMessage, TagValue } from '../logs/parse.ts';
import { findTagIssues, normalizeMessage, recheckMessages } from '../logs/parse.ts';
import type { MergedMessage, MergeOptions } from '../logs/stack.ts';
import { extractStack, mergeStackMessages } from '../logs/stack.ts';

type RawMap = Readonly<Record<string, unknown>>;

/**
 * The log analysis for a list that only grows while a search runs: each message is normalized and
 * re-checked once, classification and stack parsing are cached per merged entry, and asking again
 * with the same length returns the same result object (cheap for re-renders).
 * The result equals a one-pass analysis of all messages so far (tests hold it to that).
 */
export class IncrementalAnalysis {
  private seen = 0;
  private first: RawMap | undefined;
  private kept: LogMessage[] = [];
  private droppedCaseOnly = 0;
  private droppedNoMatch = 0;
  private droppedOtherSession = 0;
  private issues = new Map<string, TagIssueCount>();
  private parsed = new Map<string, Pick<LogEntry, 'classification' | 'stack'>>();
  private last: LogAnalysis | undefined;

  constructor(
    private readonly tags: readonly TagValue[],
    private readonly merge: MergeOptions = {},
  ) {}

  update(maps: readonly RawMap[]): LogAnalysis {
    // A different list (a new search) or a shorter one: start over.
    if (maps.length < this.seen || (this.seen > 0 && maps[0] !== this.first)) this.reset();
    if (this.last && maps.length === this.seen) return this.last;
    this.first = maps[0];
    const fresh = maps.slice(this.seen).map(normalizeMessage);
    this.seen = maps.length;
    const { kept, droppedCaseOnly, droppedNoMatch, droppedOtherSession } = recheckMessages(fresh, this.tags);
    this.droppedOtherSession += droppedOtherSession;
    this.droppedCaseOnly += droppedCaseOnly;
    this.droppedNoMatch += droppedNoMatch;
    const keptSet = new Set(kept);
    for (const message of fresh) if (!keptSet.has(message)) this.countIssues(message);
    for (const message of kept) this.kept.push(message);

    const entries = mergeStackMessages(this.kept, this.merge).map((m) => this.entryOf(m));
    const errors = entries.filter((e) => e.classification.isError);
    this.last = {
      entries,
      errors,
      groups: groupErrors(errors),
      droppedCaseOnly: this.droppedCaseOnly,
      droppedNoMatch: this.droppedNoMatch,
      droppedOtherSession: this.droppedOtherSession,
      tagIssues: [...this.issues.values()].map((i) => ({ ...i })),
    };
    return this.last;
  }

  private reset(): void {
    this.seen = 0;
    this.first = undefined;
    this.kept = [];
    this.droppedCaseOnly = 0;
    this.droppedNoMatch = 0;
    this.droppedOtherSession = 0;
    this.issues.clear();
    this.parsed.clear();
    this.last = undefined;
  }

  private countIssues(message: LogMessage): void {
    for (const tag of this.tags) {
      if (tag.match === 'session') continue;
      for (const issue of findTagIssues(message.raw, tag.tagName, tag.value)) {
        const key = `${issue.kind}\u0000${tag.tagName}`;
        const existing = this.issues.get(key);
        if (existing) existing.count++;
        else this.issues.set(key, { issue: issue.kind, example: 'found' in issue ? issue.found : '', count: 1 });
      }
    }
  }

  private entryOf(m: MergedMessage): LogEntry {
    // A merged entry's text only changes when its parts change; the ids (or the text) say which.
    const key =
      m.messageIds.length === m.parts
        ? `i${m.messageIds.join(',')}`
        : `r${m.messageTime ?? m.receiptTime ?? ''}\u0000${m.sourceHost}\u0000${m.raw}`;
    let parsed = this.parsed.get(key);
    if (!parsed) {
      parsed = { classification: classifyLine(m.raw, m.fields), stack: extractStack(m.raw) };
      this.parsed.set(key, parsed);
    }
    return { ...m, ...parsed };
  }
}
