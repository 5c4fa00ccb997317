import { formatLogLine, type LogLevel } from './backend/log-format.ts';
import type { LogSink } from './backend/log-sink.ts';
import type { IngestSession, SessionRegistry } from './ingest/sessions.ts';
import { DEMO_PROJECT_KEY } from './page-config.ts';

// Support's case: a customer reports a failed checkout from yesterday and hands over the session's
// replay URL. The backend lines of that session already sit in SumoLogic with yesterday's
// timestamps, tagged the seed document's way: with the token only, never the session id.

export const CUSTOMER_SESSION_AGE_MS = 24 * 60 * 60 * 1000 + 30 * 60 * 1000;

export interface CustomerSession {
  token: string;
  sessionId: string;
  startTimestamp: number;
  expiresAt: number;
  /** The replay URL support is handed (the ingest stand-in serves it). */
  sessionUrl: string;
}

const LINES: ReadonlyArray<{ afterMs: number; level: LogLevel; text: string }> = [
  { afterMs: 2_100, level: 'INFO', text: 'GET /api/products 200 14ms' },
  { afterMs: 41_300, level: 'INFO', text: 'POST /api/cart 200 9ms' },
  {
    afterMs: 95_020,
    level: 'ERROR',
    text: [
      'POST /api/checkout declined: Error: payment provider declined the card (card_declined, total 349.00)',
      '    at placeCheckout (/srv/shop/backend/payments.js:17:11)',
      '    at handleApi (/srv/shop/backend/api.js:74:5)',
    ].join('\n'),
  },
  { afterMs: 95_031, level: 'ERROR', text: 'POST /api/checkout 500 31ms' },
  { afterMs: 130_400, level: 'WARN', text: 'GET /api/users/77 404 3ms' },
];

/** Yesterday's session of a customer: issued like any other (a flakeid from its start), then over. */
export function customerSession(
  registry: SessionRegistry,
  replayOrigin: string,
  projectId: string,
  now: number,
): CustomerSession {
  const s: IngestSession = registry.pastSession(now - CUSTOMER_SESSION_AGE_MS, { projectKey: DEMO_PROJECT_KEY });
  return {
    token: s.token,
    sessionId: s.sessionId,
    startTimestamp: s.startTimestamp,
    expiresAt: s.expiresAt,
    sessionUrl: `${replayOrigin}/${projectId}/session/${s.sessionId}`,
  };
}

/** The session's backend lines as the demo backend writes them, each stamped with its own (past) time. */
export function customerSessionLines(session: Pick<CustomerSession, 'token' | 'startTimestamp'>): string[] {
  return LINES.map((l) =>
    formatLogLine({
      time: new Date(session.startTimestamp + l.afterMs),
      level: l.level,
      token: session.token,
      text: l.text,
    }),
  );
}

export function shipCustomerSession(sink: LogSink, session: CustomerSession): void {
  for (const line of customerSessionLines(session)) sink.write(line);
}
