import type { Classification } from './classify.ts';
import { classifyLine } from './classify.ts';
import type { ErrorGroup } from './group.ts';
import { groupErrors } from './group.ts';
import type { TagIssue, TagValue } from './parse.ts';
import { findTagIssues, normalizeMessage, recheckMessages } from './parse.ts';
import type { MergedMessage, MergeOptions, StackInfo } from './stack.ts';
import { extractStack, mergeStackMessages } from './stack.ts';

export interface LogEntry extends MergedMessage {
  classification: Classification;
  stack: StackInfo;
}

export interface TagIssueCount {
  issue: TagIssue['kind'];
  example: string;
  count: number;
}

export interface LogAnalysis {
  /** Newest first, each re-checked for an exact tag, traces merged. */
  entries: LogEntry[];
  errors: LogEntry[];
  groups: ErrorGroup<LogEntry>[];
  droppedCaseOnly: number;
  droppedNoMatch: number;
  /** Lines tagged with another session's token (a search from a session id alone). */
  droppedOtherSession: number;
  /** Near misses found in dropped lines (wrong case, cut-off token…), for diagnosing backend tagging. */
  tagIssues: TagIssueCount[];
}

export interface AnalyzeOptions extends MergeOptions {
  /** The tags searched for; a line is kept when it carries one of them exactly. */
  tags: readonly TagValue[];
}

/** From raw Search Job message maps (newest first) to checked entries and grouped errors. */
export function analyzeMessages(maps: readonly Readonly<Record<string, unknown>>[], options: AnalyzeOptions): LogAnalysis {
  const messages = maps.map(normalizeMessage);
  const { kept, droppedCaseOnly, droppedNoMatch, droppedOtherSession } = recheckMessages(messages, options.tags);
  const keptSet = new Set(kept);
  const issues = new Map<string, TagIssueCount>();
  for (const message of messages) {
    if (keptSet.has(message)) continue;
    for (const tag of options.tags) {
      // A session-id search has no one token to compare a near miss with.
      if (tag.match === 'session') continue;
      for (const issue of findTagIssues(message.raw, tag.tagName, tag.value)) {
        const example = 'found' in issue ? issue.found : '';
        const key = `${issue.kind}\u0000${tag.tagName}`;
        const existing = issues.get(key);
        if (existing) existing.count++;
        else issues.set(key, { issue: issue.kind, example, count: 1 });
      }
    }
  }
  const entries = mergeStackMessages(kept, options).map(
    (m): LogEntry => ({ ...m, classification: classifyLine(m.raw, m.fields), stack: extractStack(m.raw) }),
  );
  const errors = entries.filter((e) => e.classification.isError);
  return { entries, errors, groups: groupErrors(errors), droppedCaseOnly, droppedNoMatch, droppedOtherSession, tagIssues: [...issues.values()] };
}
