// The page's own tokenUrlMatcher, asked about each distinct fetch/XHR URL with the panel's guarded
// expression (bounded batches; a matcher that runs long is not asked again), in the frame that
// holds the tracker.

import type { Page } from 'playwright-core';
import type { MatcherAnswer } from '../core/audit/tracker-policy.ts';
import { isFetchOrXhr, type CapturedRequest } from '../core/audit/types.ts';
import { interpretMatcherReply, MATCHER_BATCH, matcherExpression } from '../core/session/matcher-ask.ts';
import { isTrackerIngestUrl } from '../core/session/network-tokens.ts';
import type { SessionState } from '../core/session/session-state.ts';

const MAX_URLS = 5000;
const EVAL_TIMEOUT_MS = 3000;

export async function askTrackerMatcher(
  page: Page,
  session: SessionState,
  requests: readonly CapturedRequest[],
): Promise<Map<string, MatcherAnswer>> {
  const answers = new Map<string, MatcherAnswer>();
  const tracker = session.page?.tracker ?? null;
  if (tracker?.options?.hasMatcher !== true) return answers;
  const frame =
    tracker.frame === 'iframe' && tracker.frameUrl !== null
      ? page.frames().find((f) => f.url() === tracker.frameUrl)
      : page.mainFrame();
  if (frame === undefined) return answers;
  const urls = [
    ...new Set(requests.filter((r) => isFetchOrXhr(r.resourceType) && !isTrackerIngestUrl(r.url)).map((r) => r.url)),
  ].slice(0, MAX_URLS);
  let slow = false;
  for (let i = 0; i < urls.length;) {
    const batch = urls.slice(i, i + MATCHER_BATCH);
    if (slow) {
      for (const u of batch) answers.set(u, 'slow');
      i += batch.length;
      continue;
    }
    const raw = await Promise.race([
      frame.evaluate(matcherExpression(batch)).catch(() => undefined),
      new Promise((r) => setTimeout(r, EVAL_TIMEOUT_MS, 'timeout')),
    ]);
    const reply =
      raw === 'timeout'
        ? { state: 'slow' as const, answers: [[batch[0] as string, 'slow' as const] as [string, MatcherAnswer]] }
        : interpretMatcherReply(raw, batch);
    if (reply === null || reply.state === 'no-tracker' || reply.state === 'no-matcher') break;
    for (const [u, a] of reply.answers) answers.set(u, a);
    if (reply.state === 'slow') slow = true;
    // The batch may stop early (its time budget): ask again from the first URL not answered.
    i += Math.max(1, reply.answers.length);
  }
  return answers;
}
