/** The request header the demo backend reads the session token from (Node lower-cases names). */
export const TOKEN_HEADER = 'x-openreplay-sessiontoken';

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

/** The tag the seed document prescribes, with its trailing space. Case matters to SumoLogic searches. */
export function tokenTag(token: string): string {
  return `[openReplaySessionToken=${token}] `;
}

export interface LogEntry {
  time: Date;
  level: LogLevel;
  /** Session token the request carried; no tag when undefined. */
  token?: string | undefined;
  /** The message; may span lines (a stack trace stays one message). */
  text: string;
}

/** `2026-11-26T13:09:10.333Z INFO [openReplaySessionToken=<token>] GET /api/users/42 200 3ms` */
export function formatLogLine(entry: LogEntry): string {
  const tag = entry.token === undefined ? '' : tokenTag(entry.token);
  return `${entry.time.toISOString()} ${entry.level} ${tag}${entry.text}`;
}

export function levelForStatus(status: number): LogLevel {
  if (status >= 500) return 'ERROR';
  if (status >= 400) return 'WARN';
  return 'INFO';
}

/** The request line's text: `GET /api/users/42 200 3ms`. */
export function requestText(method: string, path: string, status: number, durationMs: number): string {
  return `${method} ${path} ${status} ${Math.max(0, Math.round(durationMs))}ms`;
}
