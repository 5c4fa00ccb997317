import { describe, expect, it } from 'vitest';
import {
  droppedText,
  formatElapsed,
  nextShownLimit,
  sourceText,
  stateLabel,
  tagIssueText,
  truncatedText,
  windowText,
} from '../../../../src/core/search/present.ts';
import { formatTime } from '../../../../src/core/time-format.ts';
import { safeHttpUrl } from '../../../../src/core/safe-url.ts';
import { failureTitle } from '../../../../src/core/search/failure.ts';

describe('present', () => {
  it('names job states for people and shows unknown ones as sent', () => {
    expect(stateLabel(undefined)).toBe('Creating the search job');
    expect(stateLabel('GATHERING RESULTS')).toBe('Gathering results');
    expect(stateLabel('FORCE PAUSED')).toBe('Stopped at the result limit');
    expect(stateLabel('<b>NEW</b>')).toBe('<b>NEW</b>');
  });

  it('formats elapsed time', () => {
    expect(formatElapsed(0)).toBe('0.0 s');
    expect(formatElapsed(1234)).toBe('1.2 s');
    expect(formatElapsed(59_999)).toBe('59.9 s');
    expect(formatElapsed(125_000)).toBe('2 min 05 s');
    expect(formatElapsed(-5)).toBe('0.0 s');
  });

  it('formats timestamps in local time with milliseconds', () => {
    const t = new Date(2026, 10, 26, 13, 9, 10, 33).getTime();
    expect(formatTime(t, 'full')).toBe('2026-11-26 13:09:10.033');
    expect(formatTime(undefined, 'full')).toBe('unknown time');
  });

  it('describes the window with its basis', () => {
    const from = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    expect(windowText({ from, to: from + 60_000, basis: 'session-start' })).toBe(
      "2026-01-02 03:04:05.006 → 2026-01-02 03:05:05.006 (from the session's start)",
    );
    expect(windowText({ from, to: from })).toBe('2026-01-02 03:04:05.006 → 2026-01-02 03:04:05.006');
  });

  it('counts dropped lines by reason, or says nothing when none were dropped', () => {
    expect(droppedText(0, 0)).toBeNull();
    expect(droppedText(1, 0)).toBe('1 line dropped: 1 matched the tag only when case is ignored.');
    expect(droppedText(2, 3)).toBe(
      '5 lines dropped: 2 matched the tag only when case is ignored, 3 did not carry the exact tag with a boundary after it.',
    );
    expect(tagIssueText({ issue: 'truncated-token', count: 2 })).toBe('2 lines: token cut off');
  });

  it('says what truncation means and what to do', () => {
    expect(truncatedText(50)).toBe(
      'Results truncated: SumoLogic stopped the search at 50 messages (FORCE PAUSED). Narrow the time window or the scope query in Settings to see everything.',
    );
  });

  it('joins source parts that exist', () => {
    expect(sourceText({ category: 'demo/backend', host: 'h', name: '' })).toBe('demo/backend · h');
    expect(sourceText({ category: '', host: '', name: '' })).toBe('unknown source');
  });

  it('offers only http(s) links', () => {
    expect(safeHttpUrl('https://service.sumologic.com/ui/#/search/create?query=a')).toBe(
      'https://service.sumologic.com/ui/#/search/create?query=a',
    );
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });

  it('opens huge lines in steps of ten', () => {
    expect(nextShownLimit(4000, 1_000_000)).toBe(40_000);
    expect(nextShownLimit(400_000, 1_000_000)).toBe(1_000_000);
  });

  it('titles failures by kind', () => {
    expect(failureTitle('unauthorized')).toBe('Credentials refused');
    expect(failureTitle('query-error')).toBe('Query error');
    expect(failureTitle('whatever')).toBe('Search failed');
  });
});
