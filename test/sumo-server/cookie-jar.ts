/**
 * A tiny cookie jar: Node's fetch keeps no cookies, a browser does. Enough for the two cookies
 * the service sets (name, value, Path); a later Set-Cookie replaces the same name+path.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const pathAttr = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='));
      const path = pathAttr ? pathAttr.slice(5) : '/';
      this.cookies.set(`${name}\u0000${path}`, { name, value, path });
    }
  }

  /** The Cookie header a browser would send for this request path. */
  headerFor(requestPath: string): string | undefined {
    const matching = [...this.cookies.values()].filter(
      (c) => requestPath === c.path || requestPath.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
    );
    return matching.length > 0 ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  get(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }
}
