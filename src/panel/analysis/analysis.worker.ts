// The panel's analysis Worker: re-checking, merging and parsing log lines off the main thread,
// so no log line, however hostile, can freeze the panel.

import { AnalysisEngine } from '../../core/search/analysis-engine.ts';
import type { FromAnalysisWorker, ToAnalysisWorker } from '../../core/search/analysis-protocol.ts';

const engines = new Map<string, { engine: AnalysisEngine; next: number }>();

function reply(message: FromAnalysisWorker): void {
  postMessage(message);
}

addEventListener('message', (event: MessageEvent<ToAnalysisWorker>) => {
  const m = event.data;
  if (m.type === 'drop') {
    engines.delete(m.key);
    return;
  }
  let state = engines.get(m.key);
  if (state === undefined) engines.set(m.key, (state = { engine: new AnalysisEngine(m.tags), next: 0 }));
  if (m.from !== state.next) {
    reply({ type: 'failed', key: m.key, message: `analysis got messages from ${m.from}, expected ${state.next}` });
    return;
  }
  state.next += m.maps.length;
  try {
    reply({ type: 'delta', key: m.key, delta: state.engine.append(m.maps) });
  } catch (err) {
    reply({ type: 'failed', key: m.key, message: err instanceof Error ? err.message : String(err) });
  }
});
