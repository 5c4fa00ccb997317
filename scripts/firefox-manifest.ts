/**
 * The Firefox build is the Chrome build with a different manifest: crxjs writes Chrome's shape, and
 * Firefox MV3 wants background scripts (no service worker), a gecko id and no Chrome-only keys.
 * Pure so it can be unit-tested; vite.config.ts applies it after crxjs has written manifest.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const GECKO_ID = 'replay-link@replay-link.dev';
/**
 * 140 ESR: the oldest Firefox that reads data_collection_permissions (which AMO requires of new
 * add-ons); it also has everything else used: MV3 host_permissions granted at install (127+),
 * optional_host_permissions (128+), storage.session (115+), module background scripts,
 * devtools.panels.themeName/onThemeChanged.
 */
export const GECKO_MIN_VERSION = '140.0';

/**
 * Nothing goes to the developers or to any service the user did not set up: the only outgoing
 * traffic is the user's own SumoLogic account, with the user's keys, when the user asks for it.
 * (Firefox 140+ shows this at install; older versions ignore the key.)
 */
/**
 * Firefox for Android has no DevTools, so the add-on is useless there (do not tick Android on AMO);
 * the key only states the version that understands data_collection_permissions.
 */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

export const DATA_COLLECTION = { required: ['none'] } as const;

type Json = Record<string, unknown>;

export function toFirefoxManifest(chrome: Json): Json {
  const out: Json = { ...chrome };
  const background = chrome.background as { service_worker?: unknown; scripts?: unknown } | undefined;
  // Already a Firefox manifest (the rewrite ran twice): nothing to convert.
  if (background && Array.isArray(background.scripts) && background.service_worker === undefined) {
    return { ...out, browser_specific_settings: firefoxSettings() };
  }
  if (!background || typeof background.service_worker !== 'string') {
    throw new Error('Chrome manifest has no background.service_worker to turn into a Firefox background script');
  }
  // The crxjs loader is an ES module (`import './assets/…'`), so it must stay type: module.
  out.background = { scripts: [background.service_worker], type: 'module' };
  delete out.minimum_chrome_version;
  // Keys Firefox MV3 warns about or ignores; none are used by Replay Link today.
  delete out.key;
  delete out.update_url;
  out.browser_specific_settings = firefoxSettings();
  return out;
}

function firefoxSettings(): Json {
  return {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      data_collection_permissions: { required: [...DATA_COLLECTION.required] },
    },
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
  };
}

/** Rewrites <dir>/manifest.json in place. */
export function rewriteManifestFile(dir: string): Json {
  const file = `${dir.replace(/\/$/, '')}/manifest.json`;
  const firefox = toFirefoxManifest(JSON.parse(readFileSync(file, 'utf8')) as Json);
  writeFileSync(file, `${JSON.stringify(firefox, null, 2)}\n`);
  return firefox;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: tsx scripts/firefox-manifest.ts <build dir>');
    process.exit(2);
  }
  rewriteManifestFile(dir);
  console.log(`wrote Firefox manifest in ${dir}/manifest.json`);
}
