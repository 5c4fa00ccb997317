import { QueryParseError } from './errors.ts';
import { tokenize, type Token } from './tokenizer.ts';

export type Expr =
  | { type: 'all' }
  | { type: 'and'; items: Expr[] }
  | { type: 'or'; items: Expr[] }
  | { type: 'not'; item: Expr }
  | { type: 'keyword'; text: string; quoted: boolean }
  | { type: 'field'; name: string; op: '=' | '!='; value: string; quoted: boolean };

export type PipeOp = { op: 'count'; by: string[] } | { op: 'limit'; n: number };

export interface ParsedQuery {
  scope: Expr;
  pipeline: PipeOp[];
  /** True when the query ends in an aggregation: only then does `/records` answer. */
  aggregate: boolean;
}

export const SUPPORTED_OPERATORS = ['count', 'count by <field>[, <field>…]', 'limit <n>'];

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expr {
    if (this.tokens.length === 0) return { type: 'all' };
    const expr = this.parseOr();
    const extra = this.tokens[this.pos];
    if (extra !== undefined) {
      throw new QueryParseError(extra.kind === 'rparen' ? 'Unbalanced parenthesis: unexpected )' : 'Unexpected token');
    }
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private parseOr(): Expr {
    const items = [this.parseAnd()];
    while (this.peek()?.kind === 'or') {
      this.pos++;
      items.push(this.parseAnd());
    }
    return items.length === 1 && items[0] ? items[0] : { type: 'or', items };
  }

  private parseAnd(): Expr {
    const items = [this.parseNot()];
    for (;;) {
      const next = this.peek();
      if (next === undefined || next.kind === 'or' || next.kind === 'rparen') break;
      if (next.kind === 'and') this.pos++;
      items.push(this.parseNot());
    }
    return items.length === 1 && items[0] ? items[0] : { type: 'and', items };
  }

  private parseNot(): Expr {
    if (this.peek()?.kind === 'not') {
      this.pos++;
      return { type: 'not', item: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    if (token === undefined) throw new QueryParseError('Query ends where a search term was expected');
    this.pos++;
    switch (token.kind) {
      case 'lparen': {
        if (this.peek()?.kind === 'rparen') throw new QueryParseError('Empty parentheses');
        const inner = this.parseOr();
        if (this.peek()?.kind !== 'rparen') throw new QueryParseError('Unbalanced parenthesis: missing )');
        this.pos++;
        return inner;
      }
      case 'keyword':
        if (!token.quoted && /^\*+$/.test(token.text)) return { type: 'all' };
        return { type: 'keyword', text: token.text, quoted: token.quoted };
      case 'field':
        return { type: 'field', name: token.name, op: token.op, value: token.value, quoted: token.quoted };
      case 'rparen':
        throw new QueryParseError('Unbalanced parenthesis: unexpected )');
      default:
        throw new QueryParseError(`Operator ${token.kind.toUpperCase()} needs a search term on both sides`);
    }
  }
}

function parsePipe(segment: string): PipeOp {
  if (segment === '') throw new QueryParseError('Empty operator after |');
  const count = /^count(?:\s+by\s+(.+))?$/is.exec(segment);
  if (count) {
    const by = count[1] === undefined ? [] : count[1].split(',').map((f) => f.trim());
    for (const field of by) {
      if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(field))
        throw new QueryParseError(`Invalid field name in count by: '${field}'`);
    }
    return { op: 'count', by };
  }
  const limit = /^limit\s+(\d{1,9})$/is.exec(segment);
  if (limit) {
    const n = Number(limit[1]);
    if (n < 1) throw new QueryParseError('limit must be at least 1');
    return { op: 'limit', n };
  }
  const name = /^\S+/.exec(segment)?.[0] ?? segment;
  throw new QueryParseError(
    `Operator '${name}' is not supported by this local SumoLogic server (supported: ${SUPPORTED_OPERATORS.join('; ')})`,
  );
}

/** Parses a whole query; throws QueryParseError for anything it cannot evaluate faithfully. */
export function parseQuery(query: string): ParsedQuery {
  const { scope, pipes } = tokenize(query);
  const pipeline = pipes.map(parsePipe);
  if (pipeline.filter((p) => p.op === 'count').length > 1) {
    throw new QueryParseError('Only one count operator is supported');
  }
  return {
    scope: new Parser(scope).parseAll(),
    pipeline,
    aggregate: pipeline.some((p) => p.op === 'count'),
  };
}

/** True when the text holds no search at all (blank, or only comments). */
export function isEmptyQuery(query: string): boolean {
  try {
    const { scope, pipes } = tokenize(query);
    return scope.length === 0 && pipes.length === 0;
  } catch {
    return false;
  }
}
