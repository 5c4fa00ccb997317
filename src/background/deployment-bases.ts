import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../shared/storage-keys.ts';
import { DEPLOYMENTS, isDeploymentId, type DeploymentId } from '../sumo/deployments.ts';

/**
 * Where each deployment's API is. Always the table's `https://api.*.sumologic.com/api`, except in
 * the demo/test build, which may map deployments to the local server's loopback ports.
 */
export async function deploymentApiBases(): Promise<Map<DeploymentId, string>> {
  const bases = new Map<DeploymentId, string>(DEPLOYMENTS.map((d) => [d.id, `https://${d.apiHost}/api`]));
  if (!__REPLAY_LINK_DEMO__) return bases;
  const key = STORAGE_KEYS.demoDeploymentBases;
  const raw: unknown = (await browser.storage.local.get(key))[key];
  if (!raw || typeof raw !== 'object') return bases;
  for (const [id, base] of Object.entries(raw as Record<string, unknown>)) {
    if (isDeploymentId(id) && typeof base === 'string' && /^http:\/\/(127\.0\.0\.1|localhost):\d+\/api$/.test(base))
      bases.set(id, base);
  }
  return bases;
}
