// Every parser that reads page, header, URL or log text, fed one string. `rep` varies the input a
// little per repetition so caches (path templates, scope) cannot hide the real cost.
import { parseFilter } from '../../../src/core/audit/filter.ts';
import { fromHarEntry, splitUrl } from '../../../src/core/audit/har.ts';
import { inertText } from '../../../src/core/audit/mask.ts';
import { interpretTimelineReply, timelineExpression } from '../../../src/core/audit/page-timeline.ts';
import { templatePath } from '../../../src/core/audit/path-template.ts';
import { compileGlob, compileScope, DEFAULT_SCOPE_SETTINGS } from '../../../src/core/audit/scope-settings.ts';
import { decideScope } from '../../../src/core/audit/scope.ts';
import { extractRequestHint } from '../../../src/core/linking/hint.ts';
import { analyzeMessages } from '../../support/analyze-messages.ts';
import { classifyLine } from '../../../src/core/logs/classify.ts';
import { groupErrors, normalizeForSignature } from '../../../src/core/logs/group.ts';
import { makeVisible } from '../../../src/core/logs/inert.ts';
import { findTagIssues, normalizeMessage, recheckTag } from '../../../src/core/logs/parse.ts';
import { mergeStackMessages } from '../../../src/core/logs/merge.ts';
import { extractStack } from '../../../src/core/logs/stack.ts';
import { parseManualInput } from '../../../src/core/session/manual-input.ts';
import { extractNetworkToken, matchTrackerIngestUrl } from '../../../src/core/session/network-tokens.ts';
import { validateSessionId } from '../../../src/core/session/session-id.ts';
import { parseStoredToken } from '../../../src/core/session/storage-formats.ts';
import { tryDecodeToken, validateToken } from '../../../src/core/session/token.ts';
import { tryBuildSessionQuery } from '../../../src/core/search/query.ts';

const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const TAG = 'openReplaySessionToken';
const PAGE = 'https://shop.example/';

export interface NamedParser {
  name: string;
  run: (text: string, rep: number) => unknown;
}

/** A message split where the text has newlines, as loggers that ship one line per message do. */
function asMessages(text: string): Record<string, string>[] {
  const parts = text.split('\n').slice(0, 200);
  return parts.map((raw, i) => ({
    _raw: `[${TAG}=${TOKEN}] ${raw}`,
    _messagetime: String(1_700_000_000_000 + i),
    _sourcehost: 'h',
    _messageid: String(i),
  }));
}

const scope = compileScope({
  ...DEFAULT_SCOPE_SETTINGS,
  urlPatterns: ['*/a/*/b/*/c/*', 'https://api.example.com/v2/*', '/^https:\\/\\/x\\.example\\//'],
});
const glob = compileGlob('*/a/*/b/*/c/*');

