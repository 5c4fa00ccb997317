import type { Clock } from '../../../src/sumo/clock.ts';
import type { FetchLike } from '../../../src/sumo/client.ts';

export interface FakeResponseSpec {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  init: RequestInit;
  body: unknown;
  at: number;
}

export interface StatusStep {
  state: string;
  messageCount?: number;
  recordCount?: number;
  histogramBuckets?: { startTimestamp: number; length: number; count: number }[];
  pendingErrors?: string[];
  pendingWarnings?: string[];
  /** Serve the body with camelCase or UPPER keys, as one doc revision shows. */
  raw?: Record<string, unknown>;
}

interface Fault {
  when: (r: FakeRequest) => boolean;
  times: number;
  respond: FakeResponseSpec | ((r: FakeRequest) => FakeResponseSpec);
}

interface Job {
  id: string;
  polls: number;
  available: number;
  deleted: boolean;
}

export function sumoError(status: number, code: string, message = 'details'): FakeResponseSpec {
  return { status, body: { status, id: 'CORR-1', code, message } };
}

export function makeMessage(i: number, raw?: string): Record<string, string> {
  return {
    _messagetime: String(1_700_000_000_000 - i * 1000),
    _receipttime: String(1_700_000_000_500 - i * 1000),
    _raw: raw ?? `line ${i}`,
    _sourcecategory: 'prod/api',
    _sourcehost: 'web-1',
    _sourcename: '/var/log/api.log',
    _messageid: `-92233720368547${String(75000 + i)}`,
  };
}

/** A scriptable stand-in for the Search Job API: records every request, counts live jobs and concurrency. */
export class FakeSumo {
  readonly requests: FakeRequest[] = [];
  statusSteps: StatusStep[] = [{ state: 'DONE GATHERING RESULTS' }];
  messages: Record<string, string>[] = [];
  /** Message-page requests that answer an empty page regardless (the known service bug). */
  emptyPages = 0;
  /** Largest page the fake serves, to exercise "advance by what came back". */
  maxPageSize = Infinity;
  /** Keys in message maps served in camelCase-ish capitalisation. */
  capitalizeMessageKeys = false;
  readonly jobs = new Map<string, Job>();
  private readonly faults: Fault[] = [];
  private inFlight = 0;
  maxInFlight = 0;
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly latencyMs = 0,
  ) {}

  fault(when: (r: FakeRequest) => boolean, respond: Fault['respond'], times = 1): this {
    this.faults.push({ when, respond, times });
    return this;
  }

  liveJobs(): string[] {
    return [...this.jobs.values()].filter((j) => !j.deleted).map((j) => j.id);
  }

  count(method: string, pathPart: string): number {
    return this.requests.filter((r) => r.method === method && r.path.includes(pathPart)).length;
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const headers = new Headers(init.headers);
    const request: FakeRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      search: url.searchParams,
      headers,
      init,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      at: this.clock.now(),
    };
    this.requests.push(request);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs > 0) await this.clock.sleep(this.latencyMs, init.signal ?? undefined);
      if (init.signal?.aborted) throw init.signal.reason;
      const spec = this.answer(request);
      return new Response(spec.body === undefined ? null : JSON.stringify(spec.body), {
        status: spec.status,
        headers: { 'content-type': 'application/json', ...spec.headers },
      });
    } finally {
      this.inFlight--;
    }
  };

  private answer(r: FakeRequest): FakeResponseSpec {
    const fault = this.faults.find((f) => f.times > 0 && f.when(r));
    if (fault) {
      fault.times--;
      return typeof fault.respond === 'function' ? fault.respond(r) : fault.respond;
    }
    if (r.headers.get('authorization') !== `Basic ${btoa('demo-id:demo-key')}`) {
      return sumoError(401, 'unauthorized', 'Credential could not be verified.');
    }
    const m = /^\/api\/v1\/search\/jobs(?:\/([^/]+))?(\/messages)?$/.exec(r.path);
    if (!m) return sumoError(404, 'notfound', 'Not found');
    const [, id, messages] = m;
    if (r.method === 'POST' && !id) {
      const jobId = `JOB${this.nextId++}`;
      this.jobs.set(jobId, { id: jobId, polls: 0, available: 0, deleted: false });
      return {
        status: 202,
        body: { id: jobId, link: { rel: 'self', href: `/api/v1/search/jobs/${jobId}` } },
        headers: { location: `/api/v1/search/jobs/${jobId}` },
      };
    }
    const job = id ? this.jobs.get(id) : undefined;
    if (!job || job.deleted) return sumoError(404, 'searchjob.jobid.invalid', 'Job ID is invalid.');
    if (r.method === 'DELETE') {
      job.deleted = true;
      return { status: 200, body: { id: job.id } };
    }
    if (messages) {
      const offset = Number(r.search.get('offset'));
      const limit = Number(r.search.get('limit'));
      if (this.emptyPages > 0) {
        this.emptyPages--;
        return { status: 200, body: { fields: [], messages: [] } };
      }
      const end = Math.min(offset + limit, job.available, offset + this.maxPageSize);
      const page = this.messages.slice(offset, Math.max(offset, end)).map((map) => ({
        map: this.capitalizeMessageKeys
          ? Object.fromEntries(
              Object.entries(map).map(([k, v]) => [k.replace(/^_(\w)/, (_, c: string) => `_${c.toUpperCase()}`), v]),
            )
          : map,
      }));
      return {
        status: 200,
        body: { fields: [{ name: '_raw', fieldType: 'string', keyField: false }], messages: page },
      };
    }
    const step = this.statusSteps[Math.min(job.polls, this.statusSteps.length - 1)] ?? {
      state: 'DONE GATHERING RESULTS',
    };
    job.polls++;
    const messageCount = step.messageCount ?? this.messages.length;
    job.available = Math.max(job.available, messageCount);
    if (step.raw) return { status: 200, body: step.raw };
    return {
      status: 200,
      body: {
        state: step.state,
        messageCount,
        recordCount: step.recordCount ?? 0,
        histogramBuckets: step.histogramBuckets ?? [],
        pendingErrors: step.pendingErrors ?? [],
        pendingWarnings: step.pendingWarnings ?? [],
        usageDetails: { dataScannedInBytes: 0 },
      },
    };
  }
}
