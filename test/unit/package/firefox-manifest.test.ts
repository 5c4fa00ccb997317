import { describe, expect, it } from 'vitest';
import { toFirefoxManifest } from '../../../scripts/firefox-manifest.ts';

const chrome = {
  manifest_version: 3,
  name: 'Replay Link',
  version: '0.1.0',
  minimum_chrome_version: '120',
  devtools_page: 'src/devtools/devtools.html',
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
  permissions: ['storage'],
  host_permissions: ['https://*.sumologic.com/*'],
  optional_host_permissions: ['https://*/*'],
};

const firefoxSettings = {
  gecko: {
    id: 'replay-link@replay-link.dev',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

describe('toFirefoxManifest', () => {
  it('turns the service worker into a module background script, adds the gecko id, drops Chrome-only keys', () => {
    expect(toFirefoxManifest(chrome)).toEqual({
      manifest_version: 3,
      name: 'Replay Link',
      version: '0.1.0',
      devtools_page: 'src/devtools/devtools.html',
      background: { scripts: ['service-worker-loader.js'], type: 'module' },
      permissions: ['storage'],
      host_permissions: ['https://*.sumologic.com/*'],
      optional_host_permissions: ['https://*/*'],
      browser_specific_settings: firefoxSettings,
    });
  });

  it('is idempotent: a Firefox manifest stays as it is', () => {
    const once = toFirefoxManifest(chrome);
    expect(toFirefoxManifest(once)).toEqual(once);
  });

  it('refuses a manifest without a background service worker', () => {
    expect(() => toFirefoxManifest({ manifest_version: 3 })).toThrow('no background.service_worker');
  });
});
