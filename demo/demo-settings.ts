import { STORAGE_KEYS } from '../src/shared/storage-keys.ts';
import type { SumoSettings } from '../src/shared/settings.ts';
import { DEFAULT_SUMO_SETTINGS } from '../src/shared/settings.ts';

export const DEMO_CREDENTIALS = { accessId: 'demo-access-id', accessKey: 'demo-access-key' } as const;

/** What `npm start` and the e2e tests write into the extension's storage: the local server, ready to search. */
export function demoExtensionStorage(sumoUrl: string): Record<string, unknown> {
  const settings: SumoSettings = {
    ...DEFAULT_SUMO_SETTINGS,
    tagNames: [...DEFAULT_SUMO_SETTINGS.tagNames],
    deployment: 'custom',
    customApiBase: `${sumoUrl}/api`,
    customUiBase: sumoUrl,
    scopeQuery: '_sourceCategory=demo/*',
  };
  return {
    [STORAGE_KEYS.sumoSettings]: settings,
    [STORAGE_KEYS.sumoCredentials]: { ...DEMO_CREDENTIALS },
  };
}
