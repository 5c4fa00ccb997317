import { curlCommand, type CurlCommand } from '../../../core/audit/curl.ts';
import { TOKEN_HEADER_NAMES } from '../../../core/audit/header-names.ts';
import type { CapturedRequest, Header, TokenContext } from '../../../core/audit/types.ts';
import { maskedValue } from './header-mask.ts';

const BODY_NOT_KEPT = 'The body was too long to keep (over 16 KB): the command sends none.';

function withBody(req: CapturedRequest, headers: Header[], notes: string[]): CurlCommand {
  const made = curlCommand({ method: req.method, url: req.url, headers, body: req.body ?? undefined });
  return { command: made.command, notes: [...notes, ...(req.body === null ? [BODY_NOT_KEPT] : []), ...made.notes] };
}

/** The request as it was sent; session headers and credentials masked unless `reveal`, as in the detail. */
export function curlAsSent(
  req: CapturedRequest,
  sessionHeaderNames: ReadonlySet<string>,
  tokens: TokenContext,
  reveal: boolean,
): CurlCommand {
  let masked = false;
  const headers = req.requestHeaders.map(([name, value]): Header => {
    const shown = maskedValue(name, value, sessionHeaderNames, tokens, reveal);
    masked ||= shown.masked && !reveal;
    return [name, shown.value];
  });
  return withBody(
    req,
    headers,
    masked ? ['Token values are masked: tick "Show token values unmasked" to copy them as sent.'] : [],
  );
}

/**
 * The request with the tab's current token in its session header (any other session header
 * removed): to replay a request that went without it, or with a stale one. Other credentials stay
 * masked unless `reveal`.
 */
export function curlWithToken(
  req: CapturedRequest,
  sessionHeaderNames: ReadonlySet<string>,
  tokens: TokenContext,
  reveal: boolean,
  headerName: string = TOKEN_HEADER_NAMES[0] ?? 'X-OpenReplay-SessionToken',
): CurlCommand | null {
  const token = tokens.current?.token;
  if (!token) return null;
  const headers: Header[] = [];
  for (const [name, value] of req.requestHeaders) {
    if (sessionHeaderNames.has(name.toLowerCase())) continue;
    headers.push([name, maskedValue(name, value, sessionHeaderNames, tokens, reveal).value]);
  }
  headers.push([headerName, token]);
  return withBody(req, headers, []);
}
