import type { FetchLike } from '../../../src/sumo/client.ts';

/**
 * Node's fetch keeps no cookies; a browser (credentials: 'include') does. This wraps fetch with a
 * minimal jar (name + path, per origin), enough for JSESSIONID/AWSALB routing.
 */
export function cookieFetch(
  inner: FetchLike = (input, init) => fetch(input, init),
): FetchLike & { cookies(): string[] } {
  const jar = new Map<string, { origin: string; name: string; value: string; path: string }>();
  const wrapped = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const matching = [...jar.values()].filter((c) => c.origin === url.origin && url.pathname.startsWith(c.path));
    const headers = new Headers(init.headers);
    if (matching.length > 0) headers.set('cookie', matching.map((c) => `${c.name}=${c.value}`).join('; '));
    const response = await inner(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const pathAttr = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='));
      const path = pathAttr ? pathAttr.slice(5) : '/';
      jar.set(`${url.origin} ${name} ${path}`, { origin: url.origin, name, value: pair.slice(eq + 1).trim(), path });
    }
    return response;
  };
  return Object.assign(wrapped, { cookies: () => [...jar.values()].map((c) => `${c.name}@${c.path}`).sort() });
}
