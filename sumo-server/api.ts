import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendApiError } from './api-errors.ts';
import { createJob, deleteJob, jobMessages, jobRecords, jobStatus, type ApiCall } from './api-jobs.ts';
import { authenticate, parseBasicAuth } from './auth.ts';
import type { ServerContext } from './context.ts';
import { sessionCookies } from './cookies.ts';
import {
  FaultSpecError,
  isJobFault,
  isRequestFault,
  parseFaultHeader,
  type CallKind,
  type FaultSpec,
  type RequestFault,
} from './faults.ts';
import { header, sleep } from './http-util.ts';
import { NO_CREDENTIALS_MESSAGE, sendMoved } from './deployments.ts';
import { gatewayHtml } from './strictness.ts';

interface Route {
  call: CallKind;
  methods: string[];
  jobId?: string;
}

const JOB_ID = '([A-Za-z0-9]{1,64})';

/** Which call a path is. `call` is 'other' for unknown paths (404) — wrong methods are 405. */
export function classify(method: string, apiPath: string): Route {
  if (apiPath === '/v1/search/jobs') return { call: method === 'POST' ? 'create' : 'other', methods: ['POST'] };
  let m = new RegExp(`^/v1/search/jobs/${JOB_ID}$`).exec(apiPath);
  if (m?.[1]) {
    const call = method === 'GET' ? 'status' : method === 'DELETE' ? 'delete' : 'other';
    return { call, methods: ['GET', 'DELETE'], jobId: m[1] };
  }
  m = new RegExp(`^/v1/search/jobs/${JOB_ID}/(messages|records)$`).exec(apiPath);
  if (m?.[1]) {
    const call = method === 'GET' ? (m[2] === 'messages' ? 'messages' : 'records') : 'other';
    return { call, methods: ['GET'], jobId: m[1] };
  }
  return { call: 'other', methods: [] };
}

/** Answers a request fault; returns false for faults that only slow the request down. */
function answerFault(
  ctx: ServerContext,
  res: ServerResponse,
  fault: RequestFault,
  apiPath: string,
  search: string,
  authenticated: boolean,
): boolean {
  switch (fault.type) {
    case 'unauthorized':
      sendApiError(res, 401, 'unauthorized');
      return true;
    case 'forbidden':
      sendApiError(res, 403, 'forbidden');
      return true;
    case 'rateLimit':
      sendApiError(
        res,
        429,
        'rate.limit.exceeded',
        undefined,
        fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {},
      );
      return true;
    case 'serverError': {
      const status = fault.status ?? 500;
      if (status !== 500 && ctx.options.strict.htmlGatewayErrors) sendHtml(res, status, gatewayHtml(status));
      else if (status === 503) sendApiError(res, 503, 'service.unavailable');
      else if (status === 500) sendApiError(res, 500, 'internal.error');
      else sendApiError(res, status, 'service.unavailable');
      return true;
    }
    case 'moved': {
      // The real service redirects only calls it can tie to an account.
      if (!authenticated) {
        sendApiError(res, 401, 'unauthorized', NO_CREDENTIALS_MESSAGE);
        return true;
      }
      const base = fault.location ?? ctx.options.deploymentRedirect ?? 'https://api.eu.sumologic.com/api';
      sendMoved(res, `${base.replace(/\/+$/, '')}${apiPath}${search}`);
      return true;
    }
    case 'notFound':
      sendApiError(res, 404, 'searchjob.jobid.invalid');
      return true;
    case 'delay':
    case 'hang':
      return false;
  }
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(html)) });
  res.end(html);
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = header(req, 'origin');
  // Successful answers allow the calling origin with credentials; errors carry no CORS headers at all.
  return origin
    ? {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'Location',
        Vary: 'Origin',
      }
    : {};
}

