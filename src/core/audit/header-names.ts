// The request header names that count as propagating the session.

/** Carry the token itself: the documented name, and the axios plugin's default. */
export const TOKEN_HEADER_NAMES: readonly string[] = ['X-OpenReplay-SessionToken', 'X-OpenReplay-Session-Token'];

/** Carries the numeric session id (the newer Datadog/Elastic/Sentry convention). */
export const SESSION_ID_HEADER_NAMES: readonly string[] = ['openReplaySession.id'];

/**
 * `token`: value must be a token. `session-id`: value must be a session id.
 * `either`: a user-added name, whose convention we do not know — either form of the current session counts.
 */
export type HeaderKind = 'token' | 'session-id' | 'either';

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A user-facing problem with a header name, or null when it is usable. */
export function validateHeaderName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'a header name cannot be empty';
  if (trimmed.length > 256) return 'a header name cannot be longer than 256 characters';
  if (!HEADER_NAME.test(trimmed)) {
    return `"${trimmed.replace(/[^\x20-\x7e]/g, '?')}" is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only)`;
  }
  return null;
}

/** Lower-case name → kind. Built-in names keep their kind even when a user adds them again. */
export function headerKinds(extraNames: readonly string[]): Map<string, HeaderKind> {
  const kinds = new Map<string, HeaderKind>();
  for (const n of extraNames) {
    if (validateHeaderName(n) === null) kinds.set(n.trim().toLowerCase(), 'either');
  }
  for (const n of TOKEN_HEADER_NAMES) kinds.set(n.toLowerCase(), 'token');
  for (const n of SESSION_ID_HEADER_NAMES) kinds.set(n.toLowerCase(), 'session-id');
  return kinds;
}
