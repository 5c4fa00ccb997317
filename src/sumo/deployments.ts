import { DEPLOYMENT_IDS, type DeploymentId } from '../shared/settings.ts';

export { DEPLOYMENT_IDS };
export type { DeploymentId };

export interface Deployment {
  readonly id: DeploymentId;
  readonly apiHost: string;
  readonly uiHost: string;
  /** Still usable (a saved setting keeps working) but no longer on SumoLogic's endpoints page. */
  readonly deprecated?: true;
}

function dep(id: DeploymentId): Deployment {
  const label = id === 'US1' ? '' : `${id.toLowerCase()}.`;
  const d: Deployment = { id, apiHost: `api.${label}sumologic.com`, uiHost: `service.${label}sumologic.com` };
  return id === 'IN' ? { ...d, deprecated: true } : d;
}

/** SumoLogic's endpoints page of today, alphabetical, then the deprecated IN. */
export const DEPLOYMENTS: readonly Deployment[] = Object.freeze(DEPLOYMENT_IDS.map(dep));

export function getDeployment(id: DeploymentId): Deployment {
  const found = DEPLOYMENTS.find((d) => d.id === id);
  if (!found) throw new Error(`unknown deployment ${String(id)}`);
  return found;
}

export function isDeploymentId(value: string): value is DeploymentId {
  return DEPLOYMENTS.some((d) => d.id === value);
}

/** How a deployment is named in a list: "EU — api.eu.sumologic.com", deprecated ones say so. */
export function deploymentLabel(d: Deployment): string {
  return `${d.id} — ${d.apiHost}${d.deprecated ? ' (deprecated)' : ''}`;
}

export type DeploymentParse = { ok: true; deployment: Deployment; note?: string } | { ok: false; reason: string };

const NOT_LOGIN_LABELS = new Set([
  'www',
  'help',
  'docs',
  'status',
  'support',
  'collectors',
  'endpoint1',
  'endpoint2',
  'endpoint3',
  'endpoint4',
]);
const HOST_ROLES = new Set(['api', 'service']);
const MAX_ADDRESS = 2048;

