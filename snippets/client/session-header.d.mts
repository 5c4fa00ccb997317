export const SESSION_HEADER: string;
export function withSessionHeader(
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
  getToken: () => string | null | undefined,
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
export function workerTokenListener(scope: Pick<EventTarget, 'addEventListener'>): () => string | undefined;
