import { DEFAULT_TAG_NAMES } from '../../shared/settings.ts';
import { validateToken as validateTokenFormat } from '../session/token.ts';
import { validateSessionId as validateSessionIdFormat } from '../session/session-id.ts';

// The tag clause is a fixed template filled only with allowlisted values: a value copied from a page is
// hostile input and is never escaped into a query, only accepted or refused.

export const MAX_QUERY_LENGTH = 15_000;
export const MAX_TOKEN_LENGTH = 200;
export const MAX_SESSION_ID_LENGTH = 20;
export const MAX_TAG_NAME_LENGTH = 64;

const TOKEN_CHARS = /^[0-9A-Za-z._-]*$/;
const TAG_NAME = /^[A-Za-z][A-Za-z0-9._]*$/;

export type QueryField = 'token' | 'sessionId' | 'tagNames' | 'scope' | 'query';

export interface SessionQueryInput {
  token?: string;
  sessionId?: string;
  /** Names ending in ".id" carry the numeric session id; the others carry the token. */
  tagNames?: readonly string[];
  /** The user's own keyword scope (e.g. `_sourceCategory=prod/api`), kept separate from the tag clause. */
  scope?: string;
}

export interface SessionQuery {
  query: string;
  tagClause: string;
  scope: string;
}

export type SessionQueryResult = ({ ok: true } & SessionQuery) | { ok: false; field: QueryField; message: string };

/** Names a character for a message without echoing control characters. */
export function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t') return 'a tab';
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x200b && code <= 0x206f) || code === 0xfeff) {
    return `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${ch}"`;
}

function firstBadChar(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return ch;
  return undefined;
}

const TOKEN_ALLOWED_TEXT = 'only letters, digits, ".", "_" and "-" are allowed';

/** Returns a user-facing refusal, or undefined when the token is safe to put in a query. */
export function validateToken(token: string): string | undefined {
  if (token.length === 0) return 'Refused: the session token is empty.';
  if (token.length > MAX_TOKEN_LENGTH) {
    return `Refused: the session token is ${token.length} characters long (at most ${MAX_TOKEN_LENGTH}) — it was not put into a SumoLogic query.`;
  }
  if (!TOKEN_CHARS.test(token)) {
    const bad = firstBadChar(token, /[0-9A-Za-z._-]/) ?? '?';
    return `Refused: the session token contains ${describeChar(bad)} (${TOKEN_ALLOWED_TEXT}) — it was not put into a SumoLogic query.`;
  }
  // The format itself has one definition, shared with the panel's session decoder.
  const format = validateTokenFormat(token);
  if (!format.ok) return `Refused: ${format.reason} — it was not put into a SumoLogic query.`;
  return undefined;
}

export function validateSessionId(sessionId: string): string | undefined {
  if (sessionId.length === 0) return 'Refused: the session id is empty.';
  if (sessionId.length > MAX_SESSION_ID_LENGTH) {
    return `Refused: the session id is ${sessionId.length} characters long (at most ${MAX_SESSION_ID_LENGTH} digits) — it was not put into a SumoLogic query.`;
  }
  const bad = firstBadChar(sessionId, /[0-9]/);
  if (bad !== undefined) {
    return `Refused: the session id contains ${describeChar(bad)} (only digits are allowed) — it was not put into a SumoLogic query.`;
  }
  const format = validateSessionIdFormat(sessionId);
  if (!format.ok) return `Refused: ${format.reason} — it was not put into a SumoLogic query.`;
  return undefined;
}

export function validateTagName(name: string): string | undefined {
  if (name.length === 0) return 'Refused: a tag name is empty.';
  if (name.length > MAX_TAG_NAME_LENGTH) return `Refused: a tag name is longer than ${MAX_TAG_NAME_LENGTH} characters.`;
  if (!TAG_NAME.test(name)) {
    const bad = firstBadChar(name, /[A-Za-z0-9._]/);
    if (bad !== undefined) {
      return `Refused: the tag name contains ${describeChar(bad)} (only letters, digits, "." and "_" are allowed).`;
    }
    return 'Refused: a tag name must start with a letter.';
  }
  return undefined;
}

export function isSessionIdTagName(name: string): boolean {
  return name.toLowerCase().endsWith('.id');
}

/**
 * The scope is the user's own text, used as is, but it must stay a keyword scope and must not be able to
 * unhook the tag clause: no pipe operators, line breaks, comments, or unbalanced quotes/parentheses.
 */
function startsTerm(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
  return /[\s(]/.test(before);
}

export function validateScope(scope: string): string | undefined {
  if (scope.includes('|')) {
    return 'Refused: the scope query contains "|" — the scope is a keyword scope only (e.g. _sourceCategory=prod/api); operators after a pipe are not allowed.';
  }
  if (/[\r\n\u2028\u2029]/.test(scope)) return 'Refused: the scope query contains a line break — write it on one line.';
  for (const ch of scope) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 && ch !== '\t') return `Refused: the scope query contains ${describeChar(ch)}.`;
  }
  let inQuote = false;
  let depth = 0;
  for (let i = 0; i < scope.length; i++) {
    const ch = scope[i];
    if (inQuote) {
      if (ch === '\\') i++;
      else if (ch === '"') inQuote = false;
      continue;
    }
    if (ch === '"') inQuote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth < 0)
        return 'Refused: the scope query has a ")" without its "(" — it could detach the session tag from the search.';
    } else if (ch === '/' && (scope[i + 1] === '/' || scope[i + 1] === '*') && startsTerm(scope, i)) {
      // Only at the start of a term, as Sumo reads it: `_sourceCategory=prod/*` is a wildcard, not a comment.
      return 'Refused: the scope query contains a comment ("//" or "/*") — it would cut off the session tag.';
    }
  }
  if (inQuote) return 'Refused: the scope query has an unclosed double quote.';
  if (depth !== 0) return 'Refused: the scope query has a "(" without its ")".';
  return undefined;
}

