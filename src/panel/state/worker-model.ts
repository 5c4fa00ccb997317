import { signal } from '@preact/signals';
import type {
  ApiBaseInfo,
  BackgroundToPanel,
  PanelRequest,
  PanelRequestReplies,
  PanelToBackground,
  SearchFailure,
  SearchTarget,
} from '../../shared/protocol.ts';
import type { CredentialStatus, SumoSettings } from '../../shared/settings.ts';
import type { Transport } from '../../shared/transport.ts';
import type { MessageMap } from '../../sumo/client.ts';
import type { SearchProgress } from '../../sumo/search.ts';

export interface SearchRun {
  id: string;
  target: SearchTarget;
  status: 'starting' | 'running' | 'done' | 'failed' | 'cancelled';
  startedAt: number;
  query?: string;
  scope?: string;
  tagClause?: string;
  uiUrl?: string | null;
  progress?: SearchProgress;
  /** Raw maps as they arrive (newest first per page); parsed by the view's selectors. */
  messages: MessageMap[];
  truncated?: boolean;
  /** Stopped at the cap on kept messages (the newest were kept). */
  capped?: boolean;
  messageCount?: number;
  warnings?: string[];
  requests?: number;
  durationMs?: number;
  /** When results were first shown, for the "time to first result" figure. */
  firstResultsAt?: number;
  finishedAt?: number;
  error?: SearchFailure;
}

/** Whether a search is still going (the one definition the panel uses). */
export const isActive = (run: SearchRun | null): boolean =>
  run !== null && (run.status === 'starting' || run.status === 'running');

type RequestType = PanelRequest['type'];
type RequestOf<T extends RequestType> = Omit<Extract<PanelRequest, { type: T }>, 'rid'>;
type AnyReply = PanelRequestReplies[RequestType];

/** Settings, credentials (masked) and searches, all through the background. */
export function createWorkerModel(
  transport: Transport<PanelToBackground, BackgroundToPanel>,
  now: () => number = Date.now,
) {
  const settings = signal<SumoSettings | null>(null);
  const credentials = signal<CredentialStatus | null>(null);
  const apiBase = signal<ApiBaseInfo | null>(null);
  const search = signal<SearchRun | null>(null);
  const waiting = new Map<number, (reply: AnyReply) => void>();
  let nextRid = 1;
  let nextSearch = 1;

  const update = (id: string, patch: Partial<SearchRun> | ((run: SearchRun) => Partial<SearchRun>)) => {
    const run = search.value;
    if (!run || run.id !== id) return;
    search.value = { ...run, ...(typeof patch === 'function' ? patch(run) : patch) };
  };

  transport.subscribe((m) => {
    if ('rid' in m) {
      if (m.type === 'settings') {
        settings.value = m.settings;
        credentials.value = m.credentials;
        apiBase.value = m.apiBase;
      }
      waiting.get(m.rid)?.(m);
      waiting.delete(m.rid);
      return;
    }
    switch (m.type) {
      case 'search.started':
        return update(m.searchId, {
          status: 'running',
          query: m.query,
          scope: m.scope,
          tagClause: m.tagClause,
          uiUrl: m.uiUrl,
        });
      case 'search.progress':
        return update(m.searchId, { progress: m.progress });
      case 'search.messages':
        // Appended in place: copying the whole list for every chunk would cost the panel a
        // copy per chunk of everything received so far. A new run object still tells the views.
        return update(m.searchId, (run) => {
          for (const message of m.messages) run.messages.push(message);
          return run.firstResultsAt === undefined && m.messages.length > 0 ? { firstResultsAt: now() } : {};
        });
      case 'search.done':
        return update(m.searchId, (run) => ({
          status: run.status === 'cancelled' ? 'cancelled' : 'done',
          truncated: m.truncated,
          capped: m.capped === true,
          messageCount: m.messageCount,
          warnings: m.warnings,
          requests: m.requests,
          durationMs: m.durationMs,
          finishedAt: now(),
        }));
      case 'search.failed':
        return update(m.searchId, (run) => ({
          status: run.status === 'cancelled' || m.error.kind === 'aborted' ? 'cancelled' : 'failed',
          error: m.error,
          finishedAt: now(),
        }));
    }
  });

  /** Sends a request; the reply's type follows from the request's (PanelRequestReplies). */
  function request<T extends RequestType>(message: RequestOf<T>): Promise<PanelRequestReplies[T]> {
    const rid = nextRid++;
    return new Promise((resolve) => {
      // The background answers a request of type T with PanelRequestReplies[T] and the same rid.
      waiting.set(rid, resolve as (reply: AnyReply) => void);
      transport.post({ ...message, rid } as PanelToBackground);
    });
  }

  const asResult = (reply: AnyReply): { ok: boolean; message: string } =>
    reply.type === 'reply' || reply.type === 'detected'
      ? { ok: reply.ok, message: reply.message }
      : { ok: true, message: 'Saved.' };

  return {
    settings,
    credentials,
    apiBase,
    search,
    load: () => request<'settings.get'>({ type: 'settings.get' }),
    saveSettings: async (next: SumoSettings) =>
      asResult(await request<'settings.save'>({ type: 'settings.save', settings: next })),
    saveCredentials: async (accessId: string, accessKey: string, remember: boolean) =>
      asResult(await request<'credentials.save'>({ type: 'credentials.save', accessId, accessKey, remember })),
    clearCredentials: async () => asResult(await request<'credentials.clear'>({ type: 'credentials.clear' })),
    testConnection: async () => asResult(await request<'connection.test'>({ type: 'connection.test' })),
    /** Typed credentials if any, else the saved ones; resolves with the deployment found (already saved). */
    detectDeployment: async (accessId = '', accessKey = '') => {
      const reply = await request<'deployment.detect'>({
        type: 'deployment.detect',
        ...(accessId ? { accessId } : {}),
        ...(accessKey ? { accessKey } : {}),
      });
      return { ...asResult(reply), deployment: reply.deployment };
    },
    startSearch(target: SearchTarget): string {
      const current = search.value;
      if (current && isActive(current)) {
        transport.post({ type: 'search.cancel', searchId: current.id });
      }
      const id = `s${now()}-${nextSearch++}`;
      search.value = { id, target, status: 'starting', startedAt: now(), messages: [] };
      transport.post({ type: 'search.start', searchId: id, target });
      return id;
    },
    /** The background worker restarted: a search it was running can no longer report. */
    backgroundLost(): void {
      const run = search.value;
      if (!run || !isActive(run)) return;
      update(run.id, {
        status: 'failed',
        finishedAt: now(),
        error: {
          kind: 'background-restarted',
          message:
            'The extension restarted its background worker during the search, so the search stopped — search again.',
        },
      });
    },
    cancelSearch(): void {
      const run = search.value;
      if (!run || !isActive(run)) return;
      update(run.id, { status: 'cancelled', finishedAt: now() });
      transport.post({ type: 'search.cancel', searchId: run.id });
    },
  };
}

export type WorkerModel = ReturnType<typeof createWorkerModel>;
