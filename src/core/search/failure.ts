// The heading above a failed search's message; the message itself (from the background) already says what to do.

const TITLES: Readonly<Record<string, string>> = {
  refused: 'Search refused',
  settings: 'SumoLogic is not set up',
  permission: 'Permission needed',
  credentials: 'No credentials',
  unauthorized: 'Credentials refused',
  'bad-credentials': 'Credentials refused',
  forbidden: 'Access denied',
  moved: 'Wrong deployment',
  'query-error': 'Query error',
  'bad-query': 'Query error',
  'bad-time-range': 'Bad time range',
  cancelled: 'Search job cancelled by SumoLogic',
  'job-expired': 'Search job expired',
  'job-invalid': 'Search job expired',
  'job-unreachable': 'Search job unreachable',
  'rate-limited': 'Rate limited',
  network: 'SumoLogic unreachable',
  timeout: 'Search timed out',
  'server-error': 'SumoLogic error',
  unavailable: 'SumoLogic unavailable',
  'empty-page': 'Incomplete results',
  'bad-response': 'Unreadable answer',
};

/** Failures that a new search usually fixes: the notice offers a "Search again" button. */
const RETRYABLE = new Set([
  'job-expired',
  'job-invalid',
  'job-unreachable',
  'cancelled',
  'empty-page',
  'timeout',
  'background-restarted',
]);

export function offersSearchAgain(kind: string): boolean {
  return RETRYABLE.has(kind);
}

export function failureTitle(kind: string): string {
  return TITLES[kind] ?? 'Search failed';
}
