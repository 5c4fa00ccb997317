/** extension storage keys, in one place so the background, the panel and the demo seeding agree. */
export const STORAGE_KEYS = {
  /** storage.local: SumoSettings */
  sumoSettings: 'sumo.settings',
  /** storage.local when "remember" is on, storage.session otherwise: { accessId, accessKey } */
  sumoCredentials: 'sumo.credentials',
  /** storage.local: per inspected site audit settings, key + siteKey(pageUrl) */
  siteAuditPrefix: 'audit.site:',
  /** storage.local: linking preferences (clock skew, tagging window, auto-refresh interval) */
  linkingPrefs: 'linking.prefs',
  /**
   * storage.local, read by the demo/test build only: deployment id → loopback API base, so Detect
   * and the deployment list can be tested against the local server. The store build ignores it.
   */
  demoDeploymentBases: 'demo.deploymentBases',
} as const;
