import { tryBuildSessionQuery, type SessionQuery, type SessionQueryInput } from '../../src/core/search/query.ts';

/** The query for a value a test knows is valid; a refusal is a broken test, so it throws. */
export function sessionQuery(input: SessionQueryInput): SessionQuery {
  const built = tryBuildSessionQuery(input);
  if (!built.ok) throw new Error(built.message);
  return { query: built.query, tagClause: built.tagClause, scope: built.scope };
}
