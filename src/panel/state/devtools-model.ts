import { batch, signal } from '@preact/signals';
import { AuditStore } from '../../core/audit/audit-store.ts';
import { DEFAULT_SCOPE_SETTINGS, normalizeScopeSettings, siteKey, type ScopeSettings } from '../../core/audit/scope.ts';
import { initialSessionState, type SessionState } from '../../core/session/session-state.ts';
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

  store.subscribe(() => (auditVersion.value = store.version));

  function applySession(next: SessionState): void {
    session.value = next;
    const ctx = tokenContextOf(next);
    const key = tokenContextKey(ctx);
    if (key !== tokensKey) {
      tokensKey = key;
      store.setTokens(ctx);
    }
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
      if (loadedSite) await storage.set(STORAGE_KEYS.siteAuditPrefix + loadedSite, next);
    },
  };
}

export type DevtoolsModel = ReturnType<typeof createDevtoolsModel>;
