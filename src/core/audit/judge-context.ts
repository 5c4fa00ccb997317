// The context every verdict is judged in, and the results many requests share. Its own module so
// the verdict's helpers (foreign values, the tracker's scope) need not import verdict.ts.

import type { PreflightIndex } from './diagnose-cors.ts';
import type { HeaderKind } from './header-names.ts';
import type { CompiledScope } from './scope-settings.ts';
import type { TrackerPolicy } from './tracker-policy.ts';
import type { KnownToken, TokenContext, VerdictResult } from './types.ts';

export const MISSING_FIX = 'add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper';

const SHARED_LIMIT = 5000;

export interface TokenMatch {
  current: boolean;
  known: KnownToken;
}

export interface JudgeContext {
  tokens: TokenContext;
  scope: CompiledScope;
  /** Lower-case header name → what its value must be. */
  kinds: Map<string, HeaderKind>;
  /** Lengths of those names: most headers are skipped without lower-casing them. */
  nameLengths: Set<number>;
  byToken: Map<string, TokenMatch>;
  bySessionId: Map<string, TokenMatch>;
  preflights: PreflightIndex;
  ingestUrls: readonly string[];
  isTokenFormat: (value: string) => boolean;
  /** What the page's tracker was told to do; it sets the default scope when its matcher answered. */
  tracker: TrackerPolicy;
  /** The user changed the audit scope: it overrides the tracker's matcher. */
  userScope: boolean;
  /**
   * Results that many requests share (same header and known value, same scope decision), built
   * once and frozen: judging then allocates almost nothing per request.
   */
  shared: Map<string | object, VerdictResult>;
}

export interface FoundHeader {
  name: string;
  lower: string;
  value: string;
  kind: HeaderKind;
}

export function shared(ctx: JudgeContext, key: string | object, make: () => VerdictResult): VerdictResult {
  let r = ctx.shared.get(key);
  if (r === undefined) {
    r = Object.freeze(make());
    if (ctx.shared.size >= SHARED_LIMIT) ctx.shared.clear();
    ctx.shared.set(key, r);
  }
  return r;
}
