// Why a cross-origin request that tried to carry the session header never got a response.
// Chromium records the CORS preflight as its own HAR entry (OPTIONS, _resourceType "preflight"),
// which may reach us before or after the request it belongs to.

import { headerValue } from './har.ts';
import { inertText } from './mask.ts';
import { TimeIndex } from './time-index.ts';
import type { CapturedRequest } from './types.ts';

/** How far apart (ms) a preflight and its request may start and still be paired. */
export const PREFLIGHT_PAIR_WINDOW_MS = 10_000;

/** Preflights by URL and start time: each failed request finds its own in O(log n). */
export class PreflightIndex {
  readonly #index = new TimeIndex<CapturedRequest>((r) => r.startedAt);

  get size(): number {
    return this.#index.size;
  }

  add(preflight: CapturedRequest): void {
    this.#index.add(preflight.url, preflight);
  }

  remove(preflight: CapturedRequest): void {
    this.#index.remove(preflight.url, preflight);
  }

  clear(): void {
    this.#index.clear();
  }

  /** The preflight of `url` that started closest to `startedAt`, within the pairing window. */
  find(url: string, startedAt: number, windowMs = PREFLIGHT_PAIR_WINDOW_MS): CapturedRequest | undefined {
    return this.#index.nearest(url, startedAt, windowMs);
  }
}

export interface CorsDiagnosis {
  reason: string;
  fix: string;
  preflight?: CapturedRequest;
}

/** Comma-separated header list → lower-case items. */
export function parseHeaderList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

const SIMPLE_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** A request that never got a response (what Chromium records for a CORS refusal). */
export function hasFailed(req: CapturedRequest): boolean {
  return req.status === 0;
}

/**
 * Diagnoses a failed request that tried to send `headerLower`, given its preflight if one was
 * captured. Null means "not blocked by CORS as far as we can tell" (it did not fail, or it was
 * aborted by the page, or it failed in a way CORS does not explain).
 */
export function diagnoseCors(
  req: CapturedRequest,
  preflight: CapturedRequest | undefined,
  headerLower: string,
): CorsDiagnosis | null {
  if (!hasFailed(req)) return null;
  const origin = req.origin;
  const pageOrigin = req.pageOrigin;
  const target = inertText(origin);
  const error = req.error !== undefined ? inertText(req.error, 80) : 'no response';

  if (preflight === undefined) {
    if (origin === pageOrigin) return null;
    if (req.error !== undefined && req.error !== 'net::ERR_FAILED') return null;
    return {
      reason: `the request to ${target} failed (${error}) and no CORS preflight for it was captured — most likely CORS refused it`,
      fix: `make ${target} answer OPTIONS ${inertText(req.path, 120)} with 2xx, Access-Control-Allow-Origin: ${inertText(pageOrigin)} and Access-Control-Allow-Headers: ${headerLower}`,
    };
  }

  if (preflight.status === 0) {
    const pErr = preflight.error !== undefined ? inertText(preflight.error, 80) : 'no response';
    return {
      reason: `the preflight to ${target} failed at the network level (${pErr})`,
      fix: `make sure ${target} is reachable and answers OPTIONS ${inertText(req.path, 120)}`,
      preflight,
    };
  }
  if (preflight.status < 200 || preflight.status > 299) {
    return {
      reason: `the preflight to ${target} answered HTTP ${preflight.status}`,
      fix: `answer OPTIONS ${inertText(req.path, 120)} with 2xx and Access-Control-Allow-Headers: ${headerLower}`,
      preflight,
    };
  }

  const h = preflight.responseHeaders;
  // Credentialed requests get no wildcard; Cookie among the request headers is the only sign HAR gives.
  const credentialed = headerValue(req.requestHeaders, 'cookie') !== undefined;

  const acao = headerValue(h, 'access-control-allow-origin');
  if (acao === undefined) {
    return {
      reason: `the preflight to ${target} answered without Access-Control-Allow-Origin`,
      fix: `answer it with Access-Control-Allow-Origin: ${inertText(pageOrigin)}`,
      preflight,
    };
  }
  const acaoTrim = acao.trim();
  if (!(acaoTrim === pageOrigin || (acaoTrim === '*' && !credentialed))) {
    return {
      reason: `the preflight to ${target} answered Access-Control-Allow-Origin: ${inertText(acaoTrim, 120)}`,
      fix: `answer it with Access-Control-Allow-Origin: ${inertText(pageOrigin)}`,
      preflight,
    };
  }

  const acahRaw = headerValue(h, 'access-control-allow-headers');
  const acah = parseHeaderList(acahRaw);
  const headerAllowed = acah.includes(headerLower) || (acah.includes('*') && !credentialed);
  if (!headerAllowed) {
    return {
      reason:
        acahRaw === undefined
          ? `the preflight to ${target} answered without Access-Control-Allow-Headers`
          : `the preflight to ${target} answered Access-Control-Allow-Headers: ${inertText(acahRaw.trim(), 200)}`,
      fix: `add ${headerLower} to its Access-Control-Allow-Headers`,
      preflight,
    };
  }

  if (!SIMPLE_METHODS.has(req.method)) {
    const acamRaw = headerValue(h, 'access-control-allow-methods');
    const acam = parseHeaderList(acamRaw).map((m) => m.toUpperCase());
    if (!(acam.includes(req.method) || (acam.includes('*') && !credentialed))) {
      return {
        reason:
          acamRaw === undefined
            ? `the preflight to ${target} answered without Access-Control-Allow-Methods`
            : `the preflight to ${target} answered Access-Control-Allow-Methods: ${inertText(acamRaw.trim(), 120)}`,
        fix: `add ${req.method} to its Access-Control-Allow-Methods`,
        preflight,
      };
    }
  }

  // The page itself cancelled it (navigation, AbortController): the header was allowed.
  if (req.error === 'net::ERR_ABORTED') return null;
  return {
    reason: `the request to ${target} failed at the network level (${error}) right after its preflight, which allowed ${headerLower}`,
    fix: `make the actual response of ${target} carry Access-Control-Allow-Origin: ${inertText(pageOrigin)} too`,
    preflight,
  };
}
