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
  return space > 0 && space < 20 ? `${value.slice(0, space)} ${maskToken(value.slice(space + 1).trim())}` : maskToken(value);
}

function containsKnownToken(value: string, tokens: TokenContext): boolean {
  if (tokens.current !== undefined && value.includes(tokens.current.token)) return true;
  return tokens.earlier.some((t) => t.token !== '' && value.includes(t.token));
}

/**
 * Header lines for the detail view: session headers (any configured name), credentials and any
 * value holding a token of this tab are masked unless `reveal`. Everything is made inert
 * (control and bidi characters visible, length capped): the values come from the page.
 */
export function shownHeaders(headers: readonly Header[], sessionHeaderNames: ReadonlySet<string>, tokens: TokenContext, reveal: boolean): ShownHeader[] {
  return headers.map(([rawName, rawValue]) => {
    const lower = rawName.toLowerCase();
    const secret = sessionHeaderNames.has(lower) || SECRET_HEADERS.has(lower) || containsKnownToken(rawValue, tokens);
    const name = inertText(rawName, 120);
    if (!secret || reveal || rawValue === '') return { name, value: inertText(rawValue, 2048), masked: secret && rawValue !== '' };
    const masked = lower === 'authorization' || lower === 'proxy-authorization' ? maskAuthorization(rawValue) : maskToken(rawValue);
    return { name, value: inertText(masked, 2048), masked: true };
  });
}
