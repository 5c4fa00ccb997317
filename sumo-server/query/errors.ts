/** A query the server refuses at create time with `400 searchjob.parse.error`. */
export class QueryParseError extends Error {
  override name = 'QueryParseError';
}
