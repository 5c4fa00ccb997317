/** Where a message came from, as SumoLogic's HTTP source metadata headers say it. */
export interface LogSource {
  category: string;
  host: string;
  name: string;
}

export const BACKEND_SOURCE: LogSource = { category: 'demo/backend', host: 'demo-backend', name: 'backend.log' };

// The sumo-server helper decides the real name; this is what the demo sends until it says otherwise.
export const MULTILINE_HEADER = 'X-Sumo-Multiline';

export interface LogSinkOptions {
  /** SumoLogic-compatible HTTP source; each message is one POST. */
  sumoReceiverUrl?: string | undefined;
  /** Echo of every message; defaults to stdout when there is no receiver. */
  log?: ((line: string) => void) | undefined;
  /** Told once when the receiver cannot be reached. */
  warn?: (message: string) => void;
}

export interface LogSink {
  write(message: string, source?: LogSource): void;
  /** Every message written, in order. */
  lines(): string[];
  /** Waits for messages still on their way to the receiver. */
  flush(): Promise<void>;
}

const SHIP_TIMEOUT_MS = 3_000;

/** Collects log messages and ships them one per request, in order, without ever blocking a caller. */
export function createLogSink(opts: LogSinkOptions = {}): LogSink {
  const written: string[] = [];
  const echo = opts.log ?? (opts.sumoReceiverUrl ? undefined : (line: string) => console.log(line));
  const warn = opts.warn ?? ((message: string) => console.warn(message));
  let chain: Promise<void> = Promise.resolve();
  let warned = false;

  const ship = async (url: string, message: string, source: LogSource): Promise<void> => {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          'X-Sumo-Category': source.category,
          'X-Sumo-Host': source.host,
          'X-Sumo-Name': source.name,
          [MULTILINE_HEADER]: 'message',
        },
        body: message,
        signal: AbortSignal.timeout(SHIP_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      warned = false;
    } catch (err) {
      if (!warned) {
        warned = true;
        warn(`demo backend: could not ship log lines to ${url} (${(err as Error).message}); going on without it`);
      }
    }
  };

  return {
    write(message, source = BACKEND_SOURCE) {
      written.push(message);
      echo?.(message);
      const url = opts.sumoReceiverUrl;
      if (url) chain = chain.then(() => ship(url, message, source));
    },
    lines: () => [...written],
    flush: () => chain,
  };
}
