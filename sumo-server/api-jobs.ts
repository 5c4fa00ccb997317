import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendApiError } from './api-errors.ts';
import type { ServerContext } from './context.ts';
import type { JobFault } from './faults.ts';
import { BodyTooLargeError, header, readBody, sendJson } from './http-util.ts';
import type { Job } from './jobs.ts';
import { compileQuery, recordFields } from './query/evaluate.ts';
import { QueryParseError } from './query/errors.ts';
import { isEmptyQuery, parseQuery } from './query/parser.ts';
import { messageFields, messageMap } from './store.ts';
import { isKnownTimeZone, parseSearchTime } from './time-range.ts';

/** Everything a job call needs once auth, limits and cookies have passed. */
export interface ApiCall {
  ctx: ServerContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  accessId: string;
  sessionId: string;
  /** Set-Cookie values and CORS headers for a successful answer. */
  okHeaders: Record<string, string | string[]>;
  /** Set-Cookie values only, for error answers (which carry no CORS headers). */
  errorHeaders: Record<string, string | string[]>;
  /** Job faults from this request's X-Sumo-Fault header. */
  headerJobFaults: JobFault[];
}

const MAX_QUERY_LENGTH = 15_000;
const MAX_CREATE_BODY = 1024 * 1024;
export const MAX_PAGE = 10_000;

function fail(call: ApiCall, status: number, code: string, message?: string): void {
  sendApiError(call.res, status, code, message, call.errorHeaders);
}

export async function createJob(call: ApiCall): Promise<void> {
  const { ctx, req } = call;
  const contentType = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') return fail(call, 415, 'contenttype.invalid');
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, MAX_CREATE_BODY)).toString('utf8'));
  } catch (err) {
    if (err instanceof BodyTooLargeError) return fail(call, 400, 'searchjob.generic', 'The request body is too large.');
    return fail(call, 400, 'searchjob.generic', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(call, 400, 'searchjob.generic', 'The request body must be a JSON object.');
  }
  const b = body as Record<string, unknown>;
  const query = b.query;
  if (typeof query !== 'string' || query.trim() === '' || isEmptyQuery(query))
    return fail(call, 400, 'searchjob.no.query');
  if (query.length > MAX_QUERY_LENGTH) {
    return fail(call, 400, 'searchjob.generic', `The query is longer than ${MAX_QUERY_LENGTH} characters.`);
  }
  const timeZone = b.timeZone;
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isKnownTimeZone(timeZone))) {
    return fail(call, 400, 'searchjob.unknown.timezone', `Unknown time zone: ${JSON.stringify(timeZone)}.`);
  }
  const from = parseSearchTime(b.from, timeZone);
  if (!from.ok) {
    return from.reason === 'timezone'
      ? fail(call, 400, 'searchjob.unknown.timezone', "A 'timeZone' is needed when 'from' is not epoch milliseconds.")
      : fail(call, 400, 'searchjob.invalid.timestamp.from');
  }
  const to = parseSearchTime(b.to, timeZone);
  if (!to.ok) {
    return to.reason === 'timezone'
      ? fail(call, 400, 'searchjob.unknown.timezone', "A 'timeZone' is needed when 'to' is not epoch milliseconds.")
      : fail(call, 400, 'searchjob.invalid.timestamp.to');
  }
  if (to.ms < from.ms) return fail(call, 400, 'searchjob.to.smaller.than.from');
  if (b.byReceiptTime !== undefined && typeof b.byReceiptTime !== 'boolean') {
    return fail(call, 400, 'searchjob.generic', "'byReceiptTime' must be true or false.");
  }
  if (b.requiresRawMessages !== undefined && typeof b.requiresRawMessages !== 'boolean') {
    return fail(call, 400, 'searchjob.generic', "'requiresRawMessages' must be true or false.");
  }
  if (b.autoParsingMode !== undefined && b.autoParsingMode !== 'AutoParse' && b.autoParsingMode !== 'Manual') {
    return fail(call, 400, 'searchjob.generic', "'autoParsingMode' must be 'AutoParse' or 'Manual'.");
  }
  let compiled;
  try {
    compiled = compileQuery(parseQuery(query));
  } catch (err) {
    if (err instanceof QueryParseError) return fail(call, 400, 'searchjob.parse.error', err.message);
    throw err;
  }
  const now = ctx.now();
  if (ctx.jobs.live(now).length >= ctx.options.maxLiveJobs) {
    return fail(
      call,
      429,
      'rate.limit.exceeded',
      `Too many active search jobs (at most ${ctx.options.maxLiveJobs}): delete finished jobs.`,
    );
  }
  const faults = [...ctx.faults.forNewJob(), ...call.headerJobFaults];
  for (const f of faults) ctx.faults.noteHit(f.type);
  const job = ctx.jobs.create(
    {
      accessId: call.accessId,
      sessionId: call.sessionId,
      query,
      compiled,
      from: from.ms,
      to: to.ms,
      byReceiptTime: b.byReceiptTime === true,
      rawRequested: b.requiresRawMessages === true,
      faults,
    },
    ctx.store.all(),
    now,
  );
  const href = `${ctx.baseUrl}/api/v1/search/jobs/${job.id}`;
  sendJson(call.res, 202, { id: job.id, link: { rel: 'self', href } }, { ...call.okHeaders, Location: href });
}

/** How the service answers a follow-up call that reached a node without the job's session. */
function answerLostCookie(call: ApiCall): void {
  const mode = call.ctx.options.strict.cookieLoss;
  const status = mode === 'alternate' ? (call.ctx.cookieLossTurn++ % 2 === 0 ? 404 : 500) : mode;
  if (status === 500) fail(call, 500, 'internal.error');
  else fail(call, 404, 'searchjob.jobid.invalid');
}