export async function handleApi(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const apiPath = url.pathname.slice('/api'.length);
  const route = classify(method, apiPath);
  const auth = parseBasicAuth(header(req, 'authorization'));
  const claimedId = auth?.accessId ?? '(anonymous)';
  const cookieHeader = header(req, 'cookie');
  const arrival = ctx.tracker.arrive(claimedId, ctx.now());
  const hadSessionCookie = auth !== undefined && ctx.sessions.has(cookieHeader, auth.accessId);
  const startedAt = ctx.now();
  res.on('close', () => {
    arrival.release();
    ctx.logRequest({
      at: startedAt,
      method,
      path: url.pathname + url.search,
      call: route.call,
      accessId: claimedId,
      status: res.writableFinished ? res.statusCode : 0,
      hadSessionCookie,
    });
  });

  let headerFaults: FaultSpec[];
  try {
    headerFaults = parseFaultHeader(header(req, 'x-sumo-fault'));
  } catch (err) {
    const message = err instanceof FaultSpecError ? err.message : 'bad X-Sumo-Fault header';
    return sendApiError(res, 400, 'fault.header.invalid', message);
  }
  const requestFaults = [
    ...ctx.faults.forRequest(route.call, hadSessionCookie),
    ...headerFaults.filter(isRequestFault).filter((f) => f.on === undefined || f.on.includes(route.call)),
  ];
  for (const fault of requestFaults) {
    ctx.faults.noteHit(fault.type);
    if (fault.type === 'delay') await sleep(fault.ms);
  }
  if (requestFaults.some((f) => f.type === 'hang')) return; // never answered: the socket stays open until closed
  const authenticated = authenticate(auth, ctx.options.credentials).ok;
  for (const fault of requestFaults) {
    if (answerFault(ctx, res, fault, apiPath, url.search, authenticated)) return;
  }

  if (!auth) return sendApiError(res, 401, 'unauthorized', NO_CREDENTIALS_MESSAGE);
  const authResult = authenticate(auth, ctx.options.credentials);
  if (!authResult.ok)
    return sendApiError(res, authResult.status, authResult.status === 401 ? 'unauthorized' : 'forbidden');
  if (ctx.options.deploymentRedirect !== undefined) {
    return sendMoved(res, `${ctx.options.deploymentRedirect}${apiPath}${url.search}`);
  }
  // Calls without a live session cookie count against the authentication throttle.
  if (!hadSessionCookie && ctx.authThrottle.refuses(authResult.accessId, ctx.now())) {
    ctx.faults.noteHit('authThrottle');
    return sendApiError(res, 401, 'unauthorized');
  }
  if (arrival.inFlight > ctx.options.maxConcurrentPerKey || !arrival.admit(ctx.now(), ctx.options.requestsPerSecond)) {
    ctx.rateLimited++;
    return sendApiError(res, 429, 'rate.limit.exceeded');
  }

  const session = ctx.sessions.resolve(cookieHeader, authResult.accessId);
  const cookies = { 'Set-Cookie': sessionCookies(session) };
  if (route.methods.length === 0) return sendApiError(res, 404, 'notfound', undefined, cookies);
  if (!route.methods.includes(method)) {
    return sendApiError(res, 405, 'method.unsupported', undefined, { ...cookies, Allow: route.methods.join(', ') });
  }
  const call: ApiCall = {
    ctx,
    req,
    res,
    url,
    accessId: authResult.accessId,
    sessionId: session.sessionId,
    okHeaders: { ...cookies, ...corsHeaders(req) },
    errorHeaders: cookies,
    headerJobFaults: headerFaults.filter(isJobFault),
  };
  const id = route.jobId ?? '';
  switch (route.call) {
    case 'create':
      return createJob(call);
    case 'status':
      return jobStatus(call, id);
    case 'messages':
      return jobMessages(call, id);
    case 'records':
      return jobRecords(call, id);
    case 'delete':
      return deleteJob(call, id);
    case 'other':
      return sendApiError(res, 405, 'method.unsupported', undefined, cookies);
  }
}
