import type { LogEntry } from '../../../../src/core/logs/analysis.ts';
import { line } from '../linking/fixtures.ts';

/** A backend line as the analysis gives it, logged `at` ms after T0, with Sumo's message id. */
export function logEntry(raw: string, at: number, id: string | undefined): LogEntry {
  const l = line(raw, at);
  return {
    ...l,
    classification: { ...l.classification, markers: [] },
    sourceCategory: 'backend',
    sourceHost: 'api-1',
    sourceName: 'app.log',
    messageId: id,
    fields: {},
    parts: 1,
    messageIds: id === undefined ? [] : [id],
  };
}
