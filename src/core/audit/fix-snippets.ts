// Which fixes to paste a request's detail offers: code that reads the session header and tags the
// backend's log lines, or the CORS change a blocked request needs. The texts live in /snippets
// (real files, compiled or run by the tests); this picks them and names them.

import type { VerdictResult } from './types.ts';

export type SnippetId =
  'node' | 'python' | 'java' | 'go' | 'go-slog' | 'dotnet' | 'cors-express' | 'cors-nginx' | 'cors-spring';

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
};

export const LOG_SNIPPETS: readonly SnippetId[] = ['node', 'python', 'java', 'go', 'go-slog', 'dotnet'];
export const CORS_SNIPPETS: readonly SnippetId[] = ['cors-express', 'cors-nginx', 'cors-spring'];

export interface FixOffer {
  kind: 'logging' | 'cors';
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

/** The fixes worth showing for a verdict, or null. */
export function fixOfferFor(result: VerdictResult): FixOffer | null {
  if (result.verdict === 'blocked') return CORS;
  if (result.verdict === 'carries') return LOGGING;
  return null;
}
