// The text a Timeline mark shows on hover or keyboard focus, and its accessible name. Pure: page
// values (URLs, log lines) are made inert here, so the component renders text nodes only.

import { inertText } from '../audit/mask.ts';
import { VERDICT_LABELS, type AuditEntry } from '../audit/types.ts';
import { linkSummary, logTimeOf, type ErrorLink } from '../linking/link.ts';
import type { LogEntry } from '../logs/analysis.ts';
import { logFirstLine } from '../logs/first-line.ts';
import { formatTime } from '../time-format.ts';
import { GEOMETRY, type Point } from './layout.ts';

function firstLine(raw: string): string {
  return logFirstLine(raw, 160);
}

/** The tooltip of a request: what it was, how it went, its verdict and linked errors. */
export function requestTip(e: AuditEntry, linkedErrors: number): string[] {
  const n = linkedErrors;
  return [
    `${e.req.method} ${inertText(e.req.url, 160)}`,
    `${e.req.status === 0 ? 'no response' : e.req.status} · ${Math.round(e.req.durationMs)} ms · ${formatTime(e.req.startedAt, 'clock')}`,
    VERDICT_LABELS[e.result.verdict] + (n > 0 ? ` · ${n} backend error${n === 1 ? '' : 's'}` : ''),
  ];
}

/** The tooltip of a backend error: its first line, level and time, and how it was linked. */
export function errorTip(log: LogEntry, link: ErrorLink<LogEntry> | undefined): string[] {
  const lines = [
    firstLine(log.raw),
    `${log.classification.level ?? 'error'} · ${formatTime(logTimeOf(log) ?? 0, 'clock')}`,
  ];
  return link ? [...lines, linkSummary(link)] : lines;
}

/** The tooltip of a plain backend line. */
export function lineTip(log: LogEntry): string[] {
  return [firstLine(log.raw), `${log.classification.level ?? 'line'} · ${formatTime(logTimeOf(log) ?? 0, 'clock')}`];
}

export function requestLabel(e: AuditEntry): string {
  return `${e.req.method} ${inertText(e.req.path, 120)}, ${VERDICT_LABELS[e.result.verdict]}`;
}

export function errorLabel(log: LogEntry): string {
  return `Backend error at ${formatTime(logTimeOf(log) ?? 0, 'clock')}: ${firstLine(log.raw)}`;
}

/** The tooltip's corner: beside the pointer, kept inside the picture's width. */
export function tipPosition(at: Point, width: number): { left: number; top: number } {
  return { left: Math.min(at.x + 12, width - GEOMETRY.tipWidth), top: at.y + 12 };
}
