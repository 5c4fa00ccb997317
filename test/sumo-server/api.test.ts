import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SumoServer } from '../../sumo-server/index.ts';
import { search, startFastServer, TestClient } from './client.ts';

let server: SumoServer;
let client: TestClient;

const T0 = Date.UTC(2026, 10, 26, 13, 0, 0);

beforeAll(async () => {
  server = await startFastServer({
    credentials: [
      { accessId: 'demo-access-id', accessKey: 'demo-access-key' },
      { accessId: 'free-id', accessKey: 'free-key', enterprise: false },
    ],
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  client = new TestClient(server.url);
  server.ingest([
    { raw: 'ERROR first [openReplaySessionToken=tok-1]', messageTime: T0 + 1000, category: 'prod/api' },
    { raw: 'ERROR second [openReplaySessionToken=tok-1]', messageTime: T0 + 3000, category: 'prod/api' },
    { raw: 'INFO third [openReplaySessionToken=tok-1]', messageTime: T0 + 2000, category: 'prod/web' },
    { raw: 'ERROR other [openReplaySessionToken=tok-2]', messageTime: T0 + 4000, category: 'prod/api' },
  ]);
});

describe('create', () => {
  it('answers 202 with the id, a self link and a Location on the server base URL', async () => {
    const res = await client.create(search('"openReplaySessionToken=tok-1"'));
    expect(res.status).toBe(202);
    const id = String(res.json.id);
    expect(id).toMatch(/^[0-9A-F]{16}$/);
    const href = `${server.url}/api/v1/search/jobs/${id}`;
    expect(res.json).toEqual({ id, link: { rel: 'self', href } });
    expect(res.headers.get('location')).toBe(href);
  });

  it('sets JSESSIONID (Path=/api, HttpOnly) and AWSALB (Path=/)', async () => {
    const res = await client.create(search('error'));
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('JSESSIONID='))).toMatch(/^JSESSIONID=[\w-]+; Path=\/api; HttpOnly$/);
    expect(cookies.find((c) => c.startsWith('AWSALB='))).toMatch(/^AWSALB=[\w-]+; Path=\/$/);
  });

  it.each([
    [{ from: 0, to: 1 }, 'searchjob.no.query'],
    [{ query: '   ', from: 0, to: 1 }, 'searchjob.no.query'],
    [{ query: '// only a comment', from: 0, to: 1 }, 'searchjob.no.query'],
    [{ query: 'x', from: '-15m', to: 1 }, 'searchjob.invalid.timestamp.from'],
    [{ query: 'x', to: 1 }, 'searchjob.invalid.timestamp.from'],
    [{ query: 'x', from: 0, to: 'now' }, 'searchjob.invalid.timestamp.to'],
    [{ query: 'x', from: 5000, to: 4000 }, 'searchjob.to.smaller.than.from'],
    [{ query: 'x', from: 0, to: 1, timeZone: 'Mars/Olympus' }, 'searchjob.unknown.timezone'],
    [{ query: 'x', from: '2026-11-26T10:00:00', to: '2026-11-26T11:00:00' }, 'searchjob.unknown.timezone'],
    [{ query: 'error | save /shared/x', from: 0, to: 1 }, 'searchjob.parse.error'],
    [{ query: '(error', from: 0, to: 1 }, 'searchjob.parse.error'],
    [{ query: 'x'.repeat(15_001), from: 0, to: 1 }, 'searchjob.generic'],
    [{ query: 'x', from: 0, to: 1, byReceiptTime: 'yes' }, 'searchjob.generic'],
    [{ query: 'x', from: 0, to: 1, autoParsingMode: 'Magic' }, 'searchjob.generic'],
  ])('answers 400 for %j with %s', async (body, code) => {
    const res = await client.create(body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ status: 400, code });
    expect(String(res.json.id)).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(typeof res.json.message).toBe('string');
  });

  it('names the unsupported operator in the parse error', async () => {
    const res = await client.create(search('error | where x > 1'));
    expect(res.json.message).toMatch(/Operator 'where' is not supported/);
  });

  it('answers 400 for a body that is not JSON and 415 for a wrong content type', async () => {
    const notJson = await client.request('POST', '/api/v1/search/jobs', { body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.code).toBe('searchjob.generic');
    const text = await client.request('POST', '/api/v1/search/jobs', {
      body: JSON.stringify(search('x')),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.json.code).toBe('contenttype.invalid');
  });

  it('reads ISO from/to in the given time zone', async () => {
    // 14:00:00–14:00:02 in Berlin (UTC+1 in November) = 13:00:00–13:00:02 UTC, both ends included.
    const id = await client.createId({
      query: 'openReplaySessionToken',
      from: '2026-11-26T14:00:00',
      to: '2026-11-26T14:00:02',
      timeZone: 'Europe/Berlin',
    });
    await client.pollUntilDone(id);
    const page = await client.messages(id, 0, 100);
    const raws = (page.json.messages as Array<{ map: Record<string, string> }>).map((m) => m.map._raw);
    expect(raws).toEqual(['INFO third [openReplaySessionToken=tok-1]', 'ERROR first [openReplaySessionToken=tok-1]']);
  });

  it('searches by receipt time when byReceiptTime is true', async () => {
    server.ingest({ raw: 'skewed clock line', messageTime: 1000, receiptTime: T0 });
    const byMessage = await client.createId({ query: 'skewed', from: T0 - 10, to: T0 + 10 });
    const byReceipt = await client.createId({ query: 'skewed', from: T0 - 10, to: T0 + 10, byReceiptTime: true });
    expect((await client.pollUntilDone(byMessage)).last.messageCount).toBe(0);
    expect((await client.pollUntilDone(byReceipt)).last.messageCount).toBe(1);
  });
});

describe('status, messages, records, delete', () => {
  it('reports the documented status body', async () => {
    const id = await client.createId(search('"openReplaySessionToken=tok-1"'));
    const { last } = await client.pollUntilDone(id);
    expect(Object.keys(last).sort()).toEqual(
      [
        'histogramBuckets',
        'messageCount',
        'pendingErrors',
        'pendingWarnings',
        'recordCount',
        'state',
        'usageDetails',
        'warning',
      ].sort(),
    );
    expect(last).toMatchObject({
      state: 'DONE GATHERING RESULTS',
      messageCount: 3,
      recordCount: 0,
      pendingErrors: [],
      pendingWarnings: [],
    });
    expect(typeof (last.usageDetails as { dataScannedInBytes: unknown }).dataScannedInBytes).toBe('number');
  });

  it('pages messages newest first with every map value a string', async () => {
    const id = await client.createId(search('"openReplaySessionToken=tok-1"'));
    await client.pollUntilDone(id);
    const first = await client.messages(id, 0, 2);
    const second = await client.messages(id, 2, 2);
    const raw = (r: typeof first): string[] =>
      (r.json.messages as Array<{ map: Record<string, string> }>).map((m) => m.map._raw ?? '');
    expect(first.status).toBe(200);
    expect(raw(first)).toEqual([
      'ERROR second [openReplaySessionToken=tok-1]',
      'INFO third [openReplaySessionToken=tok-1]',
    ]);
    expect(raw(second)).toEqual(['ERROR first [openReplaySessionToken=tok-1]']);
    expect((await client.messages(id, 3, 2)).json.messages).toEqual([]);
    const maps = (first.json.messages as Array<{ map: Record<string, unknown> }>).map((m) => m.map);
    expect(maps.every((m) => Object.values(m).every((v) => typeof v === 'string'))).toBe(true);
    expect((first.json.fields as Array<{ name: string }>).map((f) => f.name)).toContain('_messagetime');
    expect(first.json.fields as unknown[]).toContainEqual({ name: '_messageid', fieldType: 'long', keyField: false });
  });

  it('serves records for an aggregate and refuses them for a plain search', async () => {
    const agg = await client.createId(search('error | count by _sourceCategory'));
    const { last } = await client.pollUntilDone(agg);
    expect(last.recordCount).toBe(1);
    expect(last.messageCount).toBe(3);
    const records = await client.records(agg, 0, 10);
    expect(records.status).toBe(200);
    expect(records.json).toEqual({
      fields: [
        { name: '_sourcecategory', fieldType: 'string', keyField: true },
        { name: '_count', fieldType: 'int', keyField: false },
      ],
      records: [{ map: { _sourcecategory: 'prod/api', _count: '3' } }],
    });
    const plain = await client.createId(search('error'));
    const refused = await client.records(plain, 0, 10);
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('searchjob.no.records.not.an.aggregation.query');
  });

  it('applies | limit to the messages', async () => {
    const id = await client.createId(search('openReplaySessionToken | limit 2'));
    expect((await client.pollUntilDone(id)).last.messageCount).toBe(2);
  });

  it('deletes a job with 200 {id}, after which status and delete answer 404 and paging 400 (a lost job)', async () => {
    const id = await client.createId(search('error'));
    const del = await client.delete(id);
    expect(del.status).toBe(200);
    expect(del.json).toEqual({ id });
    const answers = [await client.status(id), await client.messages(id, 0, 1), await client.delete(id)];
    expect(answers.map((r) => [r.status, r.json.code])).toEqual([
      [404, 'searchjob.jobid.invalid'],
      [400, 'searchjob.jobid.invalid'],
      [404, 'searchjob.jobid.invalid'],
    ]);
    expect(server.stats()).toMatchObject({ liveJobs: 0, jobsCreated: 1, jobsDeleted: 1 });
  });

  it.each([
    ['', 'searchjob.offset.missing'],
    ['?limit=10', 'searchjob.offset.missing'],
    ['?offset=0', 'searchjob.limit.missing'],
    ['?offset=0&limit=0', 'searchjob.limit.zero'],
    ['?offset=0&limit=-5', 'searchjob.limit.negative'],
    ['?offset=0&limit=10001', 'searchjob.generic'],
    ['?offset=x&limit=1', 'searchjob.generic'],
  ])('answers 400 on paging %s with %s', async (query, code) => {
    const id = await client.createId(search('error'));
    const res = await client.request('GET', `/api/v1/search/jobs/${id}/messages${query}`);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe(code);
  });

  it('accepts exactly 10,000 as a limit', async () => {
    const id = await client.createId(search('error'));
    expect((await client.messages(id, 0, 10_000)).status).toBe(200);
  });

  it('answers 404 searchjob.jobid.invalid for an unknown id', async () => {
    const res = await client.status('0123456789ABCDEF');
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('searchjob.jobid.invalid');
  });
});

describe('auth and routing errors', () => {
  it('answers 401 unauthorized for a wrong key or no Authorization, without cookies', async () => {
    const wrong = await new TestClient(server.url, { accessKey: 'nope' }).create(search('x'));
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: 'Credential could not be verified.',
    });
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const none = await fetch(`${server.url}/api/v1/search/jobs/ABC`);
    expect(none.status).toBe(401);
  });

  it('answers 403 forbidden for a non-Enterprise account', async () => {
    const res = await new TestClient(server.url, { accessId: 'free-id', accessKey: 'free-key' }).create(search('x'));
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden');
  });

  it('answers 405 method.unsupported and 404 notfound', async () => {
    const put = await client.request('PUT', '/api/v1/search/jobs');
    expect(put.status).toBe(405);
    expect(put.json.code).toBe('method.unsupported');
    const postStatus = await client.request('POST', '/api/v1/search/jobs/0123456789ABCDEF/messages');
    expect(postStatus.status).toBe(405);
    const unknown = await client.request('GET', '/api/v1/collectors');
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('notfound');
  });

  it('carries no CORS headers on errors but allows the origin on success', async () => {
    const err = await client.request('GET', '/api/v1/search/jobs/0123456789ABCDEF', {
      headers: { Origin: 'chrome-extension://abc' },
    });
    expect(err.status).toBe(404);
    expect(err.headers.get('access-control-allow-origin')).toBeNull();
    const ok = await client.create(search('x'), { Origin: 'chrome-extension://abc' });
    expect(ok.status).toBe(202);
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
  });
});

describe('wrong deployment', () => {
  it('answers 301 moved with a Location on the configured deployment', async () => {
    const moved = await startFastServer({ deploymentRedirect: 'https://api.eu.sumologic.com/api' });
    try {
      const res = await new TestClient(moved.url).create(search('x'));
      expect(res.status).toBe(301);
      expect(res.json.code).toBe('moved');
      expect(res.headers.get('location')).toBe('https://api.eu.sumologic.com/api/v1/search/jobs');
      const bad = await new TestClient(moved.url, { accessKey: 'wrong' }).create(search('x'));
      expect(bad.status).toBe(401);
    } finally {
      await moved.close();
    }
  });
});
