import { startSumoServer, type SumoServer, type SumoServerOptions } from '../../sumo-server/index.ts';
import { CookieJar } from './cookie-jar.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  /** The body as an object (tests then assert on its fields). */
  json: Record<string, unknown>;
}

export interface ClientOptions {
  accessId?: string;
  accessKey?: string;
  /** false: behave like Node's fetch, which forgets cookies. */
  keepCookies?: boolean;
}

export function basicAuth(accessId: string, accessKey: string): string {
  return `Basic ${Buffer.from(`${accessId}:${accessKey}`).toString('base64')}`;
}

/** A raw Search Job API caller, with or without a cookie jar. */
export class TestClient {
  readonly jar: CookieJar | undefined;
  private readonly auth: string;

  constructor(
    private readonly baseUrl: string,
    opts: ClientOptions = {},
  ) {
    this.auth = basicAuth(opts.accessId ?? 'demo-access-id', opts.accessKey ?? 'demo-access-key');
    this.jar = opts.keepCookies === false ? undefined : new CookieJar();
  }

  async request(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = {
      Authorization: this.auth,
      Accept: 'application/json',
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    };
    const cookie = this.jar?.headerFor(url.pathname);
    if (cookie) headers.Cookie = cookie;
    const res = await fetch(url, {
      method,
      headers,
      redirect: 'manual',
      ...(init.body !== undefined
        ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
        : {}),
    });
    this.jar?.store(res);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    const json = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    return { status: res.status, headers: res.headers, body, json };
  }

  create(body: Record<string, unknown>, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.request('POST', '/api/v1/search/jobs', { body, ...(headers ? { headers } : {}) });
  }

  status(id: string, headers?: Record<string, string>): Promise<ApiResponse> {
    return this.request('GET', `/api/v1/search/jobs/${id}`, headers ? { headers } : {});
  }

  messages(id: string, offset: number, limit: number): Promise<ApiResponse> {
    return this.request('GET', `/api/v1/search/jobs/${id}/messages?offset=${offset}&limit=${limit}`);
  }

  records(id: string, offset: number, limit: number): Promise<ApiResponse> {
    return this.request('GET', `/api/v1/search/jobs/${id}/records?offset=${offset}&limit=${limit}`);
  }

  delete(id: string): Promise<ApiResponse> {
    return this.request('DELETE', `/api/v1/search/jobs/${id}`);
  }

  /** Creates a job and returns its id (fails the test on anything but 202). */
  async createId(body: Record<string, unknown>, headers?: Record<string, string>): Promise<string> {
    const res = await this.create(body, headers);
    if (res.status !== 202) throw new Error(`create answered ${res.status}: ${JSON.stringify(res.body)}`);
    return String(res.json.id);
  }

  /** Polls until the job leaves the running states; returns the final status and all polls. */
  async pollUntilDone(
    id: string,
    maxPolls = 400,
  ): Promise<{ last: Record<string, unknown>; polls: Array<Record<string, unknown>> }> {
    const polls: Array<Record<string, unknown>> = [];
    for (let i = 0; i < maxPolls; i++) {
      const res = await this.status(id);
      if (res.status !== 200) throw new Error(`status answered ${res.status}: ${JSON.stringify(res.body)}`);
      polls.push(res.json);
      const state = res.json.state;
      if (state === 'DONE GATHERING RESULTS' || state === 'FORCE PAUSED' || state === 'CANCELLED') {
        return { last: res.json, polls };
      }
      await sleep(5);
    }
    throw new Error(`job ${id} still running after ${maxPolls} polls`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A whole-range search body. */
export function search(query: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { query, from: 0, to: 4_102_444_800_000, ...extra };
}

/** A server tuned for fast tests: jobs start and finish at once, limits far away unless a test sets them. */
export function startFastServer(opts: SumoServerOptions = {}): Promise<SumoServer> {
  return startSumoServer({
    jobStartDelayMs: 0,
    gatherMessagesPerSecond: Infinity,
    requestsPerSecond: 10_000,
    ...opts,
  });
}
