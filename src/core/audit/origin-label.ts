// How an origin is shown in a narrow column: the start of the host gives way, its end and the port never do.

/** Origins are short; anything past this is not an origin a column needs to show. */
const MAX_ORIGIN = 300;
/** How much of the host's end always stays visible: enough for `example.com` vs `example.co`. */
export const TAIL_HOST_CHARS = 12;

export interface OriginLabel {
  /** The origin as captured, bounded: for the tooltip. */
  full: string;
  /** The start of the host: the part that may be cut (with an ellipsis) when the column is narrow. */
  head: string;
  /** The end of the host: shown in full unless the column is very narrow. */
  tail: string;
  /** `:port` or `''`: always shown. */
  port: string;
}

const WEB_SCHEME = /^https?:\/\//i;
const PORT = /:\d{1,5}$/;

/**
 * Splits `scheme://host:port` for display. http(s) schemes are dropped (the tooltip has them); the
 * last TAIL_HOST_CHARS characters of the host (from a label start when one is near) form the tail. Linear in a bounded prefix.
 */
export function originLabel(origin: string): OriginLabel {
  const full = origin.length > MAX_ORIGIN ? origin.slice(0, MAX_ORIGIN) : origin;
  const shown = full.replace(WEB_SCHEME, '');
  const port = PORT.exec(shown)?.[0] ?? '';
  const host = shown.slice(0, shown.length - port.length);
  let cut = Math.max(0, host.length - TAIL_HOST_CHARS);
  // Start the tail at a label when one starts soon after: `.example.com` reads better than `e.example.com`.
  const dot = cut > 0 ? host.indexOf('.', cut) : -1;
  if (dot !== -1 && host.length - dot >= 4) cut = dot;
  // Never split a surrogate pair between the two parts.
  if (cut > 0 && /[\uDC00-\uDFFF]/.test(host.charAt(cut))) cut++;
  return { full, head: host.slice(0, cut), tail: host.slice(cut), port };
}
