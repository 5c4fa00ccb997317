// `replay-link.config.json`: one file the CLI and the Playwright fixture read. Validated field by
// field with messages that name the field and what to write instead; credentials are refused.

import { validateScopeSettings, type ScopeSettings } from '../core/audit/scope-settings.ts';
import { DEFAULT_TAGGING_WINDOW_MS } from '../core/linking/tagging.ts';
import { DEPLOYMENTS, isDeploymentId, resolveApiBase, type DeploymentId } from '../sumo/deployments.ts';
import { validateScope, validateTagName } from '../core/search/query.ts';
import { DEFAULT_TAG_NAMES } from '../shared/settings.ts';
import { PROBLEM_KINDS, isProblemKind, type ProblemKind } from '../core/ci/problems.ts';

export const CONFIG_FILE_NAME = 'replay-link.config.json';

export interface AllowRule {
  /** Glob (`*`) over the endpoint `METHOD origin+template`, or `METHOD /path` for any origin. */
  endpoint: string;
  /** Only these kinds are allowed there; all kinds when absent. */
  problems?: ProblemKind[];
  /** Why it is allowed, shown next to the ignored problem. */
  reason?: string;
}

export interface SumoCiConfig {
  /** The resolved API base (a deployment's, or the one written). */
  apiBase: string;
  deployment?: DeploymentId;
  scopeQuery: string;
  tagNames: string[];
  /** `session`: from the session's start; a number: the last N minutes. To now either way. */
  windowMinutes: number | 'session';
  /** Wait before searching, so the backend's lines are ingested (real SumoLogic takes a while). */
  waitSeconds: number;
  /** How long after a request its tagged lines may appear. */
  taggingWindowMs: number;
}

export interface ReplayLinkConfig {
  scope: ScopeSettings;
  failOn: ProblemKind[];
  allow: AllowRule[];
  sumo: SumoCiConfig | null;
}

export const DEFAULT_CONFIG: Readonly<ReplayLinkConfig> = Object.freeze({
  scope: { extraOrigins: [], urlPatterns: [], extraHeaderNames: [], includeSameOrigin: true, askTrackerMatcher: true },
  failOn: [...PROBLEM_KINDS],
  allow: [],
  sumo: null,
});

export type ConfigResult = { ok: true; config: ReplayLinkConfig } | { ok: false; errors: string[] };

const TOP_KEYS = ['$schema', 'scope', 'headerNames', 'failOn', 'allow', 'sumo'];
const SCOPE_KEYS = ['origins', 'urlPatterns', 'sameOrigin', 'askTrackerMatcher'];
const SUMO_KEYS = ['deployment', 'apiBase', 'scopeQuery', 'tagNames', 'window', 'waitSeconds', 'taggingWindowSeconds'];
const SECRET_KEY =
  /^(?:access[-_]?(?:id|key)|accessid|accesskey|password|secret|token|credentials?|apikey|api[-_]key)$/i;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

class Checker {
  readonly errors: string[] = [];
  fail(path: string, message: string): void {
    if (this.errors.length < 50) this.errors.push(`${path}: ${message}`);
  }
  keys(o: Obj, path: string, known: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (SECRET_KEY.test(k))
        this.fail(
          `${path}${k}`,
          'credentials never go in the config file — set SUMO_ACCESS_ID and SUMO_ACCESS_KEY in the environment (CI secrets)',
        );
      else if (!known.includes(k)) this.fail(`${path}${k}`, `unknown key (known here: ${known.join(', ')})`);
    }
  }
  strings(v: unknown, path: string, max = 200): string[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.fail(path, `must be a list of strings, got ${typeName(v)}`);
      return [];
    }
    if (v.length > max) this.fail(path, `at most ${max} entries, got ${v.length}`);
    const out: string[] = [];
    v.slice(0, max).forEach((x, i) => {
      if (typeof x === 'string') out.push(x);
      else this.fail(`${path}[${i}]`, `must be a string, got ${typeName(x)}`);
    });
    return out;
  }
  number(v: unknown, path: string, min: number, max: number, fallback: number): number {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      this.fail(path, `must be a number from ${min} to ${max}, got ${JSON.stringify(v) ?? typeName(v)}`);
      return fallback;
    }
    return v;
  }
  kinds(v: unknown, path: string): ProblemKind[] {
    const out: ProblemKind[] = [];
    this.strings(v, path, 20).forEach((k, i) => {
      if (isProblemKind(k)) out.push(k);
      else this.fail(`${path}[${i}]`, `"${k.slice(0, 40)}" is not a problem kind (use ${PROBLEM_KINDS.join(', ')})`);
    });
    return out;
  }
}

