import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue } from '../http.ts';
import { openReplayTag } from '../../snippets/node/openreplay-context.mjs';
import { formatLogLine, levelForStatus, requestText, TOKEN_HEADER, tokenTag } from './log-format.ts';
import type { LogLevel } from './log-format.ts';
import type { LogSink, LogSource } from './log-sink.ts';

export interface RequestLogger {
  token: string | undefined;
  log(level: LogLevel, text: string): void;
  /** For messages that place their own tags (foreign stack traces). */
  logRaw(level: LogLevel, text: string): void;
  untagged(): void;
}

/** Tags this request's lines with the token it carried, and writes the request line once it is answered. */
export function logRequest(req: IncomingMessage, res: ServerResponse, sink: LogSink, source: LogSource): RequestLogger {
  const started = performance.now();
  const header = headerValue(req, TOKEN_HEADER);
  const token = header === undefined || header === '' ? undefined : header;
  let tagged = true;
  // The tag comes from the Node snippet the panel offers (run inside its openReplayContext). A header
  // it refuses (a cut-off token) is still tagged as sent: the demo must show such broken tags.
  const tag = openReplayTag() || (token === undefined ? '' : tokenTag(token));
  const write = (level: LogLevel, text: string, withTag: boolean): void => {
    sink.write(formatLogLine({ time: new Date(), level, text: withTag && tagged ? tag + text : text }), source);
  };
  res.once('close', () => {
    const status = res.writableFinished ? res.statusCode : 499;
    write(
      levelForStatus(status),
      requestText(req.method ?? 'GET', req.url ?? '/', status, performance.now() - started),
      true,
    );
  });
  return {
    token,
    log: (level, text) => write(level, text, true),
    logRaw: (level, text) => write(level, text, false),
    untagged: () => {
      tagged = false;
    },
  };
}
