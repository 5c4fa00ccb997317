import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../shared/storage-keys.ts';
import { normalizeSumoSettings, type SumoSettings } from '../shared/settings.ts';
import { resolveApiBase } from '../sumo/deployments.ts';
import type { ApiBaseInfo } from '../shared/protocol.ts';
import { deploymentApiBases } from './deployment-bases.ts';

export async function loadSumoSettings(): Promise<SumoSettings> {
  const key = STORAGE_KEYS.sumoSettings;
  return normalizeSumoSettings((await browser.storage.local.get(key))[key]);
}

export async function saveSumoSettings(settings: SumoSettings): Promise<SumoSettings> {
  const clean = normalizeSumoSettings(settings);
  await browser.storage.local.set({ [STORAGE_KEYS.sumoSettings]: clean });
  return clean;
}

/** Where requests go, and whether the browser lets us go there yet. */
export async function apiBaseInfo(settings: SumoSettings): Promise<ApiBaseInfo> {
  const mapped = settings.deployment === 'custom' ? undefined : (await deploymentApiBases()).get(settings.deployment);
  const resolved =
    settings.deployment === 'custom'
      ? resolveApiBase({ customApiBase: settings.customApiBase || ' ' })
      : mapped?.startsWith('http://')
        ? { ...resolveApiBase({ customApiBase: mapped }), warning: undefined }
        : resolveApiBase({ deployment: settings.deployment });
  if (!resolved.ok) {
    const reason =
      settings.deployment === 'custom' && !settings.customApiBase.trim()
        ? 'Enter the custom API base URL.'
        : resolved.reason;
    return { apiBase: null, warning: null, permissionOrigin: null, error: reason };
  }
  const origin = `${new URL(resolved.apiBase).origin}/*`;
  const granted = await browser.permissions.contains({ origins: [origin] }).catch(() => false);
  return {
    apiBase: resolved.apiBase,
    warning: resolved.warning
      ? `${new URL(resolved.apiBase).host} is ${resolved.warning}: use it only for a local server or a proxy you trust.`
      : null,
    permissionOrigin: granted ? null : origin,
    error: null,
  };
}
