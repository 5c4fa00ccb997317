import type { BackgroundToPanel } from '../../src/shared/protocol.ts';
import type { PanelPort } from '../../src/background/panel-port.ts';

type Area = Map<string, unknown>;

function storageArea(data: Area) {
  return {
    get: async (key: string): Promise<Record<string, unknown>> =>
      data.has(key) ? { [key]: structuredClone(data.get(key)) } : {},
    set: async (items: Record<string, unknown>): Promise<void> => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (key: string): Promise<void> => void data.delete(key),
  };
}

/** The panel's end of a port to the fake service worker. */
export interface FakePanelEnd {
  /** Everything the worker posted to this panel, in order. */
  readonly received: BackgroundToPanel[];
  post(message: unknown): void;
  /** The panel goes away (DevTools closed). */
  disconnect(): void;
  /** Whether the worker disconnected this port. */
  readonly refused: boolean;
}

/**
 * The part of `webextension-polyfill`'s `browser` the service worker uses: storage areas in
 * memory, a permission answer, and ports the test opens as a panel would.
 */
export function createFakeBrowser() {
  const local: Area = new Map();
  const session: Area = new Map();
  const connectListeners: Array<(port: PanelPort) => void> = [];
  let granted = true;

  const browser = {
    runtime: {
      id: 'replay-link@test',
      onConnect: { addListener: (l: (port: PanelPort) => void) => void connectListeners.push(l) },
    },
    storage: { local: storageArea(local), session: storageArea(session) },
    permissions: {
      contains: async (_: { origins: string[] }) => granted,
      /** The user's answer to the browser's prompt. */
      request: async (_: { origins: string[] }) => granted,
    },
  };

  return {
    browser,
    local,
    session,
    grantHosts(on: boolean): void {
      granted = on;
    },
    reset(): void {
      local.clear();
      session.clear();
      granted = true;
    },
    /** Opens a port as a panel (or another sender) would. */
    connect(name: string, senderId: string = browser.runtime.id): FakePanelEnd {
      const messageListeners: Array<(m: unknown) => void> = [];
      const disconnectListeners: Array<() => void> = [];
      const received: BackgroundToPanel[] = [];
      let refused = false;
      const port: PanelPort = {
        name,
        sender: { id: senderId },
        postMessage: (m) => void received.push(structuredClone(m)),
        disconnect: () => void (refused = true),
        onMessage: { addListener: (l) => void messageListeners.push(l) },
        onDisconnect: { addListener: (l) => void disconnectListeners.push(l) },
      };
      for (const l of connectListeners) l(port);
      return {
        received,
        post: (m) => messageListeners.forEach((l) => l(structuredClone(m))),
        disconnect: () => disconnectListeners.forEach((l) => l()),
        get refused() {
          return refused;
        },
      };
    },
  };
}

/** One fake for a test file that mocks `webextension-polyfill` with it. */
export const sharedFakeBrowser = createFakeBrowser();
