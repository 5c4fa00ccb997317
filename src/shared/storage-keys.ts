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
} as const;
