/** A timestamp found at the start of a log line, as the HTTP source detects it. */
export interface LeadingTimestamp {
  ms: number;
  /** Characters of the line the timestamp used (for `_format`). */
  length: number;
  /** Java-style pattern name recorded in `_format`. */
  pattern: string;
}

// Optional `[` so `[2026-11-26 13:09:10,333] ERROR …` is recognised too.
const ISO_LIKE =
  /^\[?(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?(?![\d])/;
const EPOCH_MS = /^\[?(\d{13})(?![\d.])/;
const EPOCH_S = /^\[?(\d{10})(?:\.(\d{1,6}))?(?![\d])/;

/** UTC milliseconds for calendar fields, or undefined when a field is out of range (e.g. month 13). */
export function utcFromFields(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number | undefined {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(t);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  return t;
}

function fractionToMs(fraction: string | undefined): number {
  if (!fraction) return 0;
  return Math.floor(Number(`0.${fraction}`) * 1000 + 1e-6);
}

/** `+02:00`, `+0200` or `Z` → offset in ms east of UTC. */
export function zoneOffsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/**
 * Finds a timestamp at the very start of a line. A time without a zone is read as UTC:
 * that is the HTTP source's default when no time zone is configured for it.
 */
export function parseLeadingTimestamp(line: string): LeadingTimestamp | undefined {
  const iso = ISO_LIKE.exec(line);
  if (iso) {
    const [whole, y, mo, d, h, mi, s, frac, zone] = iso;
    const base = utcFromFields(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), fractionToMs(frac));
    if (base === undefined) return undefined;
    const ms = zone ? base - zoneOffsetMs(zone) : base;
    const sep = whole.includes('T') ? "'T'" : ' ';
    const fracSep = frac ? (whole.includes(',') ? ',SSS' : '.SSS') : '';
    return { ms, length: whole.length, pattern: `yyyy-MM-dd${sep}HH:mm:ss${fracSep}${zone ? 'XXX' : ''}` };
  }
  const epochMs = EPOCH_MS.exec(line);
  if (epochMs) return { ms: Number(epochMs[1]), length: epochMs[0].length, pattern: 'epoch-ms' };
  const epochS = EPOCH_S.exec(line);
  if (epochS) {
    return { ms: Number(epochS[1]) * 1000 + fractionToMs(epochS[2]), length: epochS[0].length, pattern: 'epoch-s' };
  }
  return undefined;
}
