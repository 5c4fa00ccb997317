import { DEPLOYMENT_IDS, type DeploymentId } from '../shared/settings.ts';

export type { DeploymentId };

export interface Deployment {
  readonly id: DeploymentId;
  readonly apiHost: string;
  readonly uiHost: string;
}

function dep(id: DeploymentId): Deployment {
  const label = id === 'US1' ? '' : `${id.toLowerCase()}.`;
  return { id, apiHost: `api.${label}sumologic.com`, uiHost: `service.${label}sumologic.com` };
}

export const DEPLOYMENTS: readonly Deployment[] = Object.freeze(
  DEPLOYMENT_IDS.map(dep),
);

export function getDeployment(id: DeploymentId): Deployment {
  const found = DEPLOYMENTS.find((d) => d.id === id);
  if (!found) throw new Error(`unknown deployment ${String(id)}`);
  return found;
}

export function isDeploymentId(value: string): value is DeploymentId {
  return DEPLOYMENTS.some((d) => d.id === value);
}

export type DeploymentParse = { ok: true; deployment: Deployment } | { ok: false; reason: string };

const NOT_LOGIN_LABELS = new Set(['www', 'help', 'docs', 'status', 'support', 'collectors', 'endpoint1', 'endpoint2', 'endpoint3', 'endpoint4']);

function hostOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** Maps a *.sumologic.com host to its deployment; undefined when the host says nothing about one. */
export function deploymentFromHost(host: string): Deployment | undefined {
  const h = host.toLowerCase();
  if (h !== 'sumologic.com' && !h.endsWith('.sumologic.com')) return undefined;
  const labels = h.split('.').slice(0, -2);
  const last = labels[labels.length - 1];
  if (last === undefined) return undefined;
  const upper = last.toUpperCase();
  if (upper === 'US1') return getDeployment('US1');
  if (isDeploymentId(upper)) return getDeployment(upper);
  if (labels.length === 1 && NOT_LOGIN_LABELS.has(last)) return undefined;
  // No deployment label ("service", "api" or a custom org name) means US1.
  return getDeployment('US1');
}

const LOGIN_HINT = 'paste the address you log in to SumoLogic at, e.g. https://service.eu.sumologic.com';

/** "https://service.eu.sumologic.com/ui/#/…" → EU; also accepts a bare deployment code ("eu"). */
export function deploymentFromLoginUrl(text: string): DeploymentParse {
  const code = text.trim().toUpperCase();
  if (isDeploymentId(code)) return { ok: true, deployment: getDeployment(code) };
  const host = hostOf(text);
  if (!host) return { ok: false, reason: `Not a web address — ${LOGIN_HINT}.` };
  if (host !== 'sumologic.com' && !host.endsWith('.sumologic.com')) {
    return { ok: false, reason: `That address is not on sumologic.com — ${LOGIN_HINT}.` };
  }
  const deployment = deploymentFromHost(host);
  if (!deployment) return { ok: false, reason: `That address does not tell the deployment — ${LOGIN_HINT}.` };
  return { ok: true, deployment };
}

/** For a 301 "moved": the deployment named by the Location header (or any URL/host text), if any. */
export function deploymentFromMovedLocation(location: string | null | undefined): Deployment | undefined {
  if (!location) return undefined;
  const host = hostOf(location);
  if (!host) return undefined;
  const labels = host.split('.');
  // Only api/service hosts are unambiguous; a custom org host would also read as US1.
  if (labels[0] !== 'api' && labels[0] !== 'service') return undefined;
  return deploymentFromHost(host);
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
      return { ok: false, reason: 'The custom API base URL is not a valid address (expected e.g. https://api.eu.sumologic.com/api).' };
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