export function tryBuildSessionQuery(input: SessionQueryInput): SessionQueryResult {
  const refuse = (field: QueryField, message: string): SessionQueryResult => ({ ok: false, field, message });
  const { token, sessionId } = input;
  if (token === undefined && sessionId === undefined) {
    return refuse('token', 'Refused: there is no session token or session id to search for.');
  }
  if (token !== undefined) {
    const problem = validateToken(token);
    if (problem) return refuse('token', problem);
  }
  if (sessionId !== undefined) {
    const problem = validateSessionId(sessionId);
    if (problem) return refuse('sessionId', problem);
  }
  const tagNames = input.tagNames ?? DEFAULT_TAG_NAMES;
  if (tagNames.length === 0) return refuse('tagNames', 'Refused: no tag names are configured.');
  for (const name of tagNames) {
    const problem = validateTagName(name);
    if (problem) return refuse('tagNames', problem);
  }
  const terms: string[] = [];
  // With a session id alone, token tags are asked for the id in base 36: the first part of every
  // token of that session, a whole term to SumoLogic (it splits at "."). Made from the validated
  // decimal id only; the client re-checks that each line's token decodes to this id.
  const idOnly = token === undefined;
  const ordered = idOnly
    ? [...tagNames.filter(isSessionIdTagName), ...tagNames.filter((n) => !isSessionIdTagName(n))]
    : tagNames;
  for (const name of ordered) {
    const value = isSessionIdTagName(name)
      ? sessionId
      : (token ?? (sessionId === undefined ? undefined : BigInt(sessionId).toString(36)));
    if (value !== undefined) terms.push(`"${name}=${value}"`);
  }
  if (terms.length === 0) {
    const missing = token === undefined ? 'session id' : 'session token';
    return refuse('tagNames', `Refused: none of the configured tag names takes a ${missing}.`);
  }
  const tagClause = [...new Set(terms)].join(' OR ');
  const scope = (input.scope ?? '').trim();
  if (scope) {
    const problem = validateScope(scope);
    if (problem) return refuse('scope', problem);
  }
  const query = scope ? `(${scope}) AND (${tagClause})` : tagClause;
  if (query.length > MAX_QUERY_LENGTH) {
    return refuse(
      'query',
      `Refused: the query would be ${query.length} characters long; SumoLogic accepts at most ${MAX_QUERY_LENGTH}.`,
    );
  }
  return { ok: true, query, tagClause, scope };
}

/** The documented deep link that opens a search in the SumoLogic UI. */
export function uiSearchUrl(uiHost: string, query: string, from: number, to: number): string {
  const origin = /^https?:\/\//i.test(uiHost) ? uiHost.replace(/\/+$/, '') : `https://${uiHost}`;
  return `${origin}/ui/#/search/create?query=${encodeURIComponent(query)}&startTime=${Math.floor(from)}&endTime=${Math.floor(to)}`;
}

export const DEFAULT_SESSION_LENGTH_MS = 2 * 60 * 60 * 1000;

export interface TimeWindowInput {
  /** Epoch ms now. */
  now: number;
  sessionStartMs?: number;
  tokenExpiryMs?: number;
  /** "Last N minutes" overrides the session-based window. */
  lastMinutes?: number;
  /** Slack for clock skew between browser and backend, applied on both sides (default 60 s). */
  slackMs?: number;
  /** Maximum session length of the project (default 2 h); used when only the expiry is known. */
  sessionLengthMs?: number;
}

export interface TimeWindow {
  from: number;
  to: number;
  basis: 'session-start' | 'token-expiry' | 'session-id' | 'last-minutes';
  /** How far the user widened it on each side. */
  widenedMs?: number;
}

/** Search window in epoch ms: from the session start (or expiry − session length, or now − N min) to now or the expiry. */
export function timeWindow(input: TimeWindowInput): TimeWindow {
  const now = Math.floor(input.now);
  const slack = input.slackMs ?? 60_000;
  if (input.lastMinutes !== undefined || (input.sessionStartMs === undefined && input.tokenExpiryMs === undefined)) {
    const minutes = input.lastMinutes ?? 15;
    return { from: now - Math.max(1, minutes) * 60_000, to: now, basis: 'last-minutes' };
  }
  const end = input.tokenExpiryMs !== undefined ? Math.min(now, input.tokenExpiryMs + slack) : now;
  if (input.sessionStartMs !== undefined) {
    const from = Math.min(input.sessionStartMs - slack, end - 1);
    return { from, to: end, basis: 'session-start' };
  }
  const expiry = input.tokenExpiryMs ?? now;
  const from = Math.min(expiry - (input.sessionLengthMs ?? DEFAULT_SESSION_LENGTH_MS) - slack, end - 1);
  return { from, to: end, basis: 'token-expiry' };
}
