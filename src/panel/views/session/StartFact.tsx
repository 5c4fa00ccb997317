import { useEffect, useState } from 'preact/hooks';
import { sessionStartOf } from '../../../core/session/session-id.ts';
import { startText } from '../../../core/session/session-start.ts';

/** The text for the session's start, refreshed each minute ("… 1 day ago" moves slowly). */
function useStartText(
  sessionId: string,
  knownStart: number | undefined,
): { text: string; plausible: boolean; fromId: boolean } {
  const compute = () => {
    const now = Date.now();
    const fromId = sessionStartOf(sessionId, now);
    if (fromId?.plausible) return { text: startText(fromId, now), plausible: true, fromId: true };
    // The ingest's own start time is trusted when the id itself does not encode one.
    if (knownStart !== undefined)
      return { text: startText({ plausible: true, startMs: knownStart }, now), plausible: true, fromId: false };
    return { text: fromId ? startText(fromId, now) : 'unknown', plausible: false, fromId: true };
  };
  const [state, setState] = useState(compute);
  useEffect(() => {
    setState(compute());
    const timer = setInterval(() => setState(compute()), 60_000);
    return () => clearInterval(timer);
  }, [sessionId, knownStart]);
  return state;
}

/** When the session started, decoded from its id (OpenReplay ids are time-based), or why not. */
export function StartFact({ sessionId, knownStart }: { sessionId: string; knownStart: number | undefined }) {
  const { text, plausible, fromId } = useStartText(sessionId, knownStart);
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
