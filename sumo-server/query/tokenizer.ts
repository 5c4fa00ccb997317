import { QueryParseError } from './errors.ts';

export type Token =
  | { kind: 'lparen' }
  | { kind: 'rparen' }
  | { kind: 'and' }
  | { kind: 'or' }
  | { kind: 'not' }
  | { kind: 'keyword'; text: string; quoted: boolean }
  | { kind: 'field'; name: string; op: '=' | '!='; value: string; quoted: boolean };

export interface TokenizedQuery {
  /** Tokens of the keyword scope (everything before the first unquoted `|`). */
  scope: Token[];
  /** Raw text of each pipe segment, trimmed, in order. */
  pipes: string[];
}

const FIELD_WORD = /^(_[A-Za-z0-9_.]*)(!=|=)(.*)$/s;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Reads `"…"` starting at `start` (the opening quote); `\"` and `\\` are escapes. */
function readQuoted(q: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < q.length) {
    const ch = q[i];
    if (ch === '\\' && (q[i + 1] === '"' || q[i + 1] === '\\')) {
      value += q[i + 1];
      i += 2;
      continue;
    }
    if (ch === '"') return { value, end: i + 1 };
    value += ch;
    i++;
  }
  throw new QueryParseError(`Unterminated quoted string starting at position ${start}`);
}

/** Skips a comment at `i` if one starts there (only at the start of a token), returning the new index. */
function skipComment(q: string, i: number): number | undefined {
  if (q[i] !== '/') return undefined;
  if (q[i + 1] === '/') {
    const nl = q.indexOf('\n', i);
    return nl === -1 ? q.length : nl + 1;
  }
  if (q[i + 1] === '*') {
    const close = q.indexOf('*/', i + 2);
    if (close === -1) throw new QueryParseError('Unterminated /* comment');
    return close + 2;
  }
  return undefined;
}

function splitPipes(q: string, start: number): string[] {
  const segments: string[] = [];
  let current = '';
  let i = start;
  while (i < q.length) {
    const ch = q[i];
    if (ch === '"') {
      const { end } = readQuoted(q, i);
      current += q.slice(i, end);
      i = end;
      continue;
    }
    if ((i === 0 || isSpace(q[i - 1]) || q[i - 1] === '|') && ch === '/') {
      const after = skipComment(q, i);
      if (after !== undefined) {
        i = after;
        current += ' ';
        continue;
      }
    }
    if (ch === '|') {
      segments.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  segments.push(current.trim());
  return segments;
}

export function tokenize(q: string): TokenizedQuery {
  const scope: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i];
    if (ch === undefined) break;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const afterComment = skipComment(q, i);
    if (afterComment !== undefined) {
      i = afterComment;
      continue;
    }
    if (ch === '|') return { scope, pipes: splitPipes(q, i + 1) };
    if (ch === '(') {
      scope.push({ kind: 'lparen' });
      i++;
      continue;
    }
    if (ch === ')') {
      scope.push({ kind: 'rparen' });
      i++;
      continue;
    }
    if (ch === '!' && q[i + 1] !== undefined && !isSpace(q[i + 1]) && q[i + 1] !== '=') {
      scope.push({ kind: 'not' });
      i++;
      continue;
    }
    if (ch === '"') {
      const { value, end } = readQuoted(q, i);
      scope.push({ kind: 'keyword', text: value, quoted: true });
      i = end;
      continue;
    }
    let end = i;
    while (end < q.length) {
      const c = q[end];
      if (c === undefined || isSpace(c) || c === '(' || c === ')' || c === '"' || c === '|') break;
      end++;
    }
    const word = q.slice(i, end);
    i = end;
    const upper = word.toUpperCase();
    if (upper === 'AND' || upper === 'OR' || upper === 'NOT') {
      scope.push({ kind: upper === 'AND' ? 'and' : upper === 'OR' ? 'or' : 'not' });
      continue;
    }
    const field = FIELD_WORD.exec(word);
    if (field) {
      const [, name = '', op, value = ''] = field;
      const operator = op === '!=' ? '!=' : '=';
      if (value === '' && q[i] === '"') {
        const quoted = readQuoted(q, i);
        i = quoted.end;
        scope.push({ kind: 'field', name, op: operator, value: quoted.value, quoted: true });
        continue;
      }
      if (value === '') throw new QueryParseError(`Missing value after ${name}${operator}`);
      scope.push({ kind: 'field', name, op: operator, value, quoted: false });
      continue;
    }
    scope.push({ kind: 'keyword', text: word, quoted: false });
  }
  return { scope, pipes: [] };
}
