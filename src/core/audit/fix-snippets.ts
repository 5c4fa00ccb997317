// Which fixes to paste a request's detail offers, only where one helps: the client code that adds the
// header a request went without, the CORS change a blocked request needs, or code that tags the
// backend's log lines for an endpoint whose backend is known not to. The texts live in /snippets
// (real files, compiled or run by the tests); this picks them and names them.

import type { VerdictResult } from './types.ts';

export type SnippetId =
  | 'node'
  | 'python'
  | 'java'
  | 'go'
  | 'go-slog'
  | 'dotnet'
  | 'cors-express'
  | 'cors-nginx'
  | 'cors-spring'
  | 'client-header';

export interface SnippetInfo {
  id: SnippetId;
  title: string;
  /** Path under /snippets. */
  file: string;
}

export const SNIPPETS: Readonly<Record<SnippetId, SnippetInfo>> = {
  node: { id: 'node', title: 'Express / Node (AsyncLocalStorage)', file: 'node/openreplay-context.mjs' },
  python: {
    id: 'python',
    title: 'Python (logging filter + Django / FastAPI middleware)',
    file: 'python/openreplay_logging.py',
  },
  java: { id: 'java', title: 'Java (servlet filter + SLF4J MDC)', file: 'java/OpenReplayFilter.java' },
  go: { id: 'go', title: 'Go (net/http middleware)', file: 'go/openreplay/middleware.go' },
  'go-slog': { id: 'go-slog', title: 'Go (log/slog handler, Go 1.21+)', file: 'go/openreplay/slog.go' },
  dotnet: { id: 'dotnet', title: '.NET (middleware + logger scope)', file: 'dotnet/OpenReplayMiddleware.cs' },
  'cors-express': { id: 'cors-express', title: 'Express (cors package)', file: 'cors/express-cors.mjs' },
  'cors-nginx': { id: 'cors-nginx', title: 'nginx', file: 'cors/nginx.conf' },
  'cors-spring': { id: 'cors-spring', title: 'Spring (WebMvcConfigurer)', file: 'cors/SpringCorsConfig.java' },
  'client-header': {
    id: 'client-header',
    title: 'Browser (a fetch wrapper; the token handed to a Web Worker)',
    file: 'client/session-header.mjs',
  },
};

export const LOG_SNIPPETS: readonly SnippetId[] = ['node', 'python', 'java', 'go', 'go-slog', 'dotnet'];
export const CORS_SNIPPETS: readonly SnippetId[] = ['cors-express', 'cors-nginx', 'cors-spring'];

export interface FixOffer {
  kind: 'logging' | 'cors' | 'client';
  heading: string;
  snippets: readonly SnippetId[];
}

const LOGGING: FixOffer = Object.freeze({
  kind: 'logging',
  heading:
    "If this endpoint's backend does not tag its log lines yet: read the header and prefix each line with [openReplaySessionToken=<token>]",
  snippets: LOG_SNIPPETS,
});
const CORS: FixOffer = Object.freeze({
  kind: 'cors',
  heading: 'Let the server accept the header: list it in Access-Control-Allow-Headers',
  snippets: CORS_SNIPPETS,
});

const CLIENT: FixOffer = Object.freeze({
  kind: 'client',
  heading:
    'If this request bypasses the tracker (a fetch saved before tracker.start(), a client such as ky, a Web Worker): add the header from tracker.getSessionToken() yourself',
  snippets: ['client-header'] as readonly SnippetId[],
});

/**
 * What a backend search found for the request's endpoint: `not-tagging` when its lines lack the tag
 * (or carry it wrongly), `tagging` when they carry it, `unknown` before a search judged it.
 */
export type BackendTagging = 'not-tagging' | 'tagging' | 'unknown';

/**
 * The fixes worth showing for a verdict, or null. A request that carries the token needs nothing
 * from the browser: log-tagging code only helps where a search showed its backend does not tag.
 */
export function fixOfferFor(result: VerdictResult, backend: BackendTagging = 'unknown'): FixOffer | null {
  if (result.verdict === 'blocked') return CORS;
  if (result.verdict === 'missing') return CLIENT;
  if (result.verdict === 'carries' && backend === 'not-tagging') return LOGGING;
  return null;
}

/** The line shown instead of log-tagging code while no search has judged the endpoint's backend. */
export function taggingHintFor(result: VerdictResult, backend: BackendTagging = 'unknown'): string | null {
  if (result.verdict !== 'carries' || backend !== 'unknown') return null;
  return "Whether this endpoint's backend tags its log lines shows after a backend search; if it does not, the code to tag them is offered here.";
}
