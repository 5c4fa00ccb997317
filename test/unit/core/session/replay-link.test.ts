import { describe, expect, it } from 'vitest';
import { checkReplayLink } from '../../../../src/core/session/replay-link.ts';

describe('checkReplayLink', () => {
  it("takes OpenReplay's cloud app and the tracker's own ingest host as expected", () => {
    expect(checkReplayLink('https://app.openreplay.com/42/session/123', []).expected).toBe(true);
    expect(checkReplayLink('https://or.example.com/42/session/123', ['https://or.example.com/ingest']).expected).toBe(
      true,
    );
  });

  it("labels any other host as the page's claim, naming both hosts", () => {
    const check = checkReplayLink('https://evil.example/42/session/123', ['https://or.example.com/ingest']);
    expect(check.expected).toBe(false);
    expect(check.note).toBe(
      "the page's claim: evil.example is neither the tracker's ingest host (or.example.com) nor OpenReplay's app (app.openreplay.com) — check it before you open it",
    );
  });

  it('does not trust the cloud ingest host itself (the cloud builds links on the app host)', () => {
    expect(
      checkReplayLink('https://api.openreplay.com/42/session/1', ['https://api.openreplay.com/ingest']).expected,
    ).toBe(false);
  });
});
