import type Tracker from '@openreplay/tracker';
import type { DemoPageConfig } from '../page-config.ts';

export const TOKEN_HEADER_NAME = 'X-OpenReplay-SessionToken';

// Kept when this module loads, before any tracker exists: like a client (ky, an SDK) that captured
// fetch at import time, its requests bypass the tracker's patch.
const savedFetch = window.fetch.bind(window);

export interface FlowEnv {
  config: DemoPageConfig;
  tracker: Tracker;
  /** The first token this tab saw; after a new session it is a stale one. */
  firstToken: () => string | undefined;
  /** Called after a flow changed the session. */
  refreshSession: () => void;
}

export interface FlowOutcome {
  /** HTTP status, or "blocked" when the browser refused the request (CORS, network). */
  status: number | 'blocked' | 'ok';
  text: string;
}

export interface Flow {
  id: string;
  label: string;
  hint: string;
  run(env: FlowEnv): Promise<FlowOutcome>;
}

async function viaFetch(
  method: string,
  url: string,
  init: RequestInit = {},
  f: typeof fetch = fetch,
): Promise<FlowOutcome> {
  try {
    const res = await f(url, { ...init, method });
    await res.text();
    return { status: res.status, text: `${method} ${url} → ${res.status} ${res.statusText}` };
  } catch (err) {
    return { status: 'blocked', text: `${method} ${url} → blocked (${String(err)})` };
  }
}

// The tracker patches XMLHttpRequest as well as fetch; one flow uses it so the audit sees both kinds.
function viaXhr(method: string, url: string, body: string): Promise<FlowOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = () => resolve({ status: xhr.status, text: `${method} ${url} → ${xhr.status} ${xhr.statusText}` });
    xhr.onerror = () => resolve({ status: 'blocked', text: `${method} ${url} → blocked (network error)` });
    xhr.send(body);
  });
}

/** A header set by the app itself; the tracker leaves an existing header alone (it checks Headers.has). */
function handSet(token: string | null | undefined): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  if (token) headers.set(TOKEN_HEADER_NAME, token);
  return headers;
}

export const FLOWS: Flow[] = [
  {
    id: 'load-profile',
    label: 'Load profile',
    hint: 'GET /api/users/42 — header added by the tracker',
    run: () => viaFetch('GET', '/api/users/42', { headers: { Accept: 'application/json' } }),
  },
  {
    id: 'save-order',
    label: 'Save order',
    hint: 'POST /api/orders (XHR, JSON) — header added by the tracker',
    run: () => viaXhr('POST', '/api/orders', JSON.stringify({ items: [{ sku: 'SKU-1042', qty: 2 }] })),
  },
  {
    id: 'checkout',
    label: 'Checkout',
    hint: 'POST /api/checkout — the server throws (500) and logs a stack trace',
    run: () =>
      viaFetch('POST', '/api/checkout', {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ cart: 'c-17', card: '4242' }),
      }),
  },
  {
    id: 'health',
    label: 'Health check',
    hint: 'GET /api/health — a fetch saved before the tracker started (bypasses it)',
    run: () => viaFetch('GET', '/api/health', {}, savedFetch),
  },
  {
    id: 'manual-header',
    label: 'Manual header',
    hint: 'GET /api/manual — header set by hand from tracker.getSessionToken()',
    run: ({ tracker }) => viaFetch('GET', '/api/manual', { headers: handSet(tracker.getSessionToken()) }),
  },
  {
    id: 'partner-blocked',
    label: 'Partner quote (strict CORS)',
    hint: 'GET <strict partner>/partner/quote — preflight does not allow the header',
    run: ({ config }) => viaFetch('GET', `${config.strictOrigin}/partner/quote`),
  },
  {
    id: 'partner-open',
    label: 'Partner rates (open CORS)',
    hint: 'GET <open partner>/partner/rates — preflight allows the header',
    run: ({ config }) => viaFetch('GET', `${config.openOrigin}/partner/rates`),
  },
  {
    id: 'legacy-report',
    label: 'Legacy report',
    hint: 'GET /api/legacy/report — carries the header, the backend does not tag its log',
    run: () => viaFetch('GET', '/api/legacy/report'),
  },
  {
    id: 'stale-token',
    label: 'Preferences (first token)',
    hint: 'GET /api/users/42/preferences — hand-set header with the first token this tab saw',
    run: ({ firstToken }) => viaFetch('GET', '/api/users/42/preferences', { headers: handSet(firstToken()) }),
  },
];

export const FORCE_NEW_FLOW: Flow = {
  id: 'force-new',
  label: 'Force new session',
  hint: 'tracker.stop(); tracker.start({ forceNew: true })',
  async run({ tracker, refreshSession }) {
    tracker.stop();
    const started = await tracker.start({ forceNew: true });
    refreshSession();
    if (!started.success) return { status: 'blocked', text: `start failed: ${started.reason}` };
    return { status: 'ok', text: `new session ${started.sessionID}: ${started.sessionToken}` };
  },
};
