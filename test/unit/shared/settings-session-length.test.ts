import { describe, expect, it } from 'vitest';
import { DEFAULT_SUMO_SETTINGS, normalizeSumoSettings } from '../../../src/shared/settings.ts';
import { validateSumoSettings } from '../../../src/panel/state/validate-settings.ts';

describe("the project's maximum session length setting", () => {
  it("defaults to OpenReplay's 2 h and reads older or hand-edited storage defensively", () => {
    expect(DEFAULT_SUMO_SETTINGS.maxSessionMinutes).toBe(120);
    expect(normalizeSumoSettings({}).maxSessionMinutes).toBe(120);
    expect(normalizeSumoSettings({ maxSessionMinutes: '30' }).maxSessionMinutes).toBe(120);
    expect(normalizeSumoSettings({ maxSessionMinutes: 29.6 }).maxSessionMinutes).toBe(30);
    expect(normalizeSumoSettings({ maxSessionMinutes: 1 }).maxSessionMinutes).toBe(5);
    expect(normalizeSumoSettings({ maxSessionMinutes: 1e9 }).maxSessionMinutes).toBe(10080);
  });

  it('says why a value cannot be saved, beside the field', () => {
    const check = (maxSessionMinutes: number) =>
      validateSumoSettings({ ...DEFAULT_SUMO_SETTINGS, maxSessionMinutes }).maxSessionMinutes;
    expect(check(240)).toBeUndefined();
    expect(check(4)).toBe("Give a whole number of minutes from 5 to 10080 (OpenReplay's default is 120).");
    expect(check(Number.NaN)).toBe("Give a whole number of minutes from 5 to 10080 (OpenReplay's default is 120).");
    expect(check(90.5)).toBe("Give a whole number of minutes from 5 to 10080 (OpenReplay's default is 120).");
  });
});

describe('the window end default', () => {
  it("ends at the token's expiry unless 'now' was chosen", () => {
    expect(DEFAULT_SUMO_SETTINGS.windowEnd).toBe('expiry');
    expect(normalizeSumoSettings({}).windowEnd).toBe('expiry');
    expect(normalizeSumoSettings({ windowEnd: 'now' }).windowEnd).toBe('now');
    expect(normalizeSumoSettings({ windowEnd: 'later' }).windowEnd).toBe('expiry');
  });
});
