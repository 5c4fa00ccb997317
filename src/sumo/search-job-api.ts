import type { JobStatus, MessagesPage } from './responses.ts';

/** The subset of `fetch` the client uses: injected so it runs in Node tests and in the service worker. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface CreateJobRequest {
  query: string;
  /** Epoch ms. */
  from: number;
  /** Epoch ms. */
  to: number;
  byReceiptTime?: boolean;
  timeZone?: string;
  autoParsingMode?: 'AutoParse' | 'Manual';
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Aborts only while no request is on the wire (queued in the limiter, or waiting to retry).
   * For create: a create aborted mid-flight could make a job nobody knows the id of.
   */
  queueSignal?: AbortSignal;
  /** Called once per HTTP attempt (retries included), for per-search request counts. */
  onAttempt?: () => void;
}

/** One Search Job API version; a cookie-less v2 can implement the same interface later. */
export interface SearchJobApi {
  readonly host: string;
  createJob(request: CreateJobRequest, options?: CallOptions): Promise<{ id: string }>;
  getStatus(id: string, options?: CallOptions): Promise<JobStatus>;
  getMessages(id: string, offset: number, limit: number, options?: CallOptions): Promise<MessagesPage>;
  /** Resolves also when the job is already gone (404). */
  deleteJob(id: string, options?: CallOptions): Promise<void>;
}
