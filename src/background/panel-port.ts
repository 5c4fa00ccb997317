import {
  PANEL_PORT,
  type BackgroundToPanel,
  type PanelRequest,
  type PanelRequestReplies,
  type PanelToBackground,
  type SettingsReply,
} from '../shared/protocol.ts';
import {
  checkCredentialInput,
  clearCredentials,
  credentialStatus,
  loadCredentials,
  saveCredentials,
} from './credentials.ts';
import { apiBaseInfo, loadSumoSettings, saveSumoSettings } from './sumo-settings.ts';
import { cancelSearch, startSearch, testConnection } from './searches.ts';
import { detect } from './detect.ts';
import { readPanelMessage, ridOf } from './panel-message.ts';

/** The part of a runtime port the service worker uses (a `Runtime.Port` in the extension, a fake in tests). */
export interface PanelPort {
  readonly name: string;
  readonly sender?: { id?: string | undefined } | undefined;
  postMessage(message: BackgroundToPanel): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export const UNREADABLE_REQUEST =
  'The background worker could not read this request (the panel and the extension may be from different versions) — reload the panel.';

/**
 * Serves one panel's port. Only our own extension's pages are answered; when the panel goes away
 * (DevTools closed), its searches are cancelled, which deletes their jobs.
 */
export function servePanelPort(port: PanelPort, extensionId: string): void {
  if (port.name !== PANEL_PORT) return;
  // Only our own extension pages may connect (no content scripts exist, but be explicit).
  if (port.sender?.id !== extensionId) return port.disconnect();
  const mine = new Set<string>();
  let connected = true;
  const send = (message: BackgroundToPanel) => {
    if (connected) port.postMessage(message);
  };
  port.onDisconnect.addListener(() => {
    connected = false;
    for (const id of mine) cancelSearch(id);
  });
  port.onMessage.addListener((raw: unknown) => {
    const message = readPanelMessage(raw);
    if (message) return void handle(message, send, mine);
    // Refused: nothing runs. A request still gets an answer, so the panel is not left waiting.
    const rid = ridOf(raw);
    if (rid !== null) send({ type: 'reply', rid, ok: false, message: UNREADABLE_REQUEST });
  });
}

async function settingsReply(rid: number): Promise<SettingsReply> {
  const settings = await loadSumoSettings();
  return {
    type: 'settings',
    rid,
    settings,
    credentials: credentialStatus(await loadCredentials()),
    apiBase: await apiBaseInfo(settings),
  };
}

/** Answers a request with the reply its type promises (PanelRequestReplies). */
function replier(send: (m: BackgroundToPanel) => void) {
  return <T extends PanelRequest['type']>(
    _request: Extract<PanelRequest, { type: T }>,
    reply: PanelRequestReplies[T],
  ): void => send(reply);
}

async function handle(msg: PanelToBackground, send: (m: BackgroundToPanel) => void, mine: Set<string>): Promise<void> {
  const reply = replier(send);
  switch (msg.type) {
    case 'settings.get':
      return reply(msg, await settingsReply(msg.rid));
    case 'settings.save':
      await saveSumoSettings(msg.settings);
      return reply(msg, await settingsReply(msg.rid));
    case 'credentials.save': {
      const problem = checkCredentialInput(msg.accessId, msg.accessKey);
      if (problem) return reply(msg, { type: 'reply', rid: msg.rid, ok: false, message: problem });
      await saveCredentials(msg.accessId.trim(), msg.accessKey.trim(), msg.remember);
      return reply(msg, await settingsReply(msg.rid));
    }
    case 'credentials.clear':
      await clearCredentials();
      return reply(msg, await settingsReply(msg.rid));
    case 'connection.test': {
      const result = await testConnection();
      return reply(msg, { type: 'reply', rid: msg.rid, ...result });
    }
    case 'deployment.detect': {
      const typed = {
        ...(msg.accessId ? { accessId: msg.accessId } : {}),
        ...(msg.accessKey ? { accessKey: msg.accessKey } : {}),
      };
      const result = await detect(typed);
      // The settings changed when Detect found a deployment: let the panel see them.
      if (result.deployment) send(await settingsReply(0));
      return reply(msg, { type: 'detected', rid: msg.rid, ...result });
    }
    case 'search.start':
      mine.add(msg.searchId);
      await startSearch(msg.searchId, msg.target, send);
      mine.delete(msg.searchId);
      return;
    case 'search.cancel':
      return cancelSearch(msg.searchId);
  }
}
