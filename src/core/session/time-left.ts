// "How long until the token expires", in words a panel can show next to the token.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Rounded down: "1 h 12 min" never promises more time than there is. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** The backend treats `expiresAt <= now` as expired, so does this. */
export function timeLeft(expiresAt: number, now: number): string {
  const diff = expiresAt - now;
  if (!Number.isFinite(diff)) return 'expiry unknown';
  if (diff > 0) return diff < SECOND ? 'less than 1 s left' : `${formatDuration(diff)} left`;
  if (-diff < SECOND) return 'expired just now';
  return `expired ${formatDuration(diff)} ago`;
}
