import { readField, type StoredMessage } from '../store.ts';
import type { Expr, ParsedQuery } from './parser.ts';
import { containsTermRun, globMatcher, patternTermsOf, termsOf } from './terms.ts';

type Predicate = (m: StoredMessage) => boolean;

/** The only partition this server has; `_index=`/`_view=` naming anything else matches nothing. */
const DEFAULT_PARTITION = 'sumologic_default';

function keywordPredicate(text: string, quoted: boolean): Predicate {
  // Quoted text is literal: `*` is punctuation there. Bare words keep `*` as a wildcard.
  const parts = quoted ? termsOf(text) : patternTermsOf(text);
  if (parts.length === 0) {
    // Pure punctuation has no terms; fall back to a case-insensitive substring so it never matches everything.
    const needle = text.toLowerCase();
    return (m) => needle !== '' && m.raw.toLowerCase().includes(needle);
  }
  const matchers = parts.map((p) => (quoted ? (t: string) => t === p : globMatcher(p)));
  return (m) => containsTermRun(m.terms, matchers);
}

function fieldPredicate(name: string, op: '=' | '!=', value: string): Predicate {
  const matches = globMatcher(value);
  const lower = name.toLowerCase();
  const read =
    lower === '_index' || lower === '_view'
      ? (): string => DEFAULT_PARTITION
      : (m: StoredMessage) => readField(m, name);
  return (m) => {
    const actual = read(m);
    const hit = actual !== undefined && matches(actual);
    return op === '=' ? hit : !hit;
  };
}

export function compileExpr(expr: Expr): Predicate {
  switch (expr.type) {
    case 'all':
      return () => true;
    case 'and': {
      const items = expr.items.map(compileExpr);
      return (m) => items.every((p) => p(m));
    }
    case 'or': {
      const items = expr.items.map(compileExpr);
      return (m) => items.some((p) => p(m));
    }
    case 'not': {
      const item = compileExpr(expr.item);
      return (m) => !item(m);
    }
    case 'keyword':
      return keywordPredicate(expr.text, expr.quoted);
    case 'field':
      return fieldPredicate(expr.name, expr.op, expr.value);
  }
}

export interface Aggregation {
  by: string[];
  /** A `limit` after the count caps the records. */
  recordLimit: number | undefined;
}

export interface CompiledQuery {
  matches: Predicate;
  /** A `limit` before any count caps the messages. */
  messageLimit: number | undefined;
  aggregation: Aggregation | undefined;
}

export function compileQuery(parsed: ParsedQuery): CompiledQuery {
  let messageLimit: number | undefined;
  let aggregation: Aggregation | undefined;
  for (const step of parsed.pipeline) {
    if (step.op === 'count') {
      aggregation = { by: step.by, recordLimit: undefined };
    } else if (aggregation) {
      aggregation.recordLimit = Math.min(aggregation.recordLimit ?? Infinity, step.n);
    } else {
      messageLimit = Math.min(messageLimit ?? Infinity, step.n);
    }
  }
  return { matches: compileExpr(parsed.scope), messageLimit, aggregation };
}

export interface AggregateRecord {
  map: Record<string, string>;
}

/** `count [by …]` over the messages found so far: records sorted by count, biggest first. */
export function aggregate(messages: readonly StoredMessage[], agg: Aggregation): AggregateRecord[] {
  if (messages.length === 0) return [];
  const keys = agg.by.map((f) => f.toLowerCase());
  const groups = new Map<string, { values: string[]; count: number }>();
  for (const m of messages) {
    const values = agg.by.map((f) => readField(m, f) ?? '');
    const key = JSON.stringify(values);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { values, count: 1 });
  }
  const records = [...groups.values()]
    .sort((a, b) => b.count - a.count || a.values.join('\u0000').localeCompare(b.values.join('\u0000')))
    .map((g) => {
      const map: Record<string, string> = {};
      keys.forEach((k, i) => {
        map[k] = g.values[i] ?? '';
      });
      map._count = String(g.count);
      return { map };
    });
  return agg.recordLimit === undefined ? records : records.slice(0, agg.recordLimit);
}

export function recordFields(agg: Aggregation): Array<{ name: string; fieldType: string; keyField: boolean }> {
  return [
    ...agg.by.map((f) => ({ name: f.toLowerCase(), fieldType: 'string', keyField: true })),
    { name: '_count', fieldType: 'int', keyField: false },
  ];
}
