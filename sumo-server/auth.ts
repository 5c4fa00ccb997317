export interface Credential {
  accessId: string;
  accessKey: string;
  /** Only Enterprise accounts may use the Search Job API; false answers 403. Default true. */
  enterprise?: boolean;
}

export const DEFAULT_CREDENTIALS: Credential[] = [{ accessId: 'demo-access-id', accessKey: 'demo-access-key' }];

export interface BasicAuth {
  accessId: string;
  accessKey: string;
}

/** Reads `Authorization: Basic base64(id:key)`; undefined when absent or malformed. */
export function parseBasicAuth(header: string | undefined): BasicAuth | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { accessId: decoded.slice(0, colon), accessKey: decoded.slice(colon + 1) };
}

export type AuthResult = { ok: true; accessId: string } | { ok: false; status: 401 | 403 };

export function authenticate(auth: BasicAuth | undefined, credentials: readonly Credential[]): AuthResult {
  if (!auth) return { ok: false, status: 401 };
  const match = credentials.find((c) => c.accessId === auth.accessId && c.accessKey === auth.accessKey);
  if (!match) return { ok: false, status: 401 };
  if (match.enterprise === false) return { ok: false, status: 403 };
  return { ok: true, accessId: match.accessId };
}
