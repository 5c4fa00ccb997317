import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendApiError } from './api-errors.ts';
import { authenticate, parseBasicAuth } from './auth.ts';
import type { ServerContext } from './context.ts';
import { header } from './http-util.ts';

/** SumoLogic's deployments (the endpoints page of today, plus the deprecated IN). */
export const DEPLOYMENT_NAMES = ['AU', 'CA', 'CH', 'DE', 'ESC', 'EU', 'FED', 'JP', 'KR', 'US1', 'US2', 'IN'] as const;
export type DeploymentName = (typeof DEPLOYMENT_NAMES)[number];

export interface DeploymentsOption {
  /** Where the account lives: this server's own URL answers as that deployment. */
  home: DeploymentName;
  /** The other deployments to serve; default every one. */
  others?: DeploymentName[];
}

export interface ResolvedDeployments {
  home: DeploymentName;
  others: DeploymentName[];
}

export function isDeploymentName(value: string): value is DeploymentName {
  return (DEPLOYMENT_NAMES as readonly string[]).includes(value);
}

export function resolveDeployments(option: DeploymentsOption): ResolvedDeployments {
  if (!isDeploymentName(option.home)) throw new RangeError(`unknown deployment ${String(option.home)}`);
  const others = (option.others ?? [...DEPLOYMENT_NAMES]).filter((d) => d !== option.home);
  for (const d of others) if (!isDeploymentName(d)) throw new RangeError(`unknown deployment ${String(d)}`);
  return { home: option.home, others: [...new Set(others)] };
}

/** The real API host of a deployment: US1 has no label. */
export function realApiHost(name: DeploymentName): string {
  return name === 'US1' ? 'api.sumologic.com' : `api.${name.toLowerCase()}.sumologic.com`;
}

/** The real service's 301 body: it names no host. */
export const MOVED_MESSAGE = 'The requested resource SHOULD be accessed through returned URI in Location Header.';
/** The real service's 401 for a call without credentials (what a followed redirect gets). */
export const NO_CREDENTIALS_MESSAGE = 'Full authentication is required to access this resource';

export function sendMoved(res: ServerResponse, location: string): void {
  sendApiError(res, 301, 'moved', MOVED_MESSAGE, { Location: location });
}

/** A wrong deployment: it knows the account lives elsewhere, but only tells an authenticated caller. */
function wrongDeployment(ctx: ServerContext, home: DeploymentName, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://wrong.invalid');
  const auth = parseBasicAuth(header(req, 'authorization'));
  const startedAt = ctx.now();
  res.on('close', () => {
    ctx.logRequest({
      at: startedAt,
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      call: 'other',
      accessId: auth?.accessId ?? '(anonymous)',
      status: res.writableFinished ? res.statusCode : 0,
      hadSessionCookie: false,
    });
  });
  if (!url.pathname.startsWith('/api/')) return sendApiError(res, 404, 'notfound');
  if (!auth) return sendApiError(res, 401, 'unauthorized', NO_CREDENTIALS_MESSAGE);
  const result = authenticate(auth, ctx.options.credentials);
  if (!result.ok) return sendApiError(res, 401, 'unauthorized');
  sendMoved(res, `https://${realApiHost(home)}${url.pathname}${url.search}`);
}

/** Opens one loopback listener per other deployment; returns their URLs and a closer. */
export async function serveOtherDeployments(
  ctx: ServerContext,
  deployments: ResolvedDeployments,
): Promise<{ urls: Map<DeploymentName, string>; close(): Promise<void> }> {
  const servers: Server[] = [];
  const urls = new Map<DeploymentName, string>();
  for (const name of deployments.others) {
    const server = createServer((req, res) => wrongDeployment(ctx, deployments.home, req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    servers.push(server);
    urls.set(name, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    urls,
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}
