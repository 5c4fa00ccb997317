import type { ServerResponse } from 'node:http';
import { sendJson } from './http-util.ts';
import { newCorrelationId } from './ids.ts';

export interface ApiErrorBody {
  status: number;
  id: string;
  code: string;
  message: string;
}

/** Messages of the error codes, worded like the service. */
export const ERROR_MESSAGES: Record<string, string> = {
  unauthorized: 'Credential could not be verified.',
  forbidden: 'You do not have permission to use the Search Job API. It is available to Enterprise accounts only.',
  notfound: 'Resource not found.',
  'method.unsupported': 'Method not supported for this resource.',
  'contenttype.invalid': "Invalid content type: use 'application/json'.",
  'rate.limit.exceeded': 'Rate limit exceeded.',
  'internal.error': 'Internal server error.',
  'service.unavailable': 'Service is currently unavailable.',
  'searchjob.jobid.invalid': 'Job ID is invalid.',
  'searchjob.no.query': 'No query specified.',
  'searchjob.invalid.timestamp.from': "The 'from' field contains an invalid time.",
  'searchjob.invalid.timestamp.to': "The 'to' field contains an invalid time.",
  'searchjob.to.smaller.than.from': "The 'to' time cannot be smaller than the 'from' time.",
  'searchjob.unknown.timezone': 'The time zone is unknown or missing.',
  'searchjob.offset.missing': "The 'offset' parameter is missing.",
  'searchjob.limit.missing': "The 'limit' parameter is missing.",
  'searchjob.limit.zero': "The 'limit' parameter cannot be zero.",
  'searchjob.limit.negative': "The 'limit' parameter cannot be negative.",
  'searchjob.no.records.not.an.aggregation.query': 'No records: the query is not an aggregation query.',
};

/** An API error: the documented body and no CORS headers, whatever the request's origin. */
export function sendApiError(
  res: ServerResponse,
  status: number,
  code: string,
  message?: string,
  headers: Record<string, string | string[]> = {},
): void {
  const body: ApiErrorBody = { status, id: newCorrelationId(), code, message: message ?? ERROR_MESSAGES[code] ?? code };
  sendJson(res, status, body, headers);
}
