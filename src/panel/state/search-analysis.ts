import { signal, type Signal } from '@preact/signals';
import type { LogAnalysis } from '../../core/logs/analysis.ts';
import { AnalysisEngine } from '../../core/search/analysis-engine.ts';
import { AnalysisMirror } from '../../core/search/analysis-mirror.ts';
import type { FromAnalysisWorker, ToAnalysisWorker } from '../../core/search/analysis-protocol.ts';
import { tagsFromClause } from '../../core/search/plan.ts';
import type { SearchRun } from './worker-model.ts';

// One analysis per search, shared by the Backend errors view and the linking model. It runs in a
// Worker: log lines come from whoever can reach the backend, and parsing thousands of them on the
// panel's thread would freeze it. The last two searches are kept (the one shown while an
// auto-refresh runs, and the refresh).
const KEEP = 2;
/**
 * Deltas are taken in as they come, but the analysis the views read is remade at most this often:
 * each remake re-renders the results and re-links the errors, and a search of 10,000 lines sends
 * hundreds of deltas.
 */
const PUBLISH_MS = 150;

/** What the service needs of a Worker (a fake in tests). */
export interface AnalysisWorkerLike {
  postMessage(message: ToAnalysisWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromAnalysisWorker>) => void): void;
  terminate(): void;
}

export interface SearchAnalysis {
  /** Sends the run's pages not yet sent, as they arrive (so each crosses to the Worker in its own task). */
  feed(run: SearchRun): void;
  /**
   * The run's messages re-checked, merged and grouped, as far as the analysis got (null before its
   * first answer). Sends the pages not yet sent; reading it inside a computed re-runs on each answer.
   */
  of(run: SearchRun): LogAnalysis | null;
  /** Messages of the run not analysed yet. */
  pendingOf(run: SearchRun): number;
  dispose(): void;
}

interface RunState {
  key: string;
  sent: number;
  maps: SearchRun['messages'];
  mirror: AnalysisMirror;
  result: Signal<LogAnalysis | null>;
  analysed: Signal<number>;
  /** Analysed so far, before it is published in `analysed`. */
  received: number;
  publishing?: ReturnType<typeof setTimeout>;
  publishedAt: number;
  /** Only without a Worker (unit tests in Node): the engine runs inline. */
  engine?: AnalysisEngine;
  inline?: LogAnalysis | null;
  /** A search that returned nothing sends the Worker nothing, so its (empty) analysis is made here. */
  empty?: LogAnalysis;
}

function defaultWorker(): AnalysisWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('../analysis/analysis.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as AnalysisWorkerLike;
}

/** Owned by the panel model; `dispose` ends the Worker. */
export function createSearchAnalysis(spawn: () => AnalysisWorkerLike | null = defaultWorker): SearchAnalysis {
  const runs = new Map<string, RunState>();
  let worker: AnalysisWorkerLike | null | undefined;

  const onReply = (event: MessageEvent<FromAnalysisWorker>): void => {
    const m = event.data;
    const state = runs.get(m.key);
    if (state === undefined) return;
    if (m.type === 'failed') {
      console.warn(`Replay Link: the log analysis stopped: ${m.message}`);
      return;
    }
    state.mirror.update(m.delta, state.maps);
    state.received = m.delta.received;
    if (state.publishing !== undefined) return;
    // The first delta after a quiet spell shows at once (a small search waits for nothing); those
    // that follow it closely are shown together when the interval is up.
    const wait = state.publishedAt + PUBLISH_MS - performance.now();
    if (wait <= 0) publish(state);
    else state.publishing = setTimeout(() => publish(state), wait);
  };

  const publish = (state: RunState): void => {
    state.publishing = undefined;
    state.publishedAt = performance.now();
    state.result.value = state.mirror.snapshot();
    state.analysed.value = state.received;
  };

  const workerOf = (): AnalysisWorkerLike | null => {
    if (worker === undefined) {
      worker = spawn();
      worker?.addEventListener('message', onReply);
    }
    return worker;
  };

  const stateOf = (run: SearchRun): RunState | null => {
    if (run.tagClause === undefined) return null;
    const key = `${run.id}\u0000${run.tagClause}`;
    let state = runs.get(key);
    if (state === undefined) {
      state = {
        key,
        sent: 0,
        maps: run.messages,
        mirror: new AnalysisMirror(),
        result: signal(null),
        analysed: signal(0),
        received: 0,
        publishedAt: -Infinity,
      };
      if (workerOf() === null) state.engine = new AnalysisEngine(tagsFromClause(run.tagClause));
      runs.set(key, state);
      for (const old of runs.keys()) {
        if (runs.size <= KEEP) break;
        clearTimeout(runs.get(old)?.publishing);
        runs.delete(old);
        worker?.postMessage({ type: 'drop', key: old });
      }
    }
    state.maps = run.messages;
    const fresh = run.messages.length - state.sent;
    if (fresh > 0) {
      const page = run.messages.slice(state.sent);
      const from = state.sent;
      state.sent = run.messages.length;
      if (state.engine) {
        state.inline = state.mirror.apply(state.engine.append(page), run.messages);
      } else {
        worker?.postMessage({ type: 'page', key, tags: tagsFromClause(run.tagClause), from, maps: page });
      }
    }
    return state;
  };

  return {
    feed(run) {
      stateOf(run);
    },
    of(run) {
      const state = stateOf(run);
      if (state === null) return null;
      const result = state.engine ? (state.inline ?? null) : state.result.value;
      if (result !== null || run.messages.length > 0) return result;
      state.empty ??= new AnalysisMirror().apply(
        new AnalysisEngine(tagsFromClause(run.tagClause ?? '')).append([]),
        [],
      );
      return state.empty;
    },
    pendingOf(run) {
      const state = stateOf(run);
      if (state === null || state.engine) return 0;
      return run.messages.length - state.analysed.value;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const state of runs.values()) clearTimeout(state.publishing);
      runs.clear();
    },
  };
}
