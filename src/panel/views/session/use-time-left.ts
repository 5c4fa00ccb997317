import { useEffect, useState } from 'preact/hooks';
import { timeLeft } from '../../../core/session/time-left.ts';

/**
 * "1 h 59 min left", refreshed every second while the Session area is mounted and the panel is
 * visible. The state is the rendered text, so a tick that changes nothing on screen costs no render.
 */
export function useTimeLeft(expiresAt: number, everyMs = 1000): string {
  const [text, setText] = useState(() => timeLeft(expiresAt, Date.now()));
  useEffect(() => {
    const tick = () => {
      if (!document.hidden) setText(timeLeft(expiresAt, Date.now()));
    };
    tick();
    const timer = setInterval(tick, everyMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [expiresAt, everyMs]);
  return text;
}
