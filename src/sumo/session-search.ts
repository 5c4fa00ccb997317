import { buildSessionQuery } from './query.ts';
import type { SessionQueryInput } from './query.ts';
import { runSearch } from './search.ts';
import type { RunSearchOptions, SearchResult } from './search.ts';

export type SessionSearchOptions = Omit<RunSearchOptions, 'query'> & SessionQueryInput;

export interface SessionSearchResult extends SearchResult {
  query: string;
  tagClause: string;
  scope: string;
}

/**
 * Validates the token/session id/scope first and only then talks to Sumo: a refused value throws
 * QueryRefusedError (user-facing message) before any request is made.
 */
export async function searchSession(options: SessionSearchOptions): Promise<SessionSearchResult> {
  const input: SessionQueryInput = {};
  if (options.token !== undefined) input.token = options.token;
  if (options.sessionId !== undefined) input.sessionId = options.sessionId;
  if (options.tagNames !== undefined) input.tagNames = options.tagNames;
  if (options.scope !== undefined) input.scope = options.scope;
  const built = buildSessionQuery(input);
  const { token: _token, sessionId: _sessionId, tagNames: _tagNames, scope: _scope, ...rest } = options;
  const result = await runSearch({ ...rest, query: built.query });
  return { ...result, ...built };
}
