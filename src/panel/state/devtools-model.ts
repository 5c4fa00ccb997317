import { batch, signal } from '@preact/signals';
import { AuditStore } from '../../core/audit/audit-store.ts';
import {
  DEFAULT_SCOPE_SETTINGS,
  normalizeScopeSettings,
  siteKey,
  type ScopeSettings,
} from '../../core/audit/scope-settings.ts';
import { initialSessionState, type SessionState } from '../../core/session/session-state.ts';
import type { MatcherAnswer, TrackerPolicy } from '../../core/audit/tracker-policy.ts';
import { recordingOf } from '../../core/session/recording.ts';
import type { CaptureInfo, DevtoolsToPanel, PanelToDevtools } from '../../shared/protocol.ts';
import { STORAGE_KEYS } from '../../shared/storage-keys.ts';
import type { Transport } from '../../shared/transport.ts';
import type { KeyValueStorage } from './site-storage.ts';
import { tokenContextKey, tokenContextOf } from './token-context.ts';

/** The session and the audit, as the panel shows them. Fed by the devtools page of this tab. */
export function createDevtoolsModel(transport: Transport<PanelToDevtools, DevtoolsToPanel>, storage: KeyValueStorage) {
  const store = new AuditStore();
  const session = signal<SessionState>(initialSessionState());
  const capture = signal<CaptureInfo | null>(null);
  const scope = signal<ScopeSettings>({ ...DEFAULT_SCOPE_SETTINGS });
  /** The site `scope` belongs to ('' before the first page is known). */
  const scopeSite = signal('');
  /** Bumped on every store change: views re-derive rows from it. */
  const auditVersion = signal(0);
  let tokensKey = '';
  let loadedSite = '';
  const answers = new Map<string, MatcherAnswer>();
  const noAnswers: ReadonlyMap<string, MatcherAnswer> = new Map();
  let policyKey = '';

  function policyOf(s: SessionState): TrackerPolicy {
    const options = s.page?.tracker?.options ?? null;
    const policy: TrackerPolicy = {
      hasMatcher: options?.hasMatcher === true,
      answers: scope.value.askTrackerMatcher ? answers : noAnswers,
      recording: recordingOf(s),
    };
    if (options?.header !== undefined) policy.header = options.header;
    return policy;
  }

  /** Judges again when what the tracker was told changed (not on every 2-second poll). */
  function applyTracker(urls?: ReadonlySet<string>): void {
    const policy = policyOf(session.value);
    const key = JSON.stringify([
      policy.header ?? null,
      policy.hasMatcher,
      policy.recording,
      scope.value.askTrackerMatcher,
    ]);
    if (key !== policyKey || urls === undefined) {
      policyKey = key;
      store.setTracker(policy);
    } else if (urls.size > 0) {
      store.setTracker(policy, urls);
    }
  }

  function applyAnswers(list: ReadonlyArray<[string, MatcherAnswer]>, reset: boolean): void {
    if (reset) answers.clear();
    const urls = new Set<string>();
    for (const [url, a] of list) {
      answers.set(url, a);
      urls.add(url);
    }
    if (reset) applyTracker();
    else applyTracker(urls);
  }

  store.subscribe(() => (auditVersion.value = store.version));

  function applySession(next: SessionState): void {
    session.value = next;
    const ctx = tokenContextOf(next);
    const key = tokenContextKey(ctx);
    if (key !== tokensKey) {
      tokensKey = key;
      store.setTokens(ctx);
    }
    applyTracker(new Set());
  }

  async function loadSiteScope(pageUrl: string): Promise<void> {
    const site = siteKey(pageUrl);
    if (!site || site === loadedSite) return;
    loadedSite = site;
    const saved = normalizeScopeSettings(await storage.get(STORAGE_KEYS.siteAuditPrefix + site));
    batch(() => {
      scope.value = saved;
      scopeSite.value = site;
    });
    store.setSettings(saved);
    transport.post({ type: 'ask-matcher', on: saved.askTrackerMatcher });
    applyTracker();
  }

  function applyCapture(info: CaptureInfo): void {
    const before = capture.value;
    capture.value = info;
    if (before?.ingestUrls.join() !== info.ingestUrls.join()) store.setIngestUrls(info.ingestUrls);
    void loadSiteScope(info.pageUrl);
  }

  transport.subscribe((m) => {
    batch(() => {
      switch (m.type) {
        case 'snapshot':
          store.clear();
          applyCapture(m.capture);
          applySession(m.session);
          applyAnswers(m.matcher, true);
          store.add(m.requests);
          return;
        case 'requests':
          store.add(m.added);
          if (capture.value) capture.value = { ...capture.value, dropped: m.dropped };
          return;
        case 'cleared':
          store.clear();
          applyCapture(m.capture);
          return;
        case 'capture':
          applyCapture(m.capture);
          return;
        case 'session':
          applySession(m.session);
          return;
        case 'matcher':
          applyAnswers(m.answers, m.reset);
          return;
      }
    });
  });

  return {
    store,
    session,
    capture,
    scope,
    scopeSite,
    auditVersion,
    /** Asks the devtools page for everything it has (on panel start). */
    connect: () => transport.post({ type: 'hello' }),
    clear: () => transport.post({ type: 'clear' }),
    setPreserveLog: (on: boolean) => transport.post({ type: 'preserve-log', on }),
    enterByHand: (input: string) => transport.post({ type: 'manual-session', input }),
    clearByHand: () => transport.post({ type: 'clear-manual-session' }),
    refreshSession: () => transport.post({ type: 'refresh-session' }),
    async saveScope(next: ScopeSettings): Promise<void> {
      scope.value = next;
      store.setSettings(next);
      transport.post({ type: 'ask-matcher', on: next.askTrackerMatcher });
      applyTracker();
      if (loadedSite) await storage.set(STORAGE_KEYS.siteAuditPrefix + loadedSite, next);
    },
  };
}

export type DevtoolsModel = ReturnType<typeof createDevtoolsModel>;
