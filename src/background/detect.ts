import { DEPLOYMENTS, getDeployment, isTableApiHost, type DeploymentId } from '../sumo/deployments.ts';
import { detectDeployment, type DetectCandidate } from '../sumo/detect.ts';
import { checkCredentialInput, loadCredentials } from './credentials.ts';
import { deploymentApiBases } from './deployment-bases.ts';
import { browserFetch, sharedLimiter, sharedSessions } from './searches.ts';
import { loadSumoSettings, saveSumoSettings } from './sumo-settings.ts';

export interface DetectReply {
  ok: boolean;
  message: string;
  deployment: DeploymentId | null;
}

let running: Promise<DetectReply> | undefined;

/** Detect, once at a time: a second click while one runs gets the same answer. */
export function detect(typed: { accessId?: string; accessKey?: string }): Promise<DetectReply> {
  running ??= run(typed).finally(() => {
    running = undefined;
  });
  return running;
}

async function run(typed: { accessId?: string; accessKey?: string }): Promise<DetectReply> {
  const accessId = typed.accessId?.trim() ?? '';
  const accessKey = typed.accessKey?.trim() ?? '';
  let creds: { accessId: string; accessKey: string } | null;
  if (accessId || accessKey) {
    const problem = checkCredentialInput(accessId, accessKey);
    if (problem) return { ok: false, message: problem, deployment: null };
    creds = { accessId, accessKey };
  } else {
    creds = await loadCredentials();
  }
  if (!creds)
    return {
      ok: false,
      message: 'Enter an Access ID and Key first: Detect asks each SumoLogic deployment whether it knows them.',
      deployment: null,
    };

  const settings = await loadSumoSettings();
  const bases = await deploymentApiBases();
  const current = settings.deployment === 'custom' ? undefined : settings.deployment;
  // The saved deployment first (it is usually right); then the table, deprecated IN last.
  const order = [...DEPLOYMENTS].sort((a, b) => Number(b.id === current) - Number(a.id === current));
  const candidates: DetectCandidate[] = [];
  for (const deployment of order) {
    const apiBase = bases.get(deployment.id);
    if (!apiBase) continue;
    const host = new URL(apiBase).hostname;
    // Credentials go to the table's api.*.sumologic.com hosts only (loopback in the demo build).
    if (!isTableApiHost(host) && !(__REPLAY_LINK_DEMO__ && host === '127.0.0.1')) continue;
    candidates.push({ deployment, apiBase });
  }
  const result = await detectDeployment({
    candidates,
    ...creds,
    fetch: browserFetch,
    limiter: sharedLimiter,
    sessions: sharedSessions,
  });
  if (result.kind === 'found') {
    const d = getDeployment(result.deployment.id);
    await saveSumoSettings({ ...settings, deployment: d.id });
    const deprecated = d.deprecated
      ? ` ${d.id} is deprecated: SumoLogic no longer lists it — ask your admin whether your account moved.`
      : '';
    const forbidden = result.forbidden
      ? ' It refused the search API for this key, though (403): the account is not Enterprise, or the key\'s role lacks a capability such as "Download Search Results".'
      : '';
    return {
      ok: !result.forbidden,
      message: `Found: this key belongs to ${d.id} (${d.apiHost}), now selected and saved.${forbidden}${deprecated}`,
      deployment: d.id,
    };
  }
  if (result.kind === 'refused') {
    return {
      ok: false,
      message: 'Every SumoLogic deployment refused this Access ID/Key — check them or create a new key.',
      deployment: null,
    };
  }
  const unreachable =
    result.unreachable.length > 0
      ? ` No answer from ${result.unreachable.join(', ')}: check the network and try again.`
      : '';
  return {
    ok: false,
    message: `No SumoLogic deployment Replay Link knows claimed this key (asked ${result.asked.join(', ')}).${unreachable} If your organisation uses a proxy, choose "Custom API base".`,
    deployment: null,
  };
}
