import { useEffect, useState } from 'preact/hooks';
import { sessionStartOf } from '../../../core/session/session-id.ts';
import { startText } from '../../../core/session/session-start.ts';

/** Now, moved on once a minute ("… 1 day ago" changes slowly). */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function startFacts(
  sessionId: string,
  knownStart: number | undefined,
  now: number,
): { text: string; plausible: boolean; fromId: boolean } {
  const fromId = sessionStartOf(sessionId, now);
  if (fromId?.plausible) return { text: startText(fromId, now), plausible: true, fromId: true };
  // The ingest's own start time is trusted when the id itself does not encode one.
  if (knownStart !== undefined)
    return { text: startText({ plausible: true, startMs: knownStart }, now), plausible: true, fromId: false };
  return { text: fromId ? startText(fromId, now) : 'unknown', plausible: false, fromId: true };
}

/** When the session started, decoded from its id (OpenReplay ids are time-based), or why not. */
export function StartFact({ sessionId, knownStart }: { sessionId: string; knownStart: number | undefined }) {
  // Derived in render, so another session never shows the previous one's start for a frame.
  const { text, plausible, fromId } = startFacts(sessionId, knownStart, useMinuteClock());
  return (
    <>
      <dt>Started</dt>
      <dd>
        <span data-testid="session-start" class={plausible ? undefined : 'start-implausible'}>
          {text}
        </span>{' '}
        {plausible && <span class="muted">({fromId ? 'from the session id' : 'from the ingest start response'})</span>}
      </dd>
    </>
  );
}