export const PARSERS: NamedParser[] = [
  { name: 'logs: classifyLine (level, error markers)', run: (t) => classifyLine(t) },
  { name: 'logs: extractStack (Python/Java/Node/Go traces)', run: (t) => extractStack(t) },
  {
    name: 'logs: mergeStackMessages (multi-line traces)',
    run: (t) => mergeStackMessages(asMessages(t).map(normalizeMessage)),
  },
  {
    name: 'logs: normalizeForSignature + groupErrors',
    run: (t) =>
      groupErrors([
        {
          raw: t,
          messageTime: 1,
          receiptTime: 1,
          sourceCategory: '',
          sourceHost: '',
          sourceName: '',
          stack: extractStack(t),
        },
      ]) && normalizeForSignature(t),
  },
  {
    name: 'logs: recheckTag + findTagIssues (exact tag re-check)',
    run: (t) => [recheckTag(t, TAG, TOKEN), findTagIssues(t, TAG, TOKEN)],
  },
  {
    name: 'logs: analyzeMessages (whole pipeline, one message)',
    run: (t) =>
      analyzeMessages([{ _raw: `[${TAG}=${TOKEN}] ${t}`, _messagetime: '1' }], {
        tags: [{ tagName: TAG, value: TOKEN }],
      }),
  },
  { name: 'logs: makeVisible (inert log text)', run: (t) => makeVisible(t) },
  { name: 'linking: extractRequestHint (method/path/status in a log line)', run: (t) => extractRequestHint(t) },
  { name: 'audit: templatePath (path templates)', run: (t, rep) => templatePath(`/${rep}/${t}`) },
  { name: 'audit: parseFilter (the filter language)', run: (t) => parseFilter(t) },
  {
    name: 'audit: scope URL patterns (globs, origins)',
    run: (t, rep) => [
      glob(t),
      decideScope({ ...request(`https://h${rep}.example/${t}`), requestHeaders: [] }, scope, 'https://shop.example'),
    ],
  },
  {
    name: 'audit: fromHarEntry + splitUrl (HAR normalisation)',
    run: (t) => [splitUrl(`https://h.example/${t}`), fromHarEntry(har(t), PAGE)],
  },
  {
    name: 'audit: fromHarEntry, Firefox entry (kind from Sec-Fetch headers)',
    run: (t) => fromHarEntry(firefoxHar(t), PAGE),
  },
  {
    name: 'audit: page timeline question and reply (who made a fetch)',
    run: (t) => [
      timelineExpression([`https://h.example/${t}`]),
      interpretTimelineReply({ v: 1, whole: true, made: [t] }, [t]),
    ],
  },
  { name: 'audit: inertText (headers, URLs on screen)', run: (t) => inertText(t, 2048) },
  {
    name: 'session: validateToken + tryDecodeToken (token decoding)',
    run: (t) => [validateToken(t), tryDecodeToken(t)],
  },
  { name: 'session: validateSessionId (session-id decoding)', run: (t) => validateSessionId(t) },
  { name: 'session: parseManualInput (pasted token, id or URL)', run: (t) => parseManualInput(t) },
  { name: 'session: parseStoredToken (sessionStorage formats)', run: (t) => parseStoredToken(t) },
  {
    name: 'session: network tokens (ingest URLs, start bodies)',
    run: (t) => [
      matchTrackerIngestUrl(`https://h.example/ingest/${t}`),
      extractNetworkToken({
        url: 'https://api.openreplay.com/ingest/v1/web/start',
        method: 'POST',
        requestHeaders: [{ name: 'Authorization', value: `Bearer ${t}` }],
        responseBody: t,
      }),
    ],
  },
  { name: 'sumo: tryBuildSessionQuery (query validation)', run: (t) => tryBuildSessionQuery({ token: t, scope: t }) },
];

function request(url: string) {
  return fromHarEntry(har('', url), PAGE) ?? fromHarEntry(har(''), PAGE)!;
}

function har(text: string, url = `https://h.example/${text}`) {
  return {
    request: {
      url,
      method: 'GET',
      headers: [
        { name: 'X-OpenReplay-SessionToken', value: text },
        { name: text.slice(0, 300), value: text },
      ],
    },
    response: { status: 200, headers: [{ name: 'Access-Control-Allow-Headers', value: text }] },
    startedDateTime: '2025-11-26T13:57:00.000Z',
  };
}

/** Firefox's shape: no `_resourceType`, the kind only in browser-written headers (here hostile). */
function firefoxHar(text: string) {
  const headers = ['Sec-Fetch-Dest', 'Sec-Fetch-Mode', 'Accept', 'Upgrade', 'Access-Control-Request-Method'].map(
    (name) => ({ name, value: text }),
  );
  for (let i = 0; i < 40; i++) headers.push({ name: text.slice(i, i + 14), value: text });
  return {
    request: { url: `https://h.example/${text}`, method: 'OPTIONS', headers },
    response: { status: 200, headers: [] },
    _priority: text,
    startedDateTime: '2025-11-26T13:57:00.000Z',
  };
}
