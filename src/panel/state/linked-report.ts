import type { ReadonlySignal } from '@preact/signals';
import type { LinkedErrorGroup } from '../../core/linking/error-groups.ts';
import type { Linking } from '../../core/linking/link.ts';
import { openReplayAtTime, sumoSearchAtTime } from '../../core/linking/out-links.ts';
import { renderLinkedJson, renderLinkedReport, type LinkedReportInput } from '../../core/linking/report.ts';
import type { EndpointTagging } from '../../core/linking/tagging.ts';
import type { LogAnalysis, LogEntry } from '../../core/logs/analysis.ts';
import { knownStartMs } from '../../core/session/session-start.ts';
import type { DevtoolsModel } from './devtools-model.ts';
import { reportInput as auditReportInput } from './report-input.ts';
import type { SearchRun } from './worker-model.ts';

export interface LinkedReportSources {
  devtools: DevtoolsModel;
  run: ReadonlySignal<SearchRun | null>;
  analysis: ReadonlySignal<LogAnalysis | null>;
  skewMs: ReadonlySignal<number>;
  windowMs: ReadonlySignal<number>;
  tagging: ReadonlySignal<EndpointTagging[]>;
  groups: ReadonlySignal<LinkedErrorGroup[]>;
  linking: ReadonlySignal<Linking<LogEntry>>;
  now: () => number;
}

/** Out-links (OpenReplay at a moment, SumoLogic around a moment) and the linked exports, read at the moment of use. */
export function createLinkedExports(src: LinkedReportSources) {
  function replayUrlAt(atMs: number): string | null {
    const current = src.devtools.session.value.current;
    if (!current?.sessionUrl) return null;
    // A session entered by URL has no start response: its id tells the start.
    return openReplayAtTime(current.sessionUrl, atMs, knownStartMs(current, src.now()));
  }

  function sumoUrlAt(atMs: number): string | null {
    const r = src.run.value;
    if (!r?.uiUrl || r.query === undefined) return null;
    return sumoSearchAtTime({ ui: r.uiUrl, query: r.query, atMs });
  }

  function reportInput(revealToken = false): LinkedReportInput {
    const r = src.run.value;
    const a = src.analysis.value;
    return {
      ...auditReportInput(src.devtools.store, src.devtools.capture.value, revealToken, src.now()),
      backend:
        r === null || a === null
          ? undefined
          : {
              query: r.query,
              window: { from: r.target.from, to: r.target.to },
              status: r.status,
              lines: a.entries.length,
              skewMs: src.skewMs.value,
              windowMs: src.windowMs.value,
              tagging: src.tagging.value,
              groups: src.groups.value,
              linking: src.linking.value,
            },
    };
  }

  return {
    replayUrlAt,
    sumoUrlAt,
    reportInput,
    markdownReport: (reveal = false) => renderLinkedReport(reportInput(reveal)),
    jsonReport: (reveal = false) => renderLinkedJson(reportInput(reveal)),
  };
}