/**
 * The caller's job, or the error answered: another session's job (the cookie was lost) gets 404
 * or 500; an unknown, expired or deleted job 404 on status, 400 on paging; a transient fault 404.
 */
function ownJob(call: ApiCall, id: string, paging = false): Job | undefined {
  const { ctx } = call;
  const job = ctx.jobs.lookup(id, call.sessionId, ctx.now());
  if (!job) {
    if (ctx.jobs.exists(id, ctx.now())) answerLostCookie(call);
    else fail(call, paging && ctx.options.strict.lostJobPaging400 ? 400 : 404, 'searchjob.jobid.invalid');
    return undefined;
  }
  if (job.transient404Left > 0) {
    job.transient404Left--;
    call.ctx.faults.noteHit('transient404');
    fail(call, 404, 'searchjob.jobid.invalid');
    return undefined;
  }
  return job;
}

export function jobStatus(call: ApiCall, id: string): void {
  const job = ownJob(call, id);
  if (!job) return;
  const body = call.ctx.jobs.poll(job, call.ctx.now());
  if (body.state === 'DONE GATHERING HISTOGRAM') call.ctx.faults.noteHit('doneGatheringHistogram');
  job.polls++;
  if (job.behaviour.expireAfterPolls !== undefined && job.polls >= job.behaviour.expireAfterPolls) {
    call.ctx.faults.noteHit('expire');
    call.ctx.jobs.lose(job.id);
  }
  sendJson(call.res, 200, call.ctx.options.strict.extraFields ? { ...body, warning: '' } : body, call.okHeaders);
}

type PageParams = { offset: number; limit: number };

function pageParams(call: ApiCall): PageParams | undefined {
  const params = call.url.searchParams;
  const rawOffset = params.get('offset');
  const rawLimit = params.get('limit');
  if (rawOffset === null || rawOffset === '') {
    fail(call, 400, 'searchjob.offset.missing');
    return undefined;
  }
  if (rawLimit === null || rawLimit === '') {
    fail(call, 400, 'searchjob.limit.missing');
    return undefined;
  }
  if (!/^\d+$/.test(rawOffset)) {
    fail(call, 400, 'searchjob.generic', "'offset' must be a non-negative integer.");
    return undefined;
  }
  if (!/^-?\d+$/.test(rawLimit)) {
    fail(call, 400, 'searchjob.generic', "'limit' must be an integer.");
    return undefined;
  }
  const limit = Number(rawLimit);
  if (limit === 0) {
    fail(call, 400, 'searchjob.limit.zero');
    return undefined;
  }
  if (limit < 0) {
    fail(call, 400, 'searchjob.limit.negative');
    return undefined;
  }
  if (limit > MAX_PAGE) {
    fail(call, 400, 'searchjob.generic', `'limit' cannot be more than ${MAX_PAGE}.`);
    return undefined;
  }
  return { offset: Number(rawOffset), limit };
}

export function jobMessages(call: ApiCall, id: string): void {
  const page = pageParams(call);
  if (!page) return;
  const job = ownJob(call, id, true);
  if (!job) return;
  const { strict } = call.ctx.options;
  const { found } = call.ctx.jobs.progress(job, call.ctx.now());
  const style = job.behaviour.keyStyle === 'camel' ? 'camel' : strict.mixedKeyCase ? 'mixed' : 'lower';
  let slice = job.matches.slice(Math.min(page.offset, found), Math.min(page.offset + page.limit, found));
  if (slice.length > 0 && job.behaviour.emptyPages > 0) {
    const left = job.emptyPagesLeft.get(page.offset) ?? job.behaviour.emptyPages;
    if (left > 0) {
      job.emptyPagesLeft.set(page.offset, left - 1);
      call.ctx.faults.noteHit('emptyPages');
      slice = [];
    }
  }
  // A page is also capped by size: it can hold fewer messages than asked for (never none).
  let bytes = 0;
  let fit = 0;
  while (fit < slice.length && (fit === 0 || bytes + (slice[fit]?.size ?? 0) <= strict.maxPageBytes))
    bytes += slice[fit++]?.size ?? 0;
  if (fit < slice.length) call.ctx.faults.noteHit('pageByteCap');
  slice = slice.slice(0, fit);
  const withoutRaw = strict.rawOnlyWhenRequested && !job.rawRequested;
  const messages = slice.map((m) => {
    const map = messageMap(m, style);
    if (withoutRaw) delete map['_raw'];
    return { map };
  });
  const body: Record<string, unknown> = {
    fields: messageFields(style).filter((f) => !withoutRaw || f.name !== '_raw'),
    messages,
  };
  if (strict.extraFields) body['warning'] = '';
  sendJson(call.res, 200, body, call.okHeaders);
}

export function jobRecords(call: ApiCall, id: string): void {
  const page = pageParams(call);
  if (!page) return;
  const job = ownJob(call, id, true);
  if (!job) return;
  const agg = job.compiled.aggregation;
  if (!agg) return fail(call, 400, 'searchjob.no.records.not.an.aggregation.query');
  const { found } = call.ctx.jobs.progress(job, call.ctx.now());
  const records = call.ctx.jobs.records(job, found).slice(page.offset, page.offset + page.limit);
  sendJson(call.res, 200, { fields: recordFields(agg), records }, call.okHeaders);
}

export function deleteJob(call: ApiCall, id: string): void {
  const job = call.ctx.jobs.lookup(id, call.sessionId, call.ctx.now());
  if (!job)
    return call.ctx.jobs.exists(id, call.ctx.now())
      ? answerLostCookie(call)
      : fail(call, 404, 'searchjob.jobid.invalid');
  call.ctx.jobs.remove(job.id);
  sendJson(call.res, 200, { id: job.id }, call.okHeaders);
}
