import type { Clock } from './clock.ts';
import { SearchJobClient, type FetchLike } from './client.ts';
import type { Deployment, DeploymentId } from './deployments.ts';
import { isSumoError } from './errors.ts';
import type { HostSessions } from './host-sessions.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** A job id no job can have: asking for its status changes nothing anywhere. */
export const PROBE_JOB_ID = '0000000000000000';

export interface DetectCandidate {
  deployment: Deployment;
  /** The API base asked; outside tests always `https://<apiHost>/api` of the table. */
  apiBase: string;
}

export type ProbeAnswer = 'home' | 'home-forbidden' | 'moved' | 'refused' | 'unreachable' | 'other';

export type DetectResult =
  | { kind: 'found'; deployment: Deployment; forbidden: boolean; asked: DeploymentId[] }
  /** Every deployment that answered refused the key: the key is wrong, not the deployment. */
  | { kind: 'refused'; asked: DeploymentId[] }
  | { kind: 'none'; asked: DeploymentId[]; unreachable: DeploymentId[] };

export interface DetectOptions {
  candidates: readonly DetectCandidate[];
  accessId: string;
  accessKey: string;
  fetch: FetchLike;
  /** The extension's one limiter: the probes count against the user's 4 requests/s. */
  limiter?: RateLimiter;
  sessions?: HostSessions;
  clock?: Clock;
  signal?: AbortSignal;
  onProbe?: (deployment: DeploymentId, answer: ProbeAnswer) => void;
}

/**
 * Asks the deployments in turn with an authenticated call that changes nothing — the status of a
 * job that cannot exist. The account's deployment answers `404 jobid.invalid` (or 403 when the key
 * lacks a capability), a wrong one a redirect (opaque in a browser), bad keys 401. Stops at the
 * first that knows the account.
 */
export async function detectDeployment(options: DetectOptions): Promise<DetectResult> {
  const asked: DeploymentId[] = [];
  const unreachable: DeploymentId[] = [];
  let refused = 0;
  for (const { deployment, apiBase } of options.candidates) {
    if (options.signal?.aborted) break;
    const client = new SearchJobClient({
      apiBase,
      accessId: options.accessId,
      accessKey: options.accessKey,
      fetch: options.fetch,
      ...(options.limiter ? { limiter: options.limiter } : {}),
      ...(options.sessions ? { sessions: options.sessions } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      retry: { serverErrorRetries: 1, networkRetries: 0, freshJobNotFoundRetries: 0, authThrottleRetries: 0 },
    });
    asked.push(deployment.id);
    const answer = await probe(client, options.signal);
    options.onProbe?.(deployment.id, answer);
    if (answer === 'home' || answer === 'home-forbidden') {
      return { kind: 'found', deployment, forbidden: answer === 'home-forbidden', asked };
    }
    if (answer === 'refused') refused++;
    if (answer === 'unreachable' || answer === 'other') unreachable.push(deployment.id);
  }
  if (refused > 0 && refused + unreachable.length === asked.length) return { kind: 'refused', asked };
  return { kind: 'none', asked, unreachable };
}

async function probe(client: SearchJobClient, signal: AbortSignal | undefined): Promise<ProbeAnswer> {
  try {
    await client.getStatus(PROBE_JOB_ID, signal ? { signal } : {});
    return 'home';
  } catch (err) {
    if (!isSumoError(err)) return 'other';
    switch (err.kind) {
      case 'job-invalid':
        return 'home';
      case 'forbidden':
        return 'home-forbidden';
      case 'moved':
        return 'moved';
      case 'unauthorized':
        return 'refused';
      case 'network':
        return 'unreachable';
      default:
        return 'other';
    }
  }
}
