// The audit scope the user sets per inspected site (origins, URL patterns, header names), read back
// from storage without trusting its shape, validated with messages for the Settings area, and
// compiled once into matchers that read a URL in bounded time.

import { validateHeaderName } from './header-names.ts';
import type { ScopeDecision } from './types.ts';

/** Persisted per inspected site (see `siteKey`). */
export interface ScopeSettings {
  /** Origins whose fetch/XHR should carry the header: `https://api.example.com`, `api.example.com:4001`, `https://*.example.com`. */
  extraOrigins: string[];
  /** Like the tracker's `tokenUrlMatcher`: globs with `*` (`https://api.example.com/v2/*`, or `*` then `/graphql`) or `/regex/flags`. */
  urlPatterns: string[];
  /** More header names that count (case-insensitive). */
  extraHeaderNames: string[];
  /** Same-origin fetch/XHR are in scope (the default). */
  includeSameOrigin: boolean;
  /** Ask the page's own tokenUrlMatcher about each request URL (it runs page code; on by default). */
  askTrackerMatcher: boolean;
}

export const DEFAULT_SCOPE_SETTINGS: Readonly<ScopeSettings> = Object.freeze({
  extraOrigins: [],
  urlPatterns: [],
  extraHeaderNames: [],
  includeSameOrigin: true,
  askTrackerMatcher: true,
});

export interface ScopeError {
  field: 'extraOrigins' | 'urlPatterns' | 'extraHeaderNames';
  index: number;
  value: string;
  message: string;
}

export interface CompiledRule {
  /** As the user wrote it, for reason lines. */
  source: string;
  test: (s: string) => boolean;
  /** The shared in-scope decision this rule gives. */
  decision: ScopeDecision;
}

export interface CompiledScope {
  settings: ScopeSettings;
  origins: CompiledRule[];
  patterns: CompiledRule[];
  errors: ScopeError[];
  /** Origin → decision, filled as requests are judged. */
  originCache: Map<string, ScopeDecision>;
}

/** The key settings are stored under: the inspected page's origin (or the URL itself for file: and the like). */
export function siteKey(pageUrl: string): string {
  try {
    const u = new URL(pageUrl);
    return u.origin !== 'null' ? u.origin : u.protocol + u.pathname;
  } catch {
    return pageUrl;
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function rule(source: string, label: string, test: (s: string) => boolean): CompiledRule {
  return { source, test, decision: Object.freeze({ inScope: true, rule: label }) };
}

const ORIGIN_PATTERN = /^(?:([a-z][a-z0-9+.-]*):\/\/)?((?:\*\.)?[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?\/?$/i;

function compileOrigin(raw: string): CompiledRule | string {
  const s = raw.trim();
  if (s === '') return 'an origin cannot be empty';
  const m = ORIGIN_PATTERN.exec(s);
  if (m === null) {
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]+\/./i.test(s))
      return 'an origin has no path — put URLs with a path under URL patterns';
    return 'not an origin — write it like https://api.example.com or api.example.com:4001';
  }
  const [, scheme, host = '', port] = m;
  if (scheme !== undefined && !/^https?$/i.test(scheme))
    return `scheme ${scheme}: cannot carry request headers — use http or https`;
  if (port !== undefined && Number(port) > 65535) return `port ${port} is out of range`;
  const schemePart = scheme !== undefined ? escapeRegex(scheme.toLowerCase()) : 'https?';
  const hostPart = host.startsWith('*.')
    ? '(?:[a-z0-9-]+\\.)+' + escapeRegex(host.slice(2).toLowerCase())
    : escapeRegex(host.toLowerCase());
  // No port written: any port, because local setups put APIs on their own port of the same host.
  const portPart = port !== undefined ? ':' + port : '(?::\\d+)?';
  const re = new RegExp('^' + schemePart + ':\\/\\/' + hostPart + portPart + '$');
  return rule(s, `origin ${s}`, (origin) => re.test(origin));
}

/**
 * A `*` glob as a matcher without backtracking: the parts between stars are found left to right,
 * each at its first place after the previous one (which is always a right choice for `*`-only
 * globs), so a URL is read a bounded number of times however many stars the pattern has.
 */
export function compileGlob(glob: string): (text: string) => boolean {
  const parts = glob.split('*');
  const first = parts[0] ?? '';
  if (parts.length === 1) return (text) => text === first;
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1).filter((p) => p !== '');
  return (text) => {
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    let at = first.length;
    const end = text.length - last.length;
    for (const part of middle) {
      const found = text.indexOf(part, at);
      if (found === -1 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

function compilePattern(raw: string): CompiledRule | string {
  const s = raw.trim();
  if (s === '') return 'a URL pattern cannot be empty';
  const lit = REGEX_LITERAL.exec(s);
  if (lit !== null) {
    const [, body = '', flags = ''] = lit;
    if (/[^imsu]/.test(flags)) return `flags "${flags}" not allowed — use only i, m, s, u`;
    try {
      const re = new RegExp(body, flags);
      return rule(s, `URL pattern ${s}`, (url) => re.test(url));
    } catch (e) {
      return `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (/\s/.test(s)) return 'a URL pattern cannot contain spaces';
  // A glob without a scheme may match anywhere from the start (`*/graphql`, `api.example.com/v2/*`).
  const anchored = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('*');
  const match = compileGlob(anchored ? s : `*${s}`);
  return rule(s, `URL pattern ${s}`, match);
}

/** Compiles settings once; invalid entries are skipped and reported in `errors`. */
export function compileScope(settings: ScopeSettings): CompiledScope {
  const errors: ScopeError[] = [];
  const origins: CompiledRule[] = [];
  const patterns: CompiledRule[] = [];
  settings.extraOrigins.forEach((value, index) => {
    const r = compileOrigin(value);
    if (typeof r === 'string') errors.push({ field: 'extraOrigins', index, value, message: r });
    else origins.push(r);
  });
  settings.urlPatterns.forEach((value, index) => {
    const r = compilePattern(value);
    if (typeof r === 'string') errors.push({ field: 'urlPatterns', index, value, message: r });
    else patterns.push(r);
  });
  settings.extraHeaderNames.forEach((value, index) => {
    const m = validateHeaderName(value);
    if (m !== null) errors.push({ field: 'extraHeaderNames', index, value, message: m });
  });
  return { settings, origins, patterns, errors, originCache: new Map() };
}

/** User-facing problems with the settings (empty when all are usable). */
export function validateScopeSettings(settings: ScopeSettings): ScopeError[] {
  return compileScope(settings).errors;
}

function stringList(v: unknown, max = 200): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((x): x is string => typeof x === 'string')
    .slice(0, max)
    .map((x) => x.slice(0, 2000));
}

/** Reads settings back from storage without trusting their shape. */
export function normalizeScopeSettings(v: unknown): ScopeSettings {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  return {
    extraOrigins: stringList(o['extraOrigins']),
    urlPatterns: stringList(o['urlPatterns']),
    extraHeaderNames: stringList(o['extraHeaderNames']),
    includeSameOrigin: typeof o['includeSameOrigin'] === 'boolean' ? o['includeSameOrigin'] : true,
    askTrackerMatcher: typeof o['askTrackerMatcher'] === 'boolean' ? o['askTrackerMatcher'] : true,
  };
}
