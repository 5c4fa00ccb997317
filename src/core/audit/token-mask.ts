// Exports say the token is masked; apps also put it in URLs (EventSource, WebSocket, query
// strings), in the page URL and in log lines, so masking covers every string of an export.

import { maskToken } from './mask.ts';
import type { AuditEntry } from './types.ts';

/** What of an export's input holds page text or says which tokens to mask. */
export interface MaskableInput {
  pageUrl: string;
  token?: string;
  otherTokens?: readonly string[];
  revealToken?: boolean;
  requests: readonly AuditEntry[];
}

/** The tokens an export must not show: the current one and the tab's earlier ones. */
export function tokensToMask(input: Pick<MaskableInput, 'token' | 'otherTokens' | 'revealToken'>): string[] {
  if (input.revealToken === true) return [];
  const all = [input.token ?? '', ...(input.otherTokens ?? [])].filter((t) => t.length >= 8);
  // Longest first: one token may contain another (a cut-off copy).
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

/** Every occurrence of each token replaced by its masked form; one scan of the text per token. */
export function maskTokensIn(text: string, tokens: readonly string[]): string {
  let out = text;
  for (const token of tokens) if (out.includes(token)) out = out.split(token).join(maskToken(token));
  return out;
}

function maskedEntry(e: AuditEntry, tokens: readonly string[]): AuditEntry {
  const m = (s: string): string => maskTokensIn(s, tokens);
  const { req, result } = e;
  const texts = [req.url, req.pageUrl, req.error ?? '', result.reason, result.fix ?? ''];
  if (!texts.some((t) => tokens.some((token) => t.includes(token)))) return e;
  const maskedReq = { ...req, url: m(req.url), path: m(req.path), query: m(req.query), pageUrl: m(req.pageUrl) };
  if (req.template !== undefined) maskedReq.template = m(req.template);
  if (req.endpoint !== undefined) maskedReq.endpoint = m(req.endpoint);
  if (req.error !== undefined) maskedReq.error = m(req.error);
  const maskedResult = { ...result, reason: m(result.reason) };
  if (result.fix !== undefined) maskedResult.fix = m(result.fix);
  return { ...e, req: maskedReq, result: maskedResult };
}

/** The export's input with the token masked in every page-supplied string, unless revealed. */
export function maskedReportInput<T extends MaskableInput>(input: T): T {
  const tokens = tokensToMask(input);
  if (tokens.length === 0) return input;
  return {
    ...input,
    pageUrl: maskTokensIn(input.pageUrl, tokens),
    requests: input.requests.map((e) => maskedEntry(e, tokens)),
  };
}
