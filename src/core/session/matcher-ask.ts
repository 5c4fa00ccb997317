// Asking the page's own `tokenUrlMatcher` about request URLs. The expression runs in the page's
// main world (where the matcher lives) through inspectedWindow.eval. Calling it runs page code, so
// the page side is guarded: a bounded batch, every call in try/catch, only `true`/`false` count,
// a call that runs long stops the batch (and the caller stops asking), nothing is written.

import { MATCHER_SLOW_MS, type MatcherAnswer } from '../audit/tracker-policy.ts';

/** URLs per evaluation, and the page time one evaluation may take before it stops early. */
export const MATCHER_BATCH = 40;
export const MATCHER_BUDGET_MS = 100;
const MAX_URL = 8192;

export type MatcherState = 'ok' | 'slow' | 'no-tracker' | 'no-matcher';

export interface MatcherReply {
  state: MatcherState;
  /** Answers for a prefix of the URLs asked (the batch may stop early). */
  answers: Array<[string, MatcherAnswer]>;
  /** How long the slow call ran, in ms. */
  slowMs?: number;
}

/** JSON is valid JavaScript since ES2019 (U+2028/2029 included); escaping them anyway costs nothing. */
function jsLiteral(v: unknown): string {
  return JSON.stringify(v)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function matcherExpression(urls: readonly string[]): string {
  const list = urls.slice(0, MATCHER_BATCH).map((u) => u.slice(0, MAX_URL));
  return `(function (urls) {
  'use strict';
  var SLOW = ${MATCHER_SLOW_MS}, BUDGET = ${MATCHER_BUDGET_MS};
  var now = Date.now;
  try { var perf = window.performance, pnow = perf.now; if (typeof pnow === 'function') now = function () { return pnow.call(perf); }; } catch (e) { now = Date.now; }
  function get(obj, key) {
    try { if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined; return obj[key]; } catch (e) { return undefined; }
  }
  var names = ['__OPENREPLAY__', 'OpenReplay', 'asayer'];
  var m, found = false;
  for (var i = 0; i < names.length && m === undefined; i++) {
    var g;
    try { g = window[names[i]]; } catch (e) { g = undefined; }
    if (g === undefined || g === null) continue;
    found = true;
    var f = get(get(get(g, 'options'), 'network'), 'tokenUrlMatcher');
    if (typeof f === 'function') m = f;
  }
  if (m === undefined) return { v: 1, state: found ? 'no-matcher' : 'no-tracker', answers: [] };
  var answers = [];
  var started = now();
  for (var j = 0; j < urls.length; j++) {
    var t0 = now(), a;
    try { var r = m(urls[j]); a = r === true ? 'yes' : r === false ? 'no' : 'not-boolean'; } catch (e) { a = 'threw'; }
    var took = now() - t0;
    if (took > SLOW) { answers.push('slow'); return { v: 1, state: 'slow', answers: answers, ms: Math.round(took) }; }
    answers.push(a);
    if (now() - started > BUDGET) break;
  }
  return { v: 1, state: 'ok', answers: answers };
})(${jsLiteral(list)})`;
}

const ANSWERS = new Set<string>(['yes', 'no', 'threw', 'not-boolean', 'slow']);
const STATES = new Set<string>(['ok', 'slow', 'no-tracker', 'no-matcher']);

function own(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  try {
    const d = Object.getOwnPropertyDescriptor(obj, key);
    return d && 'value' in d ? d.value : undefined;
  } catch {
    return undefined;
  }
}

/** The page's reply, checked; null when it is not one (the page returned something else, or eval failed). */
export function interpretMatcherReply(raw: unknown, asked: readonly string[]): MatcherReply | null {
  if (own(raw, 'v') !== 1) return null;
  const state = own(raw, 'state');
  if (typeof state !== 'string' || !STATES.has(state)) return null;
  const list = own(raw, 'answers');
  if (!Array.isArray(list)) return null;
  const answers: Array<[string, MatcherAnswer]> = [];
  const n = Math.min(list.length, asked.length, MATCHER_BATCH);
  for (let i = 0; i < n; i++) {
    const a: unknown = list[i];
    if (typeof a !== 'string' || !ANSWERS.has(a)) return null;
    answers.push([asked[i] as string, a as MatcherAnswer]);
  }
  const reply: MatcherReply = { state: state as MatcherState, answers };
  const ms = own(raw, 'ms');
  if (state === 'slow' && typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) reply.slowMs = Math.round(ms);
  return reply;
}
