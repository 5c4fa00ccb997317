import { describe, expect, it } from 'vitest';
import { errorFromHttp, networkError, sanitizeServerText } from '../../../src/sumo/errors.ts';
import { parseErrorBody } from '../../../src/sumo/responses.ts';

const host = 'api.sumologic.com';
const err = (status: number, code?: string, message?: string, location?: string) =>
  errorFromHttp({
    status,
    body: code === undefined ? undefined : { status, id: 'FRXHW-NB12G-HMYO6', code, ...(message ? { message } : {}) },
    location: location ?? null,
    host,
  });

describe('errorFromHttp', () => {
  it.each([
    [
      301,
      'moved',
      'https://api.eu.sumologic.com/api/v1/search/jobs',
      'moved',
      'Wrong deployment: this account lives in EU (api.eu.sumologic.com) — pick EU in settings.',
    ],
    [
      301,
      'moved',
      undefined,
      'moved',
      'Wrong deployment: api.sumologic.com redirected the request to another SumoLogic deployment — press "Detect" in Settings to find yours (or paste the address you log in at).',
    ],
    [401, 'unauthorized', undefined, 'unauthorized', 'The Access ID/Key was refused — check them or create a new key.'],
    [
      403,
      'forbidden',
      undefined,
      'forbidden',
      'SumoLogic refused this key (403 forbidden). Either the account is not Enterprise (only Enterprise accounts may use the Search Job API), or the role of the key\'s user lacks a capability the search needs (e.g. "Download Search Results") — ask your SumoLogic administrator.',
    ],
    [
      404,
      'searchjob.jobid.invalid',
      undefined,
      'job-invalid',
      "The search job expired on SumoLogic's side — search again.",
    ],
    [404, 'jobid.invalid', undefined, 'job-invalid', "The search job expired on SumoLogic's side — search again."],
    [
      400,
      'searchjob.jobid.invalid',
      undefined,
      'job-invalid',
      "The search job expired on SumoLogic's side — search again.",
    ],
    [
      404,
      'notfound',
      undefined,
      'not-found',
      'api.sumologic.com answered 404 not found — check the deployment or the custom API base URL (it must end in /api).',
    ],
    [
      405,
      'method.unsupported',
      undefined,
      'method-unsupported',
      'SumoLogic refused the request method (405) — this is a bug in Replay Link.',
    ],
    [
      415,
      'contenttype.invalid',
      undefined,
      'content-type',
      'SumoLogic refused the request content type (415) — this is a bug in Replay Link.',
    ],
    [
      429,
      'rate.limit.exceeded',
      undefined,
      'rate-limited',
      'SumoLogic kept answering "rate limit exceeded" after several slower retries. Its limit (4 requests/s) counts all of your user\'s tools together, and the organisation may also have reached its 200 live search jobs — wait a minute, check what else uses this key, and search again.',
    ],
    [
      500,
      'internal.error',
      undefined,
      'server-error',
      'SumoLogic had an internal error (500) — try again in a moment. Reference: FRXHW-NB12G-HMYO6.',
    ],
    [
      503,
      'service.unavailable',
      undefined,
      'unavailable',
      'SumoLogic is unavailable right now (503) — try again in a few minutes.',
    ],
  ])('%i %s', (status, code, location, kind, message) => {
    const e = err(status, code, undefined, location);
    expect(e.kind).toBe(kind);
    expect(e.message).toBe(message);
    expect(e.status).toBe(status);
  });

  it.each([
    [502, "SumoLogic's gateway answered 502 (bad gateway) — the service is having trouble; try again in a moment."],
    [504, "SumoLogic's gateway answered 504 (gateway timeout) — the service is having trouble; try again in a moment."],
    [503, 'SumoLogic is unavailable right now (503) — try again in a few minutes.'],
  ])('reads a load balancer %i with an HTML body (no error body)', (status, message) => {
    const e = errorFromHttp({
      status,
      body: parseErrorBody('<html><body><h1>502 Bad Gateway</h1></body></html>'),
      host,
    });
    expect(e.message).toBe(message);
    expect(e.code).toBeUndefined();
  });

  it('reads only JSON objects as error bodies', () => {
    expect(parseErrorBody('<html>oops</html>')).toBeUndefined();
    expect(
      parseErrorBody('{"status":401,"id":"X","code":"unauthorized","message":"Credential could not be verified."}'),
    ).toEqual({
      id: 'X',
      code: 'unauthorized',
      message: 'Credential could not be verified.',
    });
    expect(parseErrorBody('{"Code":"moved","Message":"m"}')).toEqual({ code: 'moved', message: 'm' });
    expect(parseErrorBody('{ not json')).toBeUndefined();
    expect(parseErrorBody('')).toBeUndefined();
  });

  it('names the deployment from a moved message when Location is missing', () => {
    const e = err(301, 'moved', 'Use https://api.de.sumologic.com/api instead');
    expect(e.message).toBe('Wrong deployment: this account lives in DE (api.de.sumologic.com) — pick DE in settings.');
    expect(e.movedTo).toBe('DE');
  });

  it.each([
    [
      'searchjob.parse.error',
      'Unexpected token "|" at 12',
      'bad-query',
      'SumoLogic could not parse the query: Unexpected token "|" at 12',
    ],
    [
      'searchjob.invalid.timestamp.from',
      'bad from',
      'bad-time-range',
      'SumoLogic refused the start time of the search window. (bad from)',
    ],
    ['searchjob.invalid.timestamp.to', '', 'bad-time-range', 'SumoLogic refused the end time of the search window.'],
    [
      'searchjob.to.smaller.than.from',
      '',
      'bad-time-range',
      'The search window ends before it starts — check the time range.',
    ],
    ['searchjob.unknown.timezone', '', 'bad-time-range', 'SumoLogic does not know the time zone that was sent.'],
    ['searchjob.no.query', '', 'bad-query', 'The search query is empty.'],
    ['searchjob.generic', 'Something odd', 'bad-request', 'SumoLogic refused the search: Something odd'],
    [
      'searchjob.offset.missing',
      '',
      'bad-paging',
      'SumoLogic refused a page request (offset missing) — this is a bug in Replay Link.',
    ],
    [
      'searchjob.limit.missing',
      '',
      'bad-paging',
      'SumoLogic refused a page request (limit missing) — this is a bug in Replay Link.',
    ],
    [
      'searchjob.limit.zero',
      '',
      'bad-paging',
      'SumoLogic refused a page request (limit 0) — this is a bug in Replay Link.',
    ],
    [
      'searchjob.limit.negative',
      '',
      'bad-paging',
      'SumoLogic refused a page request (negative limit) — this is a bug in Replay Link.',
    ],
    [
      'searchjob.no.records.not.an.aggregation.query',
      '',
      'bad-paging',
      'SumoLogic has no records for this search because it is not an aggregation query.',
    ],
  ])('400 %s', (code, message, kind, expected) => {
    const e = err(400, code, message || undefined);
    expect(e.kind).toBe(kind);
    expect(e.message).toBe(expected);
    expect(e.code).toBe(code);
    expect(e.correlationId).toBe('FRXHW-NB12G-HMYO6');
  });

  it('never repeats the access key or the Authorization value', () => {
    const key = 'SuperSecretAccessKey123';
    const auth = btoa(`id:${key}`);
    const e = errorFromHttp({
      status: 400,
      body: {
        code: 'searchjob.parse.error',
        message: `bad query near ${key} with Authorization: Basic ${auth}\u001b[31m`,
      },
      host,
      secrets: [key, auth],
    });
    expect(e.message).toBe(
      'SumoLogic could not parse the query: bad query near [redacted] with Authorization: Basic [redacted] [31m',
    );
    expect(e.message).not.toContain(key);
    expect(e.message).not.toContain(auth);
  });

  it('reports a network failure with the host', () => {
    expect(networkError('api.eu.sumologic.com', new TypeError('fetch failed')).message).toBe(
      'Could not reach api.eu.sumologic.com — check the deployment/network (a browser also reports some refused answers this way).',
    );
  });

  it('bounds echoed server text', () => {
    expect(sanitizeServerText('x'.repeat(400))).toBe(`${'x'.repeat(300)}…`);
  });
});
