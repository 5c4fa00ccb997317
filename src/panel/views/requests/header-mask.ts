import { inertText, maskToken } from '../../../core/audit/mask.ts';
import type { Header, TokenContext } from '../../../core/audit/types.ts';

/** Headers whose values are credentials or session tokens whatever the page calls its session header. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export interface ShownHeader {
  name: string;
  value: string;
  /** The value is shown masked (and may be revealed). */
  masked: boolean;
}

function maskAuthorization(value: string): string {
  // `Bearer <token>`: the scheme helps, the credential must not show.
  const space = value.indexOf(' ');
  return space > 0 && space < 20
    ? `${value.slice(0, space)} ${maskToken(value.slice(space + 1).trim())}`
    : maskToken(value);
}

function containsKnownToken(value: string, tokens: TokenContext): boolean {
  if (tokens.current !== undefined && value.includes(tokens.current.token)) return true;
  return tokens.earlier.some((t) => t.token !== '' && value.includes(t.token));
}

/**
 * The value to show or copy for one header: masked when it is a session header (any configured
 * name), a credential, or holds a token of this tab, unless `reveal`. Raw: the caller makes it inert
 * for the screen or quotes it for a shell.
 */
export function maskedValue(
  rawName: string,
  rawValue: string,
  sessionHeaderNames: ReadonlySet<string>,
  tokens: TokenContext,
  reveal: boolean,
): { value: string; masked: boolean } {
  const lower = rawName.toLowerCase();
  const secret = sessionHeaderNames.has(lower) || SECRET_HEADERS.has(lower) || containsKnownToken(rawValue, tokens);
  if (!secret || rawValue === '') return { value: rawValue, masked: false };
  if (reveal) return { value: rawValue, masked: true };
  const value =
    lower === 'authorization' || lower === 'proxy-authorization' ? maskAuthorization(rawValue) : maskToken(rawValue);
  return { value, masked: true };
}

/** Header lines for the detail view, masked as `maskedValue` says and made inert (the values come from the page). */
export function shownHeaders(
  headers: readonly Header[],
  sessionHeaderNames: ReadonlySet<string>,
  tokens: TokenContext,
  reveal: boolean,
): ShownHeader[] {
  return headers.map(([rawName, rawValue]) => {
    const { value, masked } = maskedValue(rawName, rawValue, sessionHeaderNames, tokens, reveal);
    return { name: inertText(rawName, 120), value: inertText(value, 2048), masked };
  });
}
