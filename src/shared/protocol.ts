/**
 * The typed messages between the extension's parts. Two pipes:
 * - devtools page ⇄ panel of the same inspected tab (the frame link, by reference; a BroadcastChannel
 *   named by `tabChannelName` where the panel cannot reach the devtools page);
 * - panel ⇄ background (the runtime port `PANEL_PORT`): settings, credentials, searches.
 * Credentials travel panel → background only (when the user saves them); nothing sends them back.
 * The service worker reads every panel message field by field before acting (background/panel-message.ts):
 * one it cannot read runs nothing, and if it carries a `rid` it is answered with a refusing ActionReply.
 */
import type { CapturedRequest } from '../core/audit/types.ts';
import type { MatcherAnswer } from '../core/audit/tracker-policy.ts';
import type { SessionState } from '../core/session/session-state.ts';
import type { CredentialStatus, DeploymentId, SumoSettings } from './settings.ts';
import type { MessageMap } from '../sumo/client.ts';
import type { SearchProgress } from '../sumo/search.ts';

export const tabChannelName = (tabId: number): string => `replay-link:tab:${tabId}`;
export const PANEL_PORT = 'replay-link:panel';

export interface CaptureInfo {
  pageUrl: string;
  preserveLog: boolean;
  /** Requests dropped by the capture cap since the last clear. */
  dropped: number;
  cap: number;
  /** Requests the page made before DevTools could see them (from the page's performance entries). */
  missedBeforeOpen: number;
  /** Ingest points of the tracker seen on the network (their traffic is never "expected"). */
  ingestUrls: string[];
}

/**
 * The devtools page captures raw requests from the moment DevTools opens and follows the session;
 * the panel judges them (its AuditStore), so verdict changes never need a round trip.
 */
export type DevtoolsToPanel =
  | {
      type: 'snapshot';
      requests: CapturedRequest[];
      capture: CaptureInfo;
      session: SessionState;
      matcher: Array<[string, MatcherAnswer]>;
    }
  | { type: 'requests'; added: CapturedRequest[]; dropped: number }
  | { type: 'cleared'; capture: CaptureInfo }
  | { type: 'capture'; capture: CaptureInfo }
  | { type: 'session'; session: SessionState }
  /** The page's tokenUrlMatcher answered for these URLs; `reset`: forget earlier answers first (a new page). */
  | { type: 'matcher'; answers: Array<[string, MatcherAnswer]>; reset: boolean };

export type PanelToDevtools =
  | { type: 'hello' }
  | { type: 'clear' }
  | { type: 'preserve-log'; on: boolean }
  | { type: 'manual-session'; input: string }
  | { type: 'clear-manual-session' }
  | { type: 'refresh-session' }
  /** Whether the site's settings allow asking the page's tokenUrlMatcher (it runs page code). */
  | { type: 'ask-matcher'; on: boolean };

export interface SearchTarget {
  token?: string;
  sessionId?: string;
  from: number;
  to: number;
}

export interface SearchFailure {
  kind: string;
  message: string;
}

export type PanelToBackground =
  | { type: 'settings.get'; rid: number }
  | { type: 'settings.save'; rid: number; settings: SumoSettings }
  | { type: 'credentials.save'; rid: number; accessId: string; accessKey: string; remember: boolean }
  | { type: 'credentials.clear'; rid: number }
  | { type: 'connection.test'; rid: number }
  /** Find the deployment of the typed credentials (or the saved ones when none are typed). */
  | { type: 'deployment.detect'; rid: number; accessId?: string; accessKey?: string }
  | { type: 'search.start'; searchId: string; target: SearchTarget }
  | { type: 'search.cancel'; searchId: string };

/** The settings as saved, with what the panel may know about the credentials. */
export interface SettingsReply {
  type: 'settings';
  rid: number;
  settings: SumoSettings;
  credentials: CredentialStatus | null;
  apiBase: ApiBaseInfo;
}

/** The outcome of an action, for people. */
export interface ActionReply {
  type: 'reply';
  rid: number;
  ok: boolean;
  message: string;
}

/** What Detect found (the deployment is already saved when found). */
export interface DetectedReply {
  type: 'detected';
  rid: number;
  ok: boolean;
  message: string;
  deployment: DeploymentId | null;
}

/** A panel request that is answered (it carries a `rid`; the reply carries the same one). */
export type PanelRequest = Extract<PanelToBackground, { rid: number }>;

/**
 * What each request is answered with: the reply type follows from the request's type, on both
 * sides (the panel's `request()` and the service worker's `reply()`), with no catch-all.
 */
export interface PanelRequestReplies {
  'settings.get': SettingsReply;
  'settings.save': SettingsReply;
  /** Refused input is an ActionReply; saved credentials answer with the settings. */
  'credentials.save': SettingsReply | ActionReply;
  'credentials.clear': SettingsReply;
  'connection.test': ActionReply;
  'deployment.detect': DetectedReply;
}

export type BackgroundToPanel =
  | SettingsReply
  | ActionReply
  | DetectedReply
  | {
      type: 'search.started';
      searchId: string;
      query: string;
      scope: string;
      tagClause: string;
      from: number;
      to: number;
      uiUrl: string | null;
    }
  | { type: 'search.progress'; searchId: string; progress: SearchProgress }
  | { type: 'search.messages'; searchId: string; messages: MessageMap[] }
  /** `capped`: the search stopped at the user's cap on kept messages (Settings → Messages kept). */
  | {
      type: 'search.done';
      searchId: string;
      truncated: boolean;
      capped?: boolean;
      messageCount: number;
      warnings: string[];
      requests: number;
      durationMs: number;
    }
  | { type: 'search.failed'; searchId: string; error: SearchFailure };

export interface ApiBaseInfo {
  apiBase: string | null;
  /** Shown next to the setting: a custom host that is not https *.sumologic.com. */
  warning: string | null;
  /** Origin pattern to ask a runtime host permission for, when the custom host is not granted yet. */
  permissionOrigin: string | null;
  error: string | null;
}
