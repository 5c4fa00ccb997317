import { newCookieValue } from './ids.ts';

export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    // A repeated name keeps the first value, as servlet containers do.
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

export interface SessionResolution {
  sessionId: string;
  /** True when the request brought no usable JSESSIONID, so a new one is issued. */
  isNew: boolean;
}

const MAX_SESSIONS = 20_000;

/**
 * JSESSIONID sessions, each owned by one access id. A job belongs to the session that created
 * it; a request without that cookie lands "on another node" and cannot see the job.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, string>();

  /** Whether the cookie header names a live session of this access id. */
  has(cookieHeader: string | undefined, accessId: string): boolean {
    const id = parseCookieHeader(cookieHeader).get('JSESSIONID');
    return id !== undefined && this.sessions.get(id) === accessId;
  }

  resolve(cookieHeader: string | undefined, accessId: string): SessionResolution {
    const id = parseCookieHeader(cookieHeader).get('JSESSIONID');
    if (id !== undefined && this.sessions.get(id) === accessId) return { sessionId: id, isNew: false };
    const sessionId = newCookieValue(24);
    this.sessions.set(sessionId, accessId);
    if (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return { sessionId, isNew: true };
  }

  clear(): void {
    this.sessions.clear();
  }
}

/**
 * Set-Cookie values for an /api response: JSESSIONID only when newly issued (like a servlet
 * container), AWSALB on every response (the load balancer rotates it).
 */
export function sessionCookies(session: SessionResolution): string[] {
  const cookies: string[] = [];
  if (session.isNew) cookies.push(`JSESSIONID=${session.sessionId}; Path=/api; HttpOnly`);
  cookies.push(`AWSALB=${newCookieValue(48)}; Path=/`);
  return cookies;
}
