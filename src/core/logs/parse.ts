import { recheckSessionTag, type SessionTagMatch } from './session-tag.ts';

/** A Search Job message, normalized. Ids stay strings: _messageid is a signed 64-bit number. */
export interface LogMessage {
  raw: string;
  messageTime: number | undefined;
  receiptTime: number | undefined;
  sourceCategory: string;
  sourceHost: string;
  sourceName: string;
  messageId: string | undefined;
  /** Every field of the map, keys lowercased, values as sent. */
  fields: Readonly<Record<string, string>>;
}

function toEpoch(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,16}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Accepts a message map in any key case (responses are lowercase; a doc revision shows camelCase). */
export function normalizeMessage(map: Readonly<Record<string, unknown>>): LogMessage {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) {
    if (value === null || value === undefined) continue;
    fields[key.toLowerCase()] =
      typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  const messageId = fields['_messageid'];
  return {
    raw: fields['_raw'] ?? '',
    messageTime: toEpoch(fields['_messagetime']),
    receiptTime: toEpoch(fields['_receipttime']),
    sourceCategory: fields['_sourcecategory'] ?? '',
    sourceHost: fields['_sourcehost'] ?? '',
    sourceName: fields['_sourcename'] ?? '',
    messageId: messageId === undefined ? undefined : messageId,
    fields,
  };
}

/** Best time for a message: when it was logged, else when Sumo received it. */
export function messageTimeOf(message: Pick<LogMessage, 'messageTime' | 'receiptTime'>): number | undefined {
  return message.messageTime ?? message.receiptTime;
}

const VALUE_CHAR = /[A-Za-z0-9._-]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export type TagMatch = 'exact' | 'case-only' | 'none';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function boundedMatches(raw: string, needle: string, flags: string): boolean {
  const re = new RegExp(escapeRegExp(needle), `g${flags}`);
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const before = raw[m.index - 1];
    const after = raw[m.index + m[0].length];
    if ((before === undefined || !NAME_CHAR.test(before)) && (after === undefined || !VALUE_CHAR.test(after)))
      return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * Sumo's keyword search is case-insensitive and splits at punctuation, so a hit may carry a longer or
 * differently cased tag. Exact: `tagName=value`, case-sensitive, with no value character after it
 * (and no name character before it).
 */
export function recheckTag(raw: string, tagName: string, value: string): TagMatch {
  const needle = `${tagName}=${value}`;
  if (boundedMatches(raw, needle, '')) return 'exact';
  if (boundedMatches(raw, needle, 'i')) return 'case-only';
  return 'none';
}

export interface TagValue {
  tagName: string;
  value: string;
  /**
   * 'session': `value` is a session id in base 36 and the tag must hold a token of that session
   * (a search from a session id alone); otherwise the tag must hold `value` exactly.
   */
  match?: 'session';
}

export interface RecheckResult<T> {
  kept: T[];
  /** Lines that matched only when case is ignored (e.g. "openreplaysessiontoken="). */
  droppedCaseOnly: number;
  /** Lines with no bounded match at all (e.g. a longer token that merely starts with ours). */
  droppedNoMatch: number;
  /** Lines whose token tag holds another session's token (its id only starts like ours) or no token. */
  droppedOtherSession: number;
}

function matchOf(raw: string, tag: TagValue): SessionTagMatch {
  return tag.match === 'session'
    ? recheckSessionTag(raw, tag.tagName, tag.value)
    : recheckTag(raw, tag.tagName, tag.value);
}

/** Keeps messages that carry at least one of the tags exactly; counts the rest by why they were dropped. */
export function recheckMessages<T extends { raw: string }>(
  messages: readonly T[],
  tags: readonly TagValue[],
): RecheckResult<T> {
  const kept: T[] = [];
  let droppedCaseOnly = 0;
  let droppedNoMatch = 0;
  let droppedOtherSession = 0;
  for (const message of messages) {
    let best: SessionTagMatch = 'none';
    for (const tag of tags) {
      const match = matchOf(message.raw, tag);
      if (match === 'exact') {
        best = 'exact';
        break;
      }
      if (match === 'case-only' || (match === 'other-session' && best === 'none')) best = match;
    }
    if (best === 'exact') kept.push(message);
    else if (best === 'case-only') droppedCaseOnly++;
    else if (best === 'other-session') droppedOtherSession++;
    else droppedNoMatch++;
  }
  return { kept, droppedCaseOnly, droppedNoMatch, droppedOtherSession };
}

export type TagIssue =
  | { kind: 'wrong-case-name'; found: string }
  | { kind: 'wrong-case-value'; found: string }
  | { kind: 'truncated-token'; found: string; missingChars: number }
  | { kind: 'extended-token'; found: string }
  | { kind: 'other-token'; found: string };

/**
 * Near misses of the tag in one line, for diagnosing backend tagging: a wrongly cased tag name,
 * a cut-off token (a strict prefix of ours), a token with extra characters, a wrongly cased value,
 * or a different token (stale or foreign). An exact, correctly bounded tag gives no issue.
 */
export function findTagIssues(raw: string, tagName: string, token: string): TagIssue[] {
  const issues: TagIssue[] = [];
  const re = new RegExp(`${escapeRegExp(tagName)}=`, 'gi');
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const before = raw[m.index - 1];
    if (before !== undefined && NAME_CHAR.test(before)) continue;
    const name = m[0].slice(0, -1);
    let end = m.index + m[0].length;
    while (end < raw.length && VALUE_CHAR.test(raw[end] ?? '')) end++;
    const found = raw.slice(m.index + m[0].length, end);
    re.lastIndex = end;
    const nameExact = name === tagName;
    if (!nameExact) issues.push({ kind: 'wrong-case-name', found: name });
    if (found === token) continue;
    if (found.length > 0 && found.length < token.length && token.startsWith(found)) {
      issues.push({ kind: 'truncated-token', found, missingChars: token.length - found.length });
    } else if (found.length > token.length && found.startsWith(token)) {
      issues.push({ kind: 'extended-token', found });
    } else if (found.toLowerCase() === token.toLowerCase()) {
      issues.push({ kind: 'wrong-case-value', found });
    } else {
      issues.push({ kind: 'other-token', found });
    }
  }
  return issues;
}

// "[openReplaySessionToken=<v>] " as the seed's Python example writes it (any case, any openReplay* tag).
const TAG_PREFIX = /\[openReplay[A-Za-z0-9_.]*=[A-Za-z0-9._-]*\]\s?/gi;
const LEADING_TAGS = /^(?:\s*\[openReplay[A-Za-z0-9_.]*=[A-Za-z0-9._-]*\])+\s?/i;

/** Removes the session tags wherever they are (the seed's example also puts one inside exception messages). */
export function removeSessionTags(text: string): string {
  return text.replace(TAG_PREFIX, '');
}

/** Removes the session tags at the start of a line only, keeping the line's own indentation. */
export function stripLeadingTags(line: string): string {
  return line.replace(LEADING_TAGS, '');
}
