// The whole analysis in one pass over a finished list: the oracle the incremental analysis
// (src/core/search/analysis-engine.ts) is checked against. No caching, so it is obviously right.

import { classifyLine } from '../../src/core/logs/classify.ts';
import { groupErrors } from '../../src/core/logs/group.ts';
import type { LogAnalysis, LogEntry, TagIssueCount } from '../../src/core/logs/analysis.ts';
import type { TagValue } from '../../src/core/logs/parse.ts';
import { findTagIssues, normalizeMessage, recheckMessages } from '../../src/core/logs/parse.ts';
import type { MergeOptions } from '../../src/core/logs/merge.ts';
import { mergeStackMessages } from '../../src/core/logs/merge.ts';
import { extractStack } from '../../src/core/logs/stack.ts';

export interface AnalyzeOptions extends MergeOptions {
  /** The tags searched for; a line is kept when it carries one of them exactly. */
  tags: readonly TagValue[];
}

/** From raw Search Job message maps (newest first) to checked entries and grouped errors. */
export function analyzeMessages(
  maps: readonly Readonly<Record<string, unknown>>[],
  options: AnalyzeOptions,
): LogAnalysis {
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
  const entries = mergeStackMessages(kept, options).map((m): LogEntry => ({
    ...m,
    classification: classifyLine(m.raw, m.fields),
    stack: extractStack(m.raw),
  }));
  const errors = entries.filter((e) => e.classification.isError);
  return {
    entries,
    errors,
    groups: groupErrors(errors),
    droppedCaseOnly,
    droppedNoMatch,
    droppedOtherSession,
    tagIssues: [...issues.values()],
  };
}
