import { render } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import type { ComponentChildren } from 'preact';
import { createPanelModel, ModelContext, type PanelModel } from '../../src/panel/state/model.ts';
import type {
  BackgroundToPanel,
  CaptureInfo,
  DevtoolsToPanel,
  PanelToBackground,
  PanelToDevtools,
  SettingsReply,
} from '../../src/shared/protocol.ts';
import { DEFAULT_SUMO_SETTINGS, type CredentialStatus, type SumoSettings } from '../../src/shared/settings.ts';
import type { CapturedRequest } from '../../src/core/audit/types.ts';
import { initialSessionState, reduceSession, type SessionState } from '../../src/core/session/session-state.ts';
import type { ProbeResult } from '../../src/core/session/probe.ts';
import { decodeToken, encodeToken } from '../../src/core/session/token.ts';
import { parseManualInput } from '../../src/core/session/manual-input.ts';
import { fakeTransportPair } from './fake-transport.ts';
import { memoryStorage } from './memory-storage.ts';

export const PAGE_URL = 'http://127.0.0.1:4000/checkout';

/** Lets posted messages arrive and Preact render what they changed. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** A well-formed token for session `sessionId` that expires at `expiresAt`. */
export function makeToken(sessionId: bigint, expiresAt: number): string {
  return encodeToken({ sessionId, delayMs: 4283, expiresAt, signature: new Uint8Array(32).fill(7) });
}

/** The session state after the page's top frame showed `token` in the tracker's storage (after `from`). */
export function sessionWithToken(token: string, at: number, from: SessionState = initialSessionState()): SessionState {
  const result: ProbeResult = {
    status: 'found',
    candidates: [{ token, decoded: decodeToken(token), source: 'sessionStorage' }],
    rejected: [],
    reasons: [],
    warnings: [],
    frame: 'top',
    frameUrl: PAGE_URL,
  };
  return reduceSession(from, { type: 'probe', at, results: [result] });
}

/** The session state after a probe that found no tracker anywhere. */
export function sessionWithNoTracker(at: number): SessionState {
  const result: ProbeResult = {
    status: 'none',
    candidates: [],
    rejected: [],
    reasons: [],
    warnings: [],
    frame: 'top',
    frameUrl: PAGE_URL,
  };
  return reduceSession(initialSessionState(), { type: 'probe', at, results: [result] });
}

/** The session state after a token was entered by hand. */
export function sessionByHand(input: string): SessionState {
  return reduceSession(initialSessionState(), { type: 'setManual', input: parseManualInput(input) });
}

export function captureInfo(patch: Partial<CaptureInfo> = {}): CaptureInfo {
  return {
    pageUrl: PAGE_URL,
    preserveLog: false,
    dropped: 0,
    cap: 50_000,
    missedBeforeOpen: 0,
    ingestUrls: [],
    ...patch,
  };
}

export interface HarnessOptions {
  now?: () => number;
  settings?: SumoSettings;
  credentials?: CredentialStatus | null;
}

/**
 * A panel model wired to fakes of its two pipes: the test plays the devtools page (`fromDevtools`)
 * and the service worker, which answers settings and credential requests the way the real one
 * does and records everything else (searches are driven with `fromWorker`).
 */
export function panelHarness(options: HarnessOptions = {}) {
  const [devtools, devtoolsPage] = fakeTransportPair<PanelToDevtools, DevtoolsToPanel>();
  const [background, worker] = fakeTransportPair<PanelToBackground, BackgroundToPanel>();
  const toDevtools: PanelToDevtools[] = [];
  const toWorker: PanelToBackground[] = [];
  let stored: SumoSettings = options.settings ?? { ...DEFAULT_SUMO_SETTINGS };
  let credentials: CredentialStatus | null = options.credentials ?? null;
  /** Replies the test wants instead of the usual ones, per request type. */
  const overrides = new Map<string, (m: PanelToBackground) => BackgroundToPanel>();

  const settingsReply = (rid: number): SettingsReply => ({
    type: 'settings',
    rid,
    settings: stored,
    credentials,
    apiBase: { apiBase: 'https://api.sumologic.com/api', warning: null, permissionOrigin: null, error: null },
  });

  devtoolsPage.subscribe((m) => toDevtools.push(m));
  worker.subscribe((m) => {
    toWorker.push(m);
    const override = overrides.get(m.type);
    if (override) return worker.post(override(m));
    switch (m.type) {
      case 'settings.get':
        return worker.post(settingsReply(m.rid));
      case 'settings.save':
        stored = m.settings;
        return worker.post(settingsReply(m.rid));
      case 'credentials.save':
        credentials = { accessId: m.accessId, keyMask: `••••••••${m.accessKey.slice(-4)}`, remembered: m.remember };
        return worker.post(settingsReply(m.rid));
      case 'credentials.clear':
        credentials = null;
        return worker.post(settingsReply(m.rid));
      default:
        return;
    }
  });

  const model: PanelModel = createPanelModel({
    devtools,
    background,
    storage: memoryStorage(),
    // No Worker in Node: the log analysis runs inline.
    analysisWorker: () => null,
    ...(options.now ? { now: options.now } : {}),
  });

  return {
    model,
    toDevtools,
    toWorker,
    get stored(): SumoSettings {
      return stored;
    },
    /** The next request of this type is answered with `reply` instead. */
    answer(type: PanelToBackground['type'], reply: (m: PanelToBackground) => BackgroundToPanel): void {
      overrides.set(type, reply);
    },
    async fromDevtools(message: DevtoolsToPanel): Promise<void> {
      devtoolsPage.post(message);
      await settle();
    },
    async fromWorker(message: BackgroundToPanel): Promise<void> {
      worker.post(message);
      await settle();
    },
    /** The devtools page's answer to hello: this session and these requests. */
    async snapshot(session: SessionState, requests: CapturedRequest[] = [], capture = captureInfo()): Promise<void> {
      devtoolsPage.post({ type: 'snapshot', requests, capture, session, matcher: [] });
      await settle();
    },
    /** Loads the settings from the fake worker, as main.tsx does on start. */
    async loadSettings(): Promise<void> {
      void model.worker.load();
      await settle();
    },
    render(children: ComponentChildren) {
      return render(<ModelContext.Provider value={model}>{children}</ModelContext.Provider>);
    },
  };
}
