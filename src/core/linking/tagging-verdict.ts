// The verdict for one endpoint and its words, from the lines attributed to its requests: tagged,
// probably tagged, not tagged (and which fault), or not judged yet (and why).

import { maskToken } from '../audit/mask.ts';
import type { LineTag } from './line-tag.ts';

export type TaggingStatus = 'tagged' | 'probably-tagged' | 'not-tagged' | 'not-searched';

export type TaggingReason =
  | 'exact-tag'
  | 'unattributed-lines'
  | 'no-lines'
  | 'wrong-case-name'
  | 'truncated-token'
  | 'other-tag-name'
  | 'other-token'
  | 'wrong-case-value'
  | 'extended-token'
  | 'no-search'
  | 'after-search'
  | 'not-received';

/** What a row of the tagging table says. */
export interface TaggingVerdict {
  status: TaggingStatus;
  reason: TaggingReason;
  /** One line for people; token values in it are masked. */
  detail: string;
  /** Lines attributed to this endpoint with the exact tag. */
  taggedLines: number;
  /** Lines attributed to this endpoint whose tag was wrong (any reason). */
  wrongLines: number;
  /** What was found for a wrong tag (tag name, or masked token), when there is one. */
  found?: string;
}

type NotJudged = 'no-search' | 'not-received' | 'after-search';

/** Endpoints that cannot be judged, and what to do about it. */
export const NOT_JUDGED: Readonly<Record<NotJudged, TaggingVerdict>> = {
  'no-search': {
    status: 'not-searched',
    reason: 'no-search',
    detail: 'not searched yet: run a backend search to check the tagging',
    taggedLines: 0,
    wrongLines: 0,
  },
  'not-received': {
    status: 'not-searched',
    reason: 'not-received',
    detail: 'its requests never reached the backend (blocked or failed in the browser): nothing there to tag',
    taggedLines: 0,
    wrongLines: 0,
  },
  'after-search': {
    status: 'not-searched',
    reason: 'after-search',
    detail: 'sent after the last search covered: search again to check the tagging',
    taggedLines: 0,
    wrongLines: 0,
  },
};

/** The tagged lines found in the windows of one endpoint's judged requests. */
export interface LineCounts {
  /** Lines naming the endpoint, with the exact tag. */
  tagged: number;
  /** Lines naming no path, tied to one of its requests by time only, with the exact tag. */
  unattributedTagged: number;
  /** Lines naming the endpoint whose tag is wrong. */
  wrong: number;
  firstWrong?: LineTag & { kind: 'issue' };
  unattributedWrong?: LineTag & { kind: 'issue' };
}

export interface JudgeContext {
  /** Requests judged (their end was covered by the search). */
  judged: number;
  token: string;
  windowMs: number;
  /** The search ended before the window after some judged request did. */
  partial: boolean;
}

const ISSUE_TEXT: Readonly<Record<string, string>> = {
  'wrong-case-name': 'writes the tag name in another case',
  'wrong-case-value': 'writes the token in another case',
  'truncated-token': 'cuts the token off',
  'extended-token': 'adds characters after the token',
  'other-token': 'tags with another session token (stale or foreign)',
  'other-tag-name': 'writes the token under another tag name',
};

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function describeFound(issue: LineTag & { kind: 'issue' }, token: string): { found: string; text: string } {
  const i = issue.issue;
  switch (i.kind) {
    case 'wrong-case-name':
      return {
        found: i.found,
        text: `${ISSUE_TEXT[i.kind]} ("${i.found}=" instead of the exact name) — the exact-tag search and field extraction miss it`,
      };
    case 'truncated-token': {
      const kept = token.length - i.missingChars;
      return {
        found: maskToken(i.found),
        text: `${ISSUE_TEXT[i.kind]}: ${kept} of ${token.length} characters are logged`,
      };
    }
    case 'other-tag-name':
      return { found: i.found, text: `${ISSUE_TEXT[i.kind]} ("${i.found}=")` };
    default:
      return { found: maskToken(i.found), text: ISSUE_TEXT[i.kind] ?? i.kind };
  }
}

/** An exact tag near its requests wins; then the most telling fault; then untied lines; else none at all. */
export function judgeTagging(counts: LineCounts, ctx: JudgeContext): TaggingVerdict {
  const { tagged, unattributedTagged, wrong, firstWrong, unattributedWrong } = counts;
  const { windowMs, partial } = ctx;
  const n = ctx.judged;
  const reqText = `${n} request${n === 1 ? '' : 's'}`;
  if (tagged > 0) {
    const extra =
      wrong > 0
        ? `; ${wrong} other line${wrong === 1 ? '' : 's'} ${ISSUE_TEXT[firstWrong?.issue.kind ?? ''] ?? 'are tagged wrongly'}`
        : '';
    return {
      status: 'tagged',
      reason: 'exact-tag',
      detail: `${tagged} backend line${tagged === 1 ? ' carries' : 's carry'} the exact tag${extra}`,
      taggedLines: tagged,
      wrongLines: wrong,
    };
  }
  const issue = firstWrong ?? (unattributedTagged === 0 ? unattributedWrong : undefined);
  if (issue !== undefined) {
    const { found, text } = describeFound(issue, ctx.token);
    const hedge = firstWrong === undefined ? ' (lines near its requests that name no path)' : '';
    return {
      status: 'not-tagged',
      reason: issue.issue.kind,
      detail: `backend ${text}${hedge}`,
      taggedLines: 0,
      wrongLines: wrong,
      found,
    };
  }
  if (unattributedTagged > 0) {
    return {
      status: 'probably-tagged',
      reason: 'unattributed-lines',
      detail: `${unattributedTagged} tagged line${unattributedTagged === 1 ? '' : 's'} near its requests name no path, so they cannot be tied to this endpoint`,
      taggedLines: 0,
      wrongLines: 0,
    };
  }
  return {
    status: 'not-tagged',
    reason: 'no-lines',
    detail:
      `no backend line with this token within ${seconds(windowMs)} after any of its ${reqText}: the backend does not tag this endpoint's lines (or writes the token under another name, or logs nothing here)` +
      (partial ? '; the search ended before that window did — search again if its lines may still be arriving' : ''),
    taggedLines: 0,
    wrongLines: 0,
  };
}
