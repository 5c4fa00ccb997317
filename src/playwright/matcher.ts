import type { AllowRule } from '../cli/config.ts';
import { applyPolicy, describeProblem } from '../core/ci/problems.ts';
import type { AuditOutcome } from '../cli/audit-recording.ts';

export interface PropagateOptions {
  /** Endpoint patterns (`GET /api/health`, `* https://partner.example.com/*`) or rules allowed to have problems. */
  allow?: Array<string | AllowRule>;
}

interface MatcherContext {
  isNot: boolean;
}

/** Passes when no problem of the audit's fail-on kinds remains after its allow-list and `allow`. */
export function propagationMatcher(
  this: MatcherContext,
  received: AuditOutcome,
  options: PropagateOptions = {},
): { pass: boolean; message: () => string; name: string } {
  if (received === null || typeof received !== 'object' || !Array.isArray(received.problems)) {
    return {
      pass: false,
      name: 'toPropagate',
      message: () => 'toPropagate() expects the result of `await replayLink.audit()`',
    };
  }
  const extra = (options.allow ?? []).map((a) => (typeof a === 'string' ? { endpoint: a } : a));
  const failing = extra.length === 0 ? received.failing : applyPolicy(received.failing, received.failOn, extra).failing;
  const pass = failing.length === 0;
  const judged = `${received.entries.length} request${received.entries.length === 1 ? '' : 's'} judged on ${received.pageUrl}`;
  const message = pass
    ? () => `expected session-token propagation problems, found none (${judged})`
    : () =>
        [
          `expected every request to propagate the OpenReplay session token; ${failing.length} problem${failing.length === 1 ? '' : 's'} (${judged}):`,
          ...failing.map((p, i) => `${i + 1}. ${describeProblem(p)}`),
        ].join('\n');
  return { pass, name: 'toPropagate', message };
}
