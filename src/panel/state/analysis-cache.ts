import type { LogAnalysis } from '../../core/logs/analysis.ts';
import { IncrementalAnalysis } from '../../core/search/incremental.ts';
import { tagsFromClause } from '../../core/search/plan.ts';
import type { SearchRun } from './worker-model.ts';

// One analysis per search, shared by the Backend errors area and the linking model: both read the
// same messages, and re-checking, merging traces and grouping them is the costly part of a search.
// The last two searches are kept (the one shown while an auto-refresh runs, and the refresh).
// Owned by the panel model, so it lives and dies with the panel.
const KEEP = 2;

export function createAnalysisCache() {
  const analyses = new Map<string, IncrementalAnalysis>();
  return {
    /** The run's messages re-checked, merged and grouped; only new pages are parsed. */
    of(run: SearchRun): LogAnalysis | null {
      if (run.tagClause === undefined) return null;
      const key = `${run.id}\u0000${run.tagClause}`;
      let analysis = analyses.get(key);
      if (analysis === undefined) {
        analysis = new IncrementalAnalysis(tagsFromClause(run.tagClause));
        analyses.set(key, analysis);
        for (const old of analyses.keys()) if (analyses.size > KEEP) analyses.delete(old);
      }
      return analysis.update(run.messages);
    },
    clear: () => analyses.clear(),
  };
}

export type AnalysisCache = ReturnType<typeof createAnalysisCache>;
