// The bottom layer: plain data and checks, so the panel, the service worker and the pure code can
// all read a setting without pulling in the SumoLogic client.

/** SumoLogic's endpoints page of today, alphabetical, then IN (deprecated, kept usable). */
export const DEPLOYMENT_IDS = ['AU', 'CA', 'CH', 'DE', 'ESC', 'EU', 'FED', 'JP', 'KR', 'US1', 'US2', 'IN'] as const;
export type DeploymentId = (typeof DEPLOYMENT_IDS)[number];

/** Names ending in ".id" carry the numeric session id; the others carry the token. */
export const DEFAULT_TAG_NAMES: readonly string[] = Object.freeze(['openReplaySessionToken', 'openReplaySession.id']);

export const MAX_TAG_NAMES = 8;
export const MAX_WINDOW_MINUTES = 7 * 24 * 60;

/**
 * Everything about SumoLogic the user sets, except the credentials (those never leave the background).
 *
 * Settings save as you go (src/panel/state/autosave.ts): there is no Save button. To add a field:
 *  1. declare it here, give it a default in DEFAULT_SUMO_SETTINGS and read it defensively in
 *     normalizeSumoSettings (storage may hold an older shape);
 *  2. if some values are wrong, say why in validateSumoSettings
 *     (src/panel/state/validate-settings.ts; the message shows beside the
 *     field, and the field is not saved until it is fixed);
 *  3. put one control in a section of the Settings view, bound by name, e.g.
 *     `<NumberSetting section={search} name="windowMinutes" id="sumo-window-minutes" label="…" />`
 *     (controls in src/panel/views/settings/controls.tsx; a new section is a <SettingsSection>).
 *  An action that sets a field (like "Use this address") calls `section.set(name, value)`.
 * Secrets never go here: they are saved only by an explicit action (see SumoCredentials).
 */
export interface SumoSettings {
  deployment: DeploymentId | 'custom';
  /** Only with deployment 'custom': a local server or a proxy, e.g. http://127.0.0.1:4800/api */
  customApiBase: string;
  /** Optional UI origin for "Open in SumoLogic" with a custom API base. */
  customUiBase: string;
  /** The user's own keyword scope, e.g. `_sourceCategory=prod/api`; kept apart from the tag clause. */
  scopeQuery: string;
  tagNames: string[];
  windowStart: 'session-start' | 'last-minutes';
  windowMinutes: number;
  windowEnd: 'now' | 'expiry';
  /** The OpenReplay project's maximum session length, in minutes (OpenReplay's default: 2 h). */
  maxSessionMinutes: number;
  byReceiptTime: boolean;
  /** Messages a search keeps (the newest); more would cost the panel memory nobody reads. */
  maxMessages: number;
}

export const MAX_SESSION_MINUTES_RANGE = { min: 5, max: 7 * 24 * 60 } as const;
export const MAX_MESSAGES_RANGE = { min: 100, max: 100_000 } as const;
export const DEFAULT_MAX_MESSAGES = 20_000;

export const DEFAULT_SUMO_SETTINGS: Readonly<SumoSettings> = Object.freeze({
  deployment: 'US1',
  customApiBase: '',
  customUiBase: '',
  scopeQuery: '',
  tagNames: [...DEFAULT_TAG_NAMES],
  windowStart: 'session-start',
  windowMinutes: 60,
  // A live token's window ends now either way; an expired one (a customer's session pasted days
  // later) ends at its expiry rather than spanning every day since.
  windowEnd: 'expiry',
  maxSessionMinutes: 120,
  byReceiptTime: false,
  maxMessages: DEFAULT_MAX_MESSAGES,
});

const str = (v: unknown, fallback: string, max = 2000): string => (typeof v === 'string' ? v.slice(0, max) : fallback);

/** Storage can hold anything an older version or a hand edit left there: take only what fits. */
export function normalizeSumoSettings(raw: unknown): SumoSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SUMO_SETTINGS;
  const deployment =
    r.deployment === 'custom' || (DEPLOYMENT_IDS as readonly unknown[]).includes(r.deployment)
      ? (r.deployment as SumoSettings['deployment'])
      : d.deployment;
  const tagNames = Array.isArray(r.tagNames)
    ? r.tagNames.filter((t): t is string => typeof t === 'string' && t.length > 0).slice(0, MAX_TAG_NAMES)
    : [...d.tagNames];
  const minutes =
    typeof r.windowMinutes === 'number' && Number.isFinite(r.windowMinutes) ? r.windowMinutes : d.windowMinutes;
  const maxSession =
    typeof r.maxSessionMinutes === 'number' && Number.isFinite(r.maxSessionMinutes)
      ? r.maxSessionMinutes
      : d.maxSessionMinutes;
  return {
    deployment,
    customApiBase: str(r.customApiBase, d.customApiBase),
    customUiBase: str(r.customUiBase, d.customUiBase),
    scopeQuery: str(r.scopeQuery, d.scopeQuery, 5000),
    tagNames: tagNames.length ? tagNames : [...d.tagNames],
    windowStart: r.windowStart === 'last-minutes' ? 'last-minutes' : 'session-start',
    windowMinutes: Math.min(Math.max(Math.round(minutes), 1), MAX_WINDOW_MINUTES),
    windowEnd: r.windowEnd === 'now' ? 'now' : 'expiry',
    maxSessionMinutes: Math.min(
      Math.max(Math.round(maxSession), MAX_SESSION_MINUTES_RANGE.min),
      MAX_SESSION_MINUTES_RANGE.max,
    ),
    byReceiptTime: r.byReceiptTime === true,
    maxMessages:
      typeof r.maxMessages === 'number' && Number.isFinite(r.maxMessages)
        ? Math.min(Math.max(Math.round(r.maxMessages), MAX_MESSAGES_RANGE.min), MAX_MESSAGES_RANGE.max)
        : d.maxMessages,
  };
}

/** What the panel may know about the saved credentials. */
export interface CredentialStatus {
  accessId: string;
  /** e.g. "••••••••3f9a": never the key. */
  keyMask: string;
  remembered: boolean;
}

export function maskKey(key: string): string {
  return key.length <= 4 ? '••••' : `••••••••${key.slice(-4)}`;
}
