import type { AuditStore } from '../../core/audit/audit-store.ts';
import type { ReportInput } from '../../core/audit/report.ts';
import type { CaptureInfo } from '../../shared/protocol.ts';

/** Everything the exports need, read from the panel's store at the moment of the export. */
export function reportInput(
  store: AuditStore,
  capture: CaptureInfo | null,
  reveal: boolean,
  now = Date.now(),
): ReportInput {
  const current = store.tokens.current;
  const input: ReportInput = {
    pageUrl: capture?.pageUrl ?? '',
    generatedAt: now,
    requests: store.toArray(),
    settings: store.settings,
    dropped: Math.max(capture?.dropped ?? 0, store.dropped),
    cap: store.cap,
    revealToken: reveal,
  };
  const earlier = store.tokens.earlier.map((t) => t.token);
  if (earlier.length > 0) input.otherTokens = earlier;
  if (current !== undefined) {
    input.token = current.token;
    input.sessionId = current.sessionId;
  }
  return input;
}

/** `replay-link-audit-127.0.0.1-4000-2025-11-26T13-04-05.json`: host and time, nothing else from the page. */
export function exportFileName(pageUrl: string, now = Date.now()): string {
  let host = 'page';
  try {
    host = new URL(pageUrl).host || 'page';
  } catch {
    // not a URL (about:blank, empty): keep "page"
  }
  const safeHost = host.replace(/[^a-z0-9.-]+/gi, '-').slice(0, 80);
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/:/g, '-');
  return `replay-link-audit-${safeHost}-${stamp}.json`;
}
