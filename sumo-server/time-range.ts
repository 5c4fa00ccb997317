import { utcFromFields, zoneOffsetMs } from './timestamps.ts';

export type TimeParse = { ok: true; ms: number } | { ok: false; reason: 'invalid' | 'timezone' };

const ISO_SEARCH = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})?$/;

export function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function offsetAt(utcMs: number, tz: string): number {
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = dtf.formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Wall-clock time in an IANA zone → UTC ms (two passes settle DST edges). */
export function zonedToUtc(localAsUtc: number, tz: string): number {
  const first = localAsUtc - offsetAt(localAsUtc, tz);
  return localAsUtc - offsetAt(first, tz);
}

/**
 * Reads a create-body `from`/`to`: epoch milliseconds (number or digit string), or
 * `YYYY-MM-DDTHH:mm:ss[.SSS]` in `timeZone`. Relative times (`-15m`) are refused like the API does.
 */
export function parseSearchTime(value: unknown, timeZone: string | undefined): TimeParse {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 ? { ok: true, ms: value } : { ok: false, reason: 'invalid' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'invalid' };
  if (/^\d{1,15}$/.test(value)) return { ok: true, ms: Number(value) };
  const m = ISO_SEARCH.exec(value);
  if (!m) return { ok: false, reason: 'invalid' };
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const local = utcFromFields(
    Number(y),
    Number(mo),
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number((frac ?? '').padEnd(3, '0')),
  );
  if (local === undefined) return { ok: false, reason: 'invalid' };
  if (zone) return { ok: true, ms: local - zoneOffsetMs(zone) };
  if (timeZone === undefined || !isKnownTimeZone(timeZone)) return { ok: false, reason: 'timezone' };
  return { ok: true, ms: zonedToUtc(local, timeZone) };
}
