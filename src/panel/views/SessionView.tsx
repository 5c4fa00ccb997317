import './session.css';
import { useModel } from '../state/model.ts';
import { ManualBanner } from './session/ManualBanner.tsx';
import { ManualEntry } from './session/ManualEntry.tsx';
import { NoSession } from './session/NoSession.tsx';
import { PageNotes } from './session/PageNotes.tsx';
import { SessionFacts } from './session/SessionFacts.tsx';
import { SessionHistory } from './session/SessionHistory.tsx';
import { SessionStatusBadge } from './session/SessionStatusBadge.tsx';
import { NotRecording, TrackerSetup } from './session/TrackerSetup.tsx';
import { notRecordingText } from '../../core/session/recording.ts';

/** The page's OpenReplay session (or one entered by hand) and the tokens seen in this tab. */
export function SessionView() {
  const { devtools } = useModel();
  const s = devtools.session.value;
  return (
    <section class="session-view" aria-labelledby="session-heading">
      <header class="session-head">
        <h2 id="session-heading">Session</h2>
        <SessionStatusBadge state={s} />
        <button type="button" class="quiet" data-testid="session-refresh" onClick={() => devtools.refreshSession()}>
          Check again
        </button>
      </header>
      {s.manual && <ManualBanner detected={s.detected} onBack={() => devtools.clearByHand()} />}
      <NotRecording state={s} />
      {s.current ? (
        <SessionFacts view={s.current} ingestUrls={devtools.capture.value?.ingestUrls ?? []} />
      ) : (
        notRecordingText(s) === null && <NoSession state={s} />
      )}
      <TrackerSetup state={s} askMatcher={devtools.scope.value.askTrackerMatcher} />
      <PageNotes state={s} />
      <ManualEntry onAccept={(input) => devtools.enterByHand(input)} />
      <SessionHistory state={s} />
    </section>
  );
}