function readScope(c: Checker, raw: unknown, headerNames: unknown): ScopeSettings {
  const scope: ScopeSettings = { ...DEFAULT_CONFIG.scope, extraHeaderNames: c.strings(headerNames, 'headerNames', 20) };
  if (raw !== undefined) {
    if (!isObj(raw)) c.fail('scope', `must be an object, got ${typeName(raw)}`);
    else {
      c.keys(raw, 'scope.', SCOPE_KEYS);
      scope.extraOrigins = c.strings(raw['origins'], 'scope.origins');
      scope.urlPatterns = c.strings(raw['urlPatterns'], 'scope.urlPatterns');
      if (raw['askTrackerMatcher'] !== undefined) {
        if (typeof raw['askTrackerMatcher'] === 'boolean') scope.askTrackerMatcher = raw['askTrackerMatcher'];
        else c.fail('scope.askTrackerMatcher', `must be true or false, got ${typeName(raw['askTrackerMatcher'])}`);
      }
      if (raw['sameOrigin'] !== undefined) {
        if (typeof raw['sameOrigin'] === 'boolean') scope.includeSameOrigin = raw['sameOrigin'];
        else c.fail('scope.sameOrigin', `must be true or false, got ${typeName(raw['sameOrigin'])}`);
      }
    }
  }
  const where = {
    extraOrigins: 'scope.origins',
    urlPatterns: 'scope.urlPatterns',
    extraHeaderNames: 'headerNames',
  } as const;
  for (const e of validateScopeSettings(scope)) c.fail(`${where[e.field]}[${e.index}]`, e.message);
  return scope;
}

function readAllow(c: Checker, raw: unknown): AllowRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    c.fail('allow', `must be a list, got ${typeName(raw)}`);
    return [];
  }
  const rules: AllowRule[] = [];
  raw.slice(0, 500).forEach((r, i) => {
    const path = `allow[${i}]`;
    if (typeof r === 'string') {
      if (r.trim() === '') c.fail(path, 'an endpoint pattern cannot be empty');
      else rules.push({ endpoint: r.trim().slice(0, 2000) });
      return;
    }
    if (!isObj(r))
      return c.fail(path, `must be a string or { "endpoint": …, "problems": […], "reason": … }, got ${typeName(r)}`);
    c.keys(r, `${path}.`, ['endpoint', 'problems', 'reason']);
    if (typeof r['endpoint'] !== 'string' || r['endpoint'].trim() === '')
      return c.fail(
        `${path}.endpoint`,
        'must be an endpoint pattern such as "GET /api/health" or "* https://partner.example.com/*"',
      );
    const rule: AllowRule = { endpoint: r['endpoint'].trim().slice(0, 2000) };
    if (r['problems'] !== undefined) rule.problems = c.kinds(r['problems'], `${path}.problems`);
    if (typeof r['reason'] === 'string') rule.reason = r['reason'].slice(0, 300);
    else if (r['reason'] !== undefined) c.fail(`${path}.reason`, `must be a string, got ${typeName(r['reason'])}`);
    rules.push(rule);
  });
  return rules;
}

