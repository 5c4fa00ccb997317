// Joining log messages that are lines of one stack trace (loggers that ship one line per message).
// A search's pages arrive newest first, each older than the last, so the merger grows towards the
// past: a new page only ever touches the oldest trace already held, never the pages before it.

import { lastParsedLine, MAX_PARSED_LINES, parsedLines } from './lines.ts';
import type { LogMessage } from './parse.ts';
import { removeSessionTags, stripLeadingTags } from './parse.ts';
import {
  EXCEPTION_LINE,
  GO_GOROUTINE,
  isGoFunc,
  isGoPanic,
  PY_CHAIN,
  PY_TRACEBACK,
  type StackLanguage,
} from './stack.ts';

type Kind = StackLanguage | 'headline' | undefined;

const ERROR_WORD = /(?:^|[^A-Za-z0-9_])(?:ERROR|SEVERE|FATAL|CRITICAL)(?![A-Za-z0-9_])|\blevel=error\b/;

function kindOfLine(line: string): Kind {
  if (PY_TRACEBACK.test(line.trim())) return 'python';
  if (isGoPanic(line) || GO_GOROUTINE.test(line)) return 'go';
  if (/^Exception in thread "/.test(line)) return 'java';
  if (/^(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Error|Exception|Throwable)(?:: |$)/.test(line)) return 'headline';
  return undefined;
}

/** Whether a line continues the trace that `kind`'s group holds, given that group's last line. */
function continues(line: string, kind: Kind, previous: string): boolean {
  if (line.trim() === '') return kind !== undefined;
  // Loggers print "<message>" then the exception on the next line of the same event.
  if (
    kind === undefined &&
    ERROR_WORD.test(previous) &&
    (PY_TRACEBACK.test(line.trim()) || kindOfLine(line) === 'headline')
  )
    return true;
  if (/^\s+\S/.test(line)) return true; // frames, code lines, "\tat …", Go locations
  if (/^(?:Caused by: |Suppressed: |\.\.\. \d+ more)/.test(line)) return true;
  if (kind === 'python') {
    if (PY_CHAIN.test(line)) return true;
    if (PY_TRACEBACK.test(line.trim())) return PY_CHAIN.test(previous) || previous.trim() === '';
    // The exception line closes a traceback: it follows a frame or its code line.
    return /^\s/.test(previous) && EXCEPTION_LINE.test(removeSessionTags(line).trim());
  }
  if (kind === 'go') {
    return GO_GOROUTINE.test(line) || isGoFunc(line) || /^(?:exit status \d+|\[signal )/.test(line);
  }
  return false;
}

export interface MergedMessage extends LogMessage {
  /** How many Sumo messages were joined into this one (1 when none). */
  parts: number;
  messageIds: string[];
}

export interface MergeOptions {
  /** Largest time gap between two lines of one trace (default 2 s). */
  maxGapMs?: number;
}

const LEADING_TAG = /^\s*(\[openReplay[A-Za-z0-9_.]*=[A-Za-z0-9._-]*\])/i;

function leadingTag(raw: string): string {
  return LEADING_TAG.exec(raw.slice(0, 600))?.[1] ?? '';
}

/** A line without a tag (an unprefixed continuation) may join; two different tags never do. */
function sameTag(a: string, b: string): boolean {
  const ta = leadingTag(a);
  const tb = leadingTag(b);
  return ta === '' || tb === '' || ta === tb;
}

function timeOf(m: LogMessage): number | undefined {
  return m.messageTime ?? m.receiptTime;
}

/** One trace (or a lone message): its messages in logged order. */
export interface TraceGroup<M extends LogMessage = LogMessage> {
  messages: M[];
  kind: Kind;
  lastLine: string;
}

function joinable(group: TraceGroup | undefined, message: LogMessage, first: string, maxGap: number): boolean {
  const previous = group?.messages[group.messages.length - 1];
  if (group === undefined || previous === undefined) return false;
  const t = timeOf(message);
  const tp = timeOf(previous);
  return (
    previous.sourceHost === message.sourceHost &&
    previous.sourceName === message.sourceName &&
    previous.sourceCategory === message.sourceCategory &&
    sameTag(previous.raw, message.raw) &&
    (t === undefined || tp === undefined || Math.abs(t - tp) <= maxGap) &&
    continues(first, group.kind, group.lastLine)
  );
}

/** Adds one message (in logged order) to `groups` (oldest first); returns whether it started a group. */
function fold<M extends LogMessage>(groups: TraceGroup<M>[], message: M, maxGap: number): boolean {
  const lines = parsedLines(message.raw).map(stripLeadingTags);
  const current = groups[groups.length - 1];
  const joins = joinable(current, message, lines[0] ?? '', maxGap);
  const group: TraceGroup<M> = joins && current ? current : { messages: [], kind: undefined, lastLine: '' };
  if (group !== current) groups.push(group);
  group.messages.push(message);
  for (const line of lines) {
    const k = kindOfLine(line);
    if (k !== undefined && (group.kind === undefined || group.kind === 'headline')) group.kind = k;
    if (group.kind === undefined && /^\s+at /.test(line)) group.kind = 'headline';
  }
  group.lastLine =
    lines.length < MAX_PARSED_LINES ? (lines[lines.length - 1] ?? '') : stripLeadingTags(lastParsedLine(message.raw));
  return !joins;
}

/** Messages (newest first, `index` = position in that list) in logged order; ties keep the later-listed first. */
export function chronological<M extends LogMessage>(
  newestFirst: readonly M[],
  indexOf: (m: M, i: number) => number = (_m, i) => i,
): M[] {
  return newestFirst
    .map((m, i) => ({ m, i: indexOf(m, i) }))
    .sort((a, b) => (timeOf(a.m) ?? 0) - (timeOf(b.m) ?? 0) || b.i - a.i)
    .map(({ m }) => m);
}

/** Groups messages given in logged order (oldest group first). */
export function foldAll<M extends LogMessage>(oldestFirst: readonly M[], maxGap: number): TraceGroup<M>[] {
  const groups: TraceGroup<M>[] = [];
  for (const m of oldestFirst) fold(groups, m, maxGap);
  return groups;
}

/**
 * Prepends older messages (in logged order, none logged after `held`'s first) to `held` (groups,
 * oldest first). Only the oldest held traces that the new messages continue are folded again:
 * once a held group's first message starts a group anew, everything after it is as it was.
 * Returns the new groups for the front and how many held groups they replace.
 */
export function prependOlder<M extends LogMessage>(
  olderFirst: readonly M[],
  held: readonly TraceGroup<M>[],
  maxGap: number,
): { front: TraceGroup<M>[]; replaced: number } {
  const front = foldAll(olderFirst, maxGap);
  let replaced = 0;
  while (replaced < held.length) {
    const group = held[replaced] as TraceGroup<M>;
    const [first, ...rest] = group.messages;
    if (first === undefined) break;
    if (fold(front, first, maxGap)) {
      // It starts a group again: this and every later held group stay as they were.
      front.pop();
      break;
    }
    for (const m of rest) fold(front, m, maxGap);
    replaced++;
  }
  return { front, replaced };
}

/** A group as one message: the oldest message's fields, the parts' text joined. */
export function mergedOf<M extends LogMessage>(g: TraceGroup<M>): MergedMessage {
  const head = g.messages[0] as LogMessage;
  const messageIds = g.messages.flatMap((m) => (m.messageId === undefined ? [] : [m.messageId]));
  if (g.messages.length === 1) return { ...head, parts: 1, messageIds };
  return { ...head, raw: g.messages.map((m) => m.raw).join('\n'), parts: g.messages.length, messageIds };
}

/**
 * Joins consecutive messages that are lines of one stack trace (same source, same tag, close in time).
 * Input and output are newest first, as Sumo returns messages; joining happens in logged order.
 */
export function mergeStackMessages(newestFirst: readonly LogMessage[], options: MergeOptions = {}): MergedMessage[] {
  return foldAll(chronological(newestFirst), options.maxGapMs ?? 2000)
    .map(mergedOf)
    .reverse();
}
