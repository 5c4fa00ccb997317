import type { NewMessage } from './store.ts';
import { parseLeadingTimestamp } from './timestamps.ts';

/**
 * How a request body becomes messages (header `X-Sumo-Multiline`):
 * - `message`: the whole body is one message (the demo backend sends one request per message);
 * - `line`: every non-blank line is a message;
 * - `auto` (default, no header): timestamp boundaries. When some line starts with a timestamp,
 *   each timestamped line opens a message and every other line joins the message before it
 *   (a Python traceback's last line `ValueError: …` stays with its trace). When no line has a
 *   timestamp, each line is a message except lines that start with whitespace, `Traceback`,
 *   `Caused by` or `... N more`, which join the previous one.
 */
export type MultilineMode = 'message' | 'line' | 'auto';

export function parseMultilineHeader(value: string | undefined): MultilineMode | undefined {
  const v = (value ?? 'auto').trim().toLowerCase();
  if (v === '' || v === 'auto' || v === 'true') return 'auto';
  if (v === 'message' || v === 'body') return 'message';
  if (v === 'line' || v === 'false' || v === 'none') return 'line';
  return undefined;
}

const CONTINUATION =
  /^(?:[ \t]|Traceback\b|Caused by\b|\.\.\. \d+ more|During handling of the above exception|The above exception was)/;

function trimTrailingBlankLines(text: string): string {
  return text.replace(/\s+$/, '');
}

export function splitMessages(body: string, mode: MultilineMode): string[] {
  const text = body.replace(/\r\n?/g, '\n');
  if (mode === 'message') {
    const one = trimTrailingBlankLines(text);
    return one.trim() === '' ? [] : [one];
  }
  const lines = text.split('\n');
  if (mode === 'line') return lines.filter((l) => l.trim() !== '');
  const byTimestamp = lines.some((l) => parseLeadingTimestamp(l) !== undefined);
  const out: string[] = [];
  let current: string[] | undefined;
  const flush = (): void => {
    if (current) {
      const joined = trimTrailingBlankLines(current.join('\n'));
      if (joined.trim() !== '') out.push(joined);
    }
    current = undefined;
  };
  let seenTimestamp = false;
  for (const line of lines) {
    let opens: boolean;
    if (byTimestamp) {
      const stamped = parseLeadingTimestamp(line) !== undefined;
      // Lines before the first timestamped line have nothing to join: each is its own message.
      opens = stamped || !seenTimestamp;
      if (stamped) seenTimestamp = true;
    } else {
      opens = !CONTINUATION.test(line) && line.trim() !== '';
    }
    if (opens || current === undefined) {
      flush();
      if (line.trim() === '') continue;
      current = [line];
    } else {
      current.push(line);
    }
  }
  flush();
  return out;
}

/** The HTTP source's fixed configuration, like a real collector/source pair. */
export interface SourceConfig {
  defaultCategory: string;
  defaultName: string;
  source: string;
  collector: string;
  collectorId: string;
  sourceId: string;
}

export const DEFAULT_SOURCE: SourceConfig = {
  defaultCategory: 'http/local',
  defaultName: 'Http Input',
  source: 'Local HTTP Source',
  collector: 'local',
  collectorId: '1579',
  sourceId: '1640',
};

export interface SourceHeaders {
  category?: string | undefined;
  host?: string | undefined;
  name?: string | undefined;
}

/** One message given to `SumoServer.ingest` (a plain string is a whole message, newlines included). */
export interface IngestMessage extends SourceHeaders {
  raw: string;
  /** Epoch ms; default: the leading timestamp of `raw`, else receipt time. */
  messageTime?: number;
  /** Epoch ms; default: now. */
  receiptTime?: number;
}

export function buildMessage(
  input: IngestMessage,
  meta: SourceHeaders,
  receiptTime: number,
  source: SourceConfig,
): NewMessage {
  const stamp = parseLeadingTimestamp(input.raw);
  const received = input.receiptTime ?? receiptTime;
  const format = stamp ? `t:cache:o:0:l:${stamp.length}:p:${stamp.pattern}` : 't:none:o:-1:l:0:p:null';
  return {
    messageTime: input.messageTime ?? stamp?.ms ?? received,
    receiptTime: received,
    raw: input.raw,
    sourceCategory: input.category ?? meta.category ?? source.defaultCategory,
    sourceHost: input.host ?? meta.host ?? '127.0.0.1',
    sourceName: input.name ?? meta.name ?? source.defaultName,
    source: source.source,
    collector: source.collector,
    collectorId: source.collectorId,
    sourceId: source.sourceId,
    format,
  };
}
