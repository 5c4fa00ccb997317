// What session tag one backend line carries, for one token and the search's tag names: the exact
// tag, a tag with a telling fault (cut token, wrong case, another token or tag name), or none.

import { findTagIssues, recheckTag, type TagIssue } from '../logs/parse.ts';
import { isSessionIdTagName } from '../search/query.ts';

export interface LineTagOptions {
  /** The token the search looked for. */
  token: string;
  sessionId?: string | undefined;
  /** The tag names the search used (Settings → Search). */
  tagNames: readonly string[];
}

export type LineTag =
  { kind: 'exact' } | { kind: 'issue'; issue: TagIssue | { kind: 'other-tag-name'; found: string } } | { kind: 'none' };

const OTHER_NAME = /([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*[=:]\s*["']?$/;

/** The name written before the token when it is not one of ours: `sessionToken=<token>`. */
export function otherTagName(raw: string, token: string, tagNames: readonly string[]): string | undefined {
  if (token.length < 8) return undefined;
  const ours = new Set(tagNames.map((n) => n.toLowerCase()));
  for (let i = raw.indexOf(token); i !== -1; i = raw.indexOf(token, i + 1)) {
    const name = OTHER_NAME.exec(raw.slice(Math.max(0, i - 80), i))?.[1];
    if (name !== undefined && !ours.has(name.toLowerCase())) return name;
  }
  return undefined;
}

/** The best (most telling) tag state of one line, for one token and the search's tag names. */
export function lineTag(raw: string, options: LineTagOptions): LineTag {
  const issues: TagIssue[] = [];
  for (const tagName of options.tagNames) {
    const value = isSessionIdTagName(tagName) ? options.sessionId : options.token;
    if (value === undefined || value === '') continue;
    if (recheckTag(raw, tagName, value) === 'exact') return { kind: 'exact' };
    issues.push(...findTagIssues(raw, tagName, value));
  }
  // The most specific diagnosis first: a cut token or a wrong case says exactly what to fix.
  const order: TagIssue['kind'][] = [
    'truncated-token',
    'wrong-case-name',
    'wrong-case-value',
    'extended-token',
    'other-token',
  ];
  for (const kind of order) {
    const issue = issues.find((i) => i.kind === kind);
    if (issue) return { kind: 'issue', issue };
  }
  const other = otherTagName(raw, options.token, options.tagNames);
  if (other !== undefined) return { kind: 'issue', issue: { kind: 'other-tag-name', found: other } };
  return { kind: 'none' };
}
