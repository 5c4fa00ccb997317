// The shape of one search's analysed lines; core/search/analysis-engine.ts + analysis-mirror.ts build it as pages arrive.

import type { Classification } from './classify.ts';
import type { ErrorGroup } from './group.ts';
import type { TagIssue } from './parse.ts';
import type { MergedMessage } from './merge.ts';
import type { StackInfo } from './stack.ts';

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