function readSumo(c: Checker, raw: unknown): SumoCiConfig | null {
  if (raw === undefined || raw === null) return null;
  if (!isObj(raw)) {
    c.fail('sumo', `must be an object, got ${typeName(raw)}`);
    return null;
  }
  c.keys(raw, 'sumo.', SUMO_KEYS);
  const { deployment, apiBase } = raw;
  let resolved = resolveApiBase({});
  if (deployment !== undefined && apiBase !== undefined)
    c.fail('sumo', 'give either "deployment" or "apiBase", not both');
  else if (typeof apiBase === 'string') resolved = resolveApiBase({ customApiBase: apiBase });
  else if (apiBase !== undefined)
    c.fail('sumo.apiBase', `must be a URL such as "https://api.eu.sumologic.com/api", got ${typeName(apiBase)}`);
  else if (typeof deployment === 'string' && isDeploymentId(deployment.toUpperCase()))
    resolved = resolveApiBase({ deployment: deployment.toUpperCase() as DeploymentId });
  else
    c.fail(
      'sumo.deployment',
      `${deployment === undefined ? 'missing' : `"${String(deployment).slice(0, 20)}" is not a deployment`} — use one of ${DEPLOYMENTS.map((d) => d.id).join(', ')}, or "apiBase" for a proxy or a local server`,
    );
  if (!resolved.ok) c.fail('sumo.apiBase', resolved.reason);

  const scopeQuery =
    raw['scopeQuery'] === undefined
      ? ''
      : typeof raw['scopeQuery'] === 'string'
        ? raw['scopeQuery']
        : (c.fail('sumo.scopeQuery', `must be a string, got ${typeName(raw['scopeQuery'])}`), '');
  const scopeProblem = validateScope(scopeQuery);
  if (scopeProblem !== undefined) c.fail('sumo.scopeQuery', scopeProblem);
  const tagNames =
    raw['tagNames'] === undefined ? [...DEFAULT_TAG_NAMES] : c.strings(raw['tagNames'], 'sumo.tagNames', 8);
  tagNames.forEach((t, i) => {
    const problem = validateTagName(t);
    if (problem !== undefined) c.fail(`sumo.tagNames[${i}]`, problem);
  });
  if (tagNames.length === 0)
    c.fail('sumo.tagNames', 'needs at least one tag name (default: openReplaySessionToken, openReplaySession.id)');

  let windowMinutes: number | 'session' = 'session';
  const w = raw['window'];
  if (isObj(w) && Object.keys(w).every((k) => k === 'lastMinutes'))
    windowMinutes = Math.round(c.number(w['lastMinutes'], 'sumo.window.lastMinutes', 1, 7 * 24 * 60, 60));
  else if (w !== undefined && w !== 'session')
    c.fail('sumo.window', 'must be "session" (from the session\'s start) or { "lastMinutes": N }');

  const config: SumoCiConfig = {
    apiBase: resolved.ok ? resolved.apiBase : '',
    scopeQuery,
    tagNames,
    windowMinutes,
    waitSeconds: c.number(raw['waitSeconds'], 'sumo.waitSeconds', 0, 900, 20),
    taggingWindowMs:
      c.number(raw['taggingWindowSeconds'], 'sumo.taggingWindowSeconds', 0, 600, DEFAULT_TAGGING_WINDOW_MS / 1000) *
      1000,
  };
  if (resolved.ok && resolved.deployment !== undefined) config.deployment = resolved.deployment.id;
  return config;
}

/** Validates parsed JSON; every problem is reported at once, each naming its field. */
export function parseConfig(raw: unknown): ConfigResult {
  if (!isObj(raw)) return { ok: false, errors: [`the file must hold one JSON object, got ${typeName(raw)}`] };
  const c = new Checker();
  c.keys(raw, '', TOP_KEYS);
  const config: ReplayLinkConfig = {
    scope: readScope(c, raw['scope'], raw['headerNames']),
    failOn: raw['failOn'] === undefined ? [...DEFAULT_CONFIG.failOn] : c.kinds(raw['failOn'], 'failOn'),
    allow: readAllow(c, raw['allow']),
    sumo: readSumo(c, raw['sumo']),
  };
  return c.errors.length > 0 ? { ok: false, errors: c.errors } : { ok: true, config };
}

/** Parses the file's text; a JSON syntax error says where. */
export function parseConfigText(text: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  return parseConfig(raw);
}
