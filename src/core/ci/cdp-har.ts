// CDP Network events → HAR entries, so the CLI and the Playwright fixture hand `fromHarEntry` the
// same shape DevTools hands the panel: one normaliser, one set of caps, one audit.
// Events come from the browser but their URLs and header values come from the page: nothing is
// trusted to be a string, and every record is bounded.

/** What is kept of one request while it is in flight. */
interface Pending {
  url: string;
  method: string;
  /** CDP monotonic seconds. */
  started: number;
  wallTime: number;
  type: string;
  initiator: string;
  /** Headers from requestWillBeSent (what the renderer asked for). */
  asked: Array<{ name: string; value: string }>;
  /** Headers from requestWillBeSentExtraInfo: what really went on the wire. */
  sent?: Array<{ name: string; value: string }>;
  status: number;
  responseHeaders: Array<{ name: string; value: string }>;
  extraResponseHeaders?: Array<{ name: string; value: string }>;
}

/** A finished request as a HAR 1.2 entry with Chromium's private fields (`_resourceType`, …). */
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; headers: Array<{ name: string; value: string }> };
  response: { status: number; headers: Array<{ name: string; value: string }>; _error?: string };
  _resourceType: string;
  _initiator: { type: string };
  /** CDP request id, to fetch a response body later (the tracker's start answer). */
  _requestId: string;
}

const MAX_IN_FLIGHT = 5000;
const MAX_HEADERS = 100;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown, max = 8192): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** CDP headers are an object; one header sent twice is one value joined with newlines. */
export function headerList(v: unknown): Array<{ name: string; value: string }> {
  if (!isRecord(v)) return [];
  const out: Array<{ name: string; value: string }> = [];
  for (const name of Object.keys(v)) {
    if (out.length >= MAX_HEADERS) break;
    const value = v[name];
    if (typeof value !== 'string') continue;
    for (const part of value.split('\n', MAX_HEADERS - out.length))
      out.push({ name: name.slice(0, 256), value: part.slice(0, 2048) });
  }
  return out;
}

/**
 * Collects Network.* events of one page and emits a HAR entry per finished request. Extra-info
 * events may arrive before or after their main event; both orders are handled.
 */
export class CdpHarBuilder {
  readonly #pending = new Map<string, Pending>();
  /** Extra-info that arrived before its requestWillBeSent. */
  readonly #earlySent = new Map<string, Array<{ name: string; value: string }>>();
  readonly #earlyResponse = new Map<string, Array<{ name: string; value: string }>>();
  readonly #emit: (entry: HarEntry) => void;

  constructor(emit: (entry: HarEntry) => void) {
    this.#emit = emit;
  }

  /** Requests started and not finished yet. */
  get inFlight(): number {
    return this.#pending.size;
  }

  /** Feeds one CDP event by method name; unknown methods are ignored. */
  onEvent(method: string, params: unknown): void {
    if (!isRecord(params)) return;
    const id = text(params['requestId'], 128);
    if (id === '') return;
    switch (method) {
      case 'Network.requestWillBeSent':
        return this.#willBeSent(id, params);
      case 'Network.requestWillBeSentExtraInfo': {
        const sent = headerList(params['headers']);
        const p = this.#pending.get(id);
        if (p !== undefined) p.sent = sent;
        else this.#remember(this.#earlySent, id, sent);
        return;
      }
      case 'Network.responseReceived': {
        const p = this.#pending.get(id);
        const response = params['response'];
        if (p === undefined || !isRecord(response)) return;
        p.status = Math.trunc(num(response['status']));
        p.responseHeaders = headerList(response['headers']);
        return;
      }
      case 'Network.responseReceivedExtraInfo': {
        const headers = headerList(params['headers']);
        const p = this.#pending.get(id);
        if (p !== undefined) {
          p.extraResponseHeaders = headers;
          if (p.status === 0) p.status = Math.trunc(num(params['statusCode']));
        } else this.#remember(this.#earlyResponse, id, headers);
        return;
      }
      case 'Network.loadingFinished':
        return this.#finish(id, num(params['timestamp']));
      case 'Network.loadingFailed':
        return this.#finish(id, num(params['timestamp']), text(params['errorText'], 200) || 'net::ERR_FAILED');
    }
  }

  #remember(
    map: Map<string, Array<{ name: string; value: string }>>,
    id: string,
    headers: Array<{ name: string; value: string }>,
  ): void {
    if (map.size >= MAX_IN_FLIGHT) map.clear();
    map.set(id, headers);
  }

  #willBeSent(id: string, params: Record<string, unknown>): void {
    const request = params['request'];
    if (!isRecord(request)) return;
    // A redirect reuses the request id: the hop before it is finished with the redirect's answer.
    const redirect = params['redirectResponse'];
    const before = this.#pending.get(id);
    if (before !== undefined && isRecord(redirect)) {
      before.status = Math.trunc(num(redirect['status']));
      before.responseHeaders = headerList(redirect['headers']);
      this.#finish(id, num(params['timestamp']));
    }
    if (this.#pending.size >= MAX_IN_FLIGHT) return;
    const initiator = params['initiator'];
    const p: Pending = {
      url: text(request['url']),
      method: text(request['method'], 32) || 'GET',
      started: num(params['timestamp']),
      wallTime: num(params['wallTime']),
      type: text(params['type'], 32),
      initiator: isRecord(initiator) ? text(initiator['type'], 32) : '',
      asked: headerList(request['headers']),
      status: 0,
      responseHeaders: [],
    };
    const sent = this.#earlySent.get(id);
    if (sent !== undefined) {
      p.sent = sent;
      this.#earlySent.delete(id);
    }
    const response = this.#earlyResponse.get(id);
    if (response !== undefined) {
      p.extraResponseHeaders = response;
      this.#earlyResponse.delete(id);
    }
    this.#pending.set(id, p);
  }

  #finish(id: string, timestamp: number, error?: string): void {
    const p = this.#pending.get(id);
    if (p === undefined) return;
    this.#pending.delete(id);
    this.#earlySent.delete(id);
    this.#earlyResponse.delete(id);
    const wall = p.wallTime > 0 ? p.wallTime * 1000 : Date.now();
    const entry: HarEntry = {
      startedDateTime: new Date(wall).toISOString(),
      time: Math.max(0, (timestamp - p.started) * 1000),
      // The headers really sent win: they include what the network stack and extensions added.
      request: { method: p.method, url: p.url, headers: p.sent ?? p.asked },
      response: { status: error !== undefined ? 0 : p.status, headers: p.extraResponseHeaders ?? p.responseHeaders },
      _resourceType: p.type.toLowerCase(),
      _initiator: { type: p.initiator },
      _requestId: id,
    };
    if (error !== undefined) entry.response._error = error;
    this.#emit(entry);
  }
}
