// Messages between the panel and its analysis Worker. Pages go in as the panel receives them;
// deltas come back (positions and parse results only, never log text).

import type { TagValue } from '../logs/parse.ts';
import type { AnalysisDelta, RawMap } from './analysis-engine.ts';

export type ToAnalysisWorker =
  /** `from`: the position of the page's first message in the search's list. */
  { type: 'page'; key: string; tags: TagValue[]; from: number; maps: RawMap[] } | { type: 'drop'; key: string };

export type FromAnalysisWorker =
  { type: 'delta'; key: string; delta: AnalysisDelta } | { type: 'failed'; key: string; message: string };
