/**
 * The one rule for turning page- or log-supplied text into a link: only http(s) URLs become links
 * (never javascript:, data: or anything else); the normalized href, or null.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
