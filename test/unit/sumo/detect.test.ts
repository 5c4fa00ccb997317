// Detect against the local server serving every deployment name on loopback (the account in one).
import { afterEach, describe, expect, it } from 'vitest';
import { startSumoServer, type SumoServer } from '../../../sumo-server/index.ts';
import { DEPLOYMENTS, type DeploymentId } from '../../../src/sumo/deployments.ts';
import { detectDeployment, type DetectCandidate, type ProbeAnswer } from '../../../src/sumo/detect.ts';
import { RateLimiter } from '../../../src/sumo/rate-limiter.ts';
import { cookieFetch } from '../../support/sumo/cookie-fetch.ts';

let server: SumoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function candidates(s: SumoServer): DetectCandidate[] {
  return DEPLOYMENTS.filter((d) => s.deploymentUrls[d.id]).map((deployment) => ({
    deployment,
    apiBase: `${s.deploymentUrls[deployment.id]}/api`,
  }));
}

describe('detectDeployment', () => {
  it('asks the deployments in turn and stops at the one that knows the account', async () => {
    server = await startSumoServer({ deployments: { home: 'JP' } });
    const probes: Array<[DeploymentId, ProbeAnswer]> = [];
    const limiter = new RateLimiter();
    const result = await detectDeployment({
      candidates: candidates(server),
      accessId: 'demo-access-id',
      accessKey: 'demo-access-key',
      fetch: cookieFetch(),
      limiter,
      onProbe: (d, a) => probes.push([d, a]),
    });
    expect(result).toMatchObject({ kind: 'found', forbidden: false, deployment: { id: 'JP' } });
    expect(probes).toEqual([
      ['AU', 'moved'],
      ['CA', 'moved'],
      ['CH', 'moved'],
      ['DE', 'moved'],
      ['ESC', 'moved'],
      ['EU', 'moved'],
      ['FED', 'moved'],
      ['JP', 'home'],
    ]);
    // Nothing was created anywhere, and the probes stayed within 4 requests/s.
    expect(server.stats().jobsCreated).toBe(0);
    const log = (
      (await (await fetch(`${server.url}/__sumo/requests`)).json()) as { requests: Array<{ at: number }> }
    ).requests.map((r) => r.at);
    expect(log).toHaveLength(8);
    expect(Math.max(...log.map((t) => log.filter((u) => u >= t && u - t < 1000).length))).toBeLessThanOrEqual(4);
  }, 30_000);

  it('says the key is refused when every deployment answers 401', async () => {
    server = await startSumoServer({ deployments: { home: 'EU', others: ['US1', 'DE'] } });
    const result = await detectDeployment({
      candidates: candidates(server),
      accessId: 'demo-access-id',
      accessKey: 'not-the-key-0000',
      fetch: cookieFetch(),
    });
    expect(result).toEqual({ kind: 'refused', asked: ['DE', 'EU', 'US1'] });
  });

  it('finds a deployment whose answer is 403 (the account is there, the role lacks a capability)', async () => {
    server = await startSumoServer({
      deployments: { home: 'CA', others: ['AU'] },
      credentials: [{ accessId: 'demo-access-id', accessKey: 'demo-access-key', enterprise: false }],
    });
    const result = await detectDeployment({
      candidates: candidates(server),
      accessId: 'demo-access-id',
      accessKey: 'demo-access-key',
      fetch: cookieFetch(),
    });
    expect(result).toMatchObject({ kind: 'found', forbidden: true, deployment: { id: 'CA' }, asked: ['AU', 'CA'] });
  });

  it('reports unreachable deployments when none knows the account', async () => {
    server = await startSumoServer({ deployments: { home: 'US2', others: ['AU'] } });
    const cands = candidates(server).filter((c) => c.deployment.id !== 'US2');
    cands.push({ deployment: DEPLOYMENTS.find((d) => d.id === 'KR')!, apiBase: 'http://127.0.0.1:9/api' });
    const result = await detectDeployment({
      candidates: cands,
      accessId: 'demo-access-id',
      accessKey: 'demo-access-key',
      fetch: cookieFetch(),
    });
    expect(result).toEqual({ kind: 'none', asked: ['AU', 'KR'], unreachable: ['KR'] });
  });
});