function hostOf(text: string): string | undefined {
  const trimmed = text.slice(0, MAX_ADDRESS).trim();
  if (!trimmed || /\s/.test(trimmed)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

export type HostReading =
  | { kind: 'deployment'; deployment: Deployment }
  /** A *.sumologic.com host whose deployment label is not in the table (never taken for US1). */
  | { kind: 'unknown-label'; label: string }
  /** Not a *.sumologic.com host, or one that says nothing about a deployment (help., docs.). */
  | { kind: 'none' };

/**
 * Reads a *.sumologic.com host: `service.<dep>`, `api.<dep>`, `<org>.<dep>`, and with no label
 * (`service.`, `api.`, `<org>.sumologic.com`) US1.
 */
export function readSumoHost(host: string): HostReading {
  const h = host.toLowerCase();
  if (!h.endsWith('.sumologic.com')) return { kind: 'none' };
  const labels = h.split('.').slice(0, -2);
  if (labels.length === 0 || labels.some((l) => l === '')) return { kind: 'none' };
  if (labels.length === 1) {
    const only = labels[0] ?? '';
    if (NOT_LOGIN_LABELS.has(only)) return { kind: 'none' };
    // "service", "api" or a custom org name alone: the US1 deployment has no label.
    return { kind: 'deployment', deployment: getDeployment('US1') };
  }
  if (labels.length > 2) return { kind: 'unknown-label', label: labels.slice(1).join('.') };
  const label = labels[1] ?? '';
  const upper = label.toUpperCase();
  if (isDeploymentId(upper)) return { kind: 'deployment', deployment: getDeployment(upper) };
  return { kind: 'unknown-label', label };
}

/** Maps a *.sumologic.com host to its deployment; undefined when unknown or not a deployment host. */
export function deploymentFromHost(host: string): Deployment | undefined {
  const r = readSumoHost(host);
  return r.kind === 'deployment' ? r.deployment : undefined;
}

const LOGIN_HINT = 'paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com';
const KNOWN_LIST = DEPLOYMENTS.filter((d) => !d.deprecated)
  .map((d) => d.id.toLowerCase())
  .join(', ');

function deprecatedNote(d: Deployment): string | undefined {
  return d.deprecated
    ? `${d.id} is deprecated: SumoLogic no longer lists it. It is kept usable; if your searches fail, ask your admin for your current deployment or press Detect.`
    : undefined;
}

function parsed(deployment: Deployment): DeploymentParse {
  const note = deprecatedNote(deployment);
  return note ? { ok: true, deployment, note } : { ok: true, deployment };
}

/** "https://service.eu.sumologic.com/ui/#/…" → EU; also accepts a bare deployment code ("eu"). */
export function deploymentFromLoginUrl(text: string): DeploymentParse {
  const code = text.trim().toUpperCase();
  if (isDeploymentId(code)) return parsed(getDeployment(code));
  const host = hostOf(text);
  if (!host) return { ok: false, reason: `Not a web address — ${LOGIN_HINT}.` };
  if (host !== 'sumologic.com' && !host.endsWith('.sumologic.com')) {
    return { ok: false, reason: `That address is not on sumologic.com — ${LOGIN_HINT}.` };
  }
  const reading = readSumoHost(host);
  if (reading.kind === 'unknown-label') {
    return {
      ok: false,
      reason: `"${reading.label.slice(0, 40)}" in ${host.slice(0, 120)} is not a SumoLogic deployment Replay Link knows (known: ${KNOWN_LIST}; no label means us1). Pick yours in the list, press Detect, or use a custom API base.`,
    };
  }
  if (reading.kind === 'none')
    return { ok: false, reason: `That address does not tell the deployment — ${LOGIN_HINT}.` };
  return parsed(reading.deployment);
}

/** For a 301 "moved": the deployment named by the Location header (or any URL/host text), if any. */
export function deploymentFromMovedLocation(location: string | null | undefined): Deployment | undefined {
  if (!location) return undefined;
  const host = hostOf(location);
  if (!host) return undefined;
  const labels = host.split('.');
  // Only api/service hosts are unambiguous; a custom org host would also read as US1.
  if (!HOST_ROLES.has(labels[0] ?? '')) return undefined;
  return deploymentFromHost(host);
}

/** Whether a host is one of the table's API hosts: the only hosts Detect sends credentials to. */
export function isTableApiHost(host: string): boolean {
  return DEPLOYMENTS.some((d) => d.apiHost === host.toLowerCase());
}

export interface ApiSettings {
  deployment?: DeploymentId;
  /** Full API base including "/api", e.g. a local server "http://127.0.0.1:4000/api". */
  customApiBase?: string;
}

export type ApiBaseResolution =
  | { ok: true; apiBase: string; host: string; deployment?: Deployment; warning?: string }
  | { ok: false; reason: string };

export function resolveApiBase(settings: ApiSettings): ApiBaseResolution {
  const custom = settings.customApiBase?.trim();
  if (custom) {
    let url: URL;
    try {
      url = new URL(custom);
    } catch {
      return {
        ok: false,
        reason: 'The custom API base URL is not a valid address (expected e.g. https://api.eu.sumologic.com/api).',
      };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { ok: false, reason: 'The custom API base URL must start with https:// (or http:// for a local server).' };
    }
    if (url.username || url.password || url.search || url.hash) {
      return { ok: false, reason: 'The custom API base URL must not contain credentials, a query or a fragment.' };
    }
    const apiBase = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    const host = url.hostname.toLowerCase();
    const sumoHost = host.endsWith('.sumologic.com');
    const result: ApiBaseResolution = { ok: true, apiBase, host };
    const d = sumoHost ? deploymentFromHost(host) : undefined;
    if (d) result.deployment = d;
    if (url.protocol !== 'https:' || !sumoHost) result.warning = 'not an https sumologic.com host';
    return result;
  }
  const deployment = getDeployment(settings.deployment ?? 'US1');
  return { ok: true, apiBase: `https://${deployment.apiHost}/api`, host: deployment.apiHost, deployment };
}
