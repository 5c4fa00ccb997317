// Where a token was learned, in the order of trust used when several disagree at the same moment.

export const TOKEN_SOURCES = [
  'window.__OPENREPLAY__',
  'window.OpenReplay',
  'window.asayer',
  'sessionStorage',
  'network: /v1/web/start',
  'network: Authorization of /v1/web/i',
] as const;

export type TokenSource = (typeof TOKEN_SOURCES)[number];
export type AnySource = TokenSource | 'entered by hand';

/** Lower is more trusted. */
export function sourceRank(source: AnySource): number {
  return source === 'entered by hand' ? -1 : TOKEN_SOURCES.indexOf(source);
}

export function byRank(a: AnySource, b: AnySource): number {
  return sourceRank(a) - sourceRank(b);
}

/** Both lists' sources once each, most trusted first. */
export function unionSources<T extends AnySource>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])].sort(byRank);
}

export type GlobalName = '__OPENREPLAY__' | 'OpenReplay' | 'asayer';
export const GLOBAL_NAMES: readonly GlobalName[] = ['__OPENREPLAY__', 'OpenReplay', 'asayer'];

export function globalSource(name: GlobalName): TokenSource {
  return `window.${name}`;
}

/** For an empty state: what the panel looked for and did not find. */
export const LOOKED_FOR: readonly string[] = [
  'window.__OPENREPLAY__ (tracker installed from npm)',
  'window.OpenReplay (tracker installed with the snippet), window.asayer (old snippet)',
  'sessionStorage __openreplay_token (all three storage formats)',
  "the tracker's own traffic: the /v1/web/start response and the Authorization header of /v1/web/i",
];
