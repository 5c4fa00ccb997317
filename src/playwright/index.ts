// `import { test, expect } from 'replay-link/playwright'`: a `replayLink` fixture that records the
// page from the test's start and audits it with the panel's core, and a `toPropagate` matcher.
// Works with @playwright/test's own runner, so its sharding spreads a suite over CI machines.

import { expect as baseExpect, test as base, type Page } from '@playwright/test';
import type { AllowRule } from '../cli/config.ts';
import type { ProblemKind } from '../core/ci/problems.ts';
import type { CapturedRequest } from '../core/audit/types.ts';
import { auditRecording, type AuditOutcome } from '../cli/audit-recording.ts';
import { loadConfig } from '../cli/config-file.ts';
import { startRecording, type Recording } from '../cli/recorder.ts';
import { propagationMatcher, type PropagateOptions } from './matcher.ts';

export type { AuditOutcome } from '../cli/audit-recording.ts';
export type { PropagateOptions } from './matcher.ts';

export interface ReplayLinkAuditOptions {
  /** Overrides the config's `failOn` for this audit. */
  failOn?: ProblemKind[];
  /** Added to the config's allow-list for this audit. */
  allow?: Array<string | AllowRule>;
}

export interface ReplayLink {
  /** Judges every request recorded since the test started (waits for requests in flight first). */
  audit(options?: ReplayLinkAuditOptions): Promise<AuditOutcome>;
  /** The requests recorded so far, normalised as the panel normalises them. */
  requests(): CapturedRequest[];
}

export interface ReplayLinkFixtures {
  replayLink: ReplayLink;
  /** Path of the config file; default `replay-link.config.json` in the working directory when present. */
  replayLinkConfig: string | undefined;
}

export function allowRules(allow: ReadonlyArray<string | AllowRule> | undefined): AllowRule[] {
  return (allow ?? []).map((a) => (typeof a === 'string' ? { endpoint: a } : a));
}

// Recording starts when the page is created, before any hook navigates it, so the document
// load and the tracker's start are part of the audit like in a DevTools window opened first.
const recordings = new WeakMap<Page, Recording>();

export const test = base.extend<ReplayLinkFixtures>({
  replayLinkConfig: [undefined, { option: true }],
  page: async ({ page }, use) => {
    const recording = await startRecording(page);
    recordings.set(page, recording);
    try {
      await use(page);
    } finally {
      await recording.stop();
    }
  },
  replayLink: async ({ page, replayLinkConfig }, use) => {
    const { config } = loadConfig(replayLinkConfig);
    const recording = recordings.get(page);
    if (recording === undefined)
      throw new Error('replayLink: the page is not being recorded — use `test` from replay-link/playwright');
    const startedAt = Date.now();
    await use({
      audit: (options = {}) =>
        auditRecording(recording, {
          config,
          ...(options.failOn ? { failOn: options.failOn } : {}),
          allow: allowRules(options.allow),
          startedAt,
        }),
      requests: () => recording.requests(),
    });
  },
});

export const expect = baseExpect.extend({
  toPropagate(received: AuditOutcome, options?: PropagateOptions) {
    return propagationMatcher.call(this, received, options);
  },
});
