import './timeline/timeline.css';
import './timeline/linking.css';
import { useState } from 'preact/hooks';
import { MAX_SKEW_MS } from '../../core/linking/link.ts';
import {
  MAX_REFRESH_SECONDS,
  MIN_REFRESH_SECONDS,
  clampRefreshSeconds,
  type LinkingModel,
} from '../state/linking-model.ts';
import { EndpointTagging } from './timeline/EndpointTagging.tsx';
import { SelectionDetails } from './timeline/SelectionDetails.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { formatTime } from '../../core/time-format.ts';
import { plural } from '../../core/search/present.ts';
import { useModel } from '../state/model.ts';
import { downloadText } from '../components/download.ts';

/** Which request caused this error? Requests and backend lines on one axis, linked. */
export function TimelineView() {
  const linking = useModel().linking;
  const [showNotExpected, setShowNotExpected] = useState(false);
  return (
    <section class="timeline-view" aria-labelledby="link-heading">
      <header class="link-head">
        <h2 id="link-heading">Timeline</h2>
        <span class="muted">
          this session’s requests and backend lines on one time axis, each error linked to its request
        </span>
      </header>
      <Controls linking={linking} showNotExpected={showNotExpected} onShowNotExpected={setShowNotExpected} />
      <Timeline linking={linking} showNotExpected={showNotExpected} />
      <SelectionDetails linking={linking} />
      <EndpointTagging linking={linking} />
      <Exports linking={linking} />
    </section>
  );
}

function SearchStatus({ linking }: { linking: LinkingModel }) {
  const run = linking.run.value;
  const a = linking.analysis.value;
  const errors = linking.linking.value.errors;
  const note = linking.lastRefresh.value;
  let text: string;
  if (run === null) text = 'No backend search yet.';
  else if (run.status === 'starting' || run.status === 'running')
    text = `Searching… ${a?.entries.length ?? 0} lines so far.`;
  else if (run.status === 'failed')
    text = `The last search failed: ${run.error?.message ?? 'unknown error'} (details in Backend errors).`;
  else if (run.status === 'cancelled') text = 'The last search was cancelled.';
  else {
    const linked = errors.filter((e) => e.candidates.length > 0).length;
    text = `${plural(a?.entries.length ?? 0, 'backend line')}, ${plural(errors.length, 'error')} (${linked} linked) — searched at ${formatTime(run.finishedAt ?? run.startedAt, 'clock')}.`;
  }
  return (
    <span class="link-status" data-testid="link-status" aria-live="polite">
      {text}
      {note && !note.started && ` Auto-refresh ${formatTime(note.at, 'clock')}: ${note.text}.`}
    </span>
  );
}

function Controls({
  linking,
  showNotExpected,
  onShowNotExpected,
}: {
  linking: LinkingModel;
  showNotExpected: boolean;
  onShowNotExpected: (on: boolean) => void;
}) {
  const running = (() => {
    const s = linking.run.value?.status;
    return s === 'starting' || s === 'running';
  })();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div class="link-controls">
      <button
        type="button"
        class="primary"
        data-testid="link-search"
        disabled={running}
        onClick={() => {
          const r = linking.searchNow();
          setMessage(r.started ? null : r.text);
        }}
      >
        {running ? 'Searching…' : 'Search backend'}
      </button>
      <label title="Added before each request's start and after its end when matching log times: the backend's clock may run ahead or behind the browser's.">
        Clock-skew tolerance ±
        <input
          type="number"
          min={0}
          max={MAX_SKEW_MS / 1000}
          step={0.5}
          value={linking.skewMs.value / 1000}
          data-testid="skew-input"
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLInputElement).value);
            if (Number.isFinite(v)) linking.skewMs.value = Math.min(MAX_SKEW_MS, Math.max(0, Math.round(v * 1000)));
          }}
        />
        s
      </label>
      <label>
        <input
          type="checkbox"
          checked={linking.autoRefresh.value}
          data-testid="auto-refresh"
          onChange={(e) => (linking.autoRefresh.value = (e.currentTarget as HTMLInputElement).checked)}
        />
        Auto-refresh every
      </label>
      <label>
        <input
          type="number"
          min={MIN_REFRESH_SECONDS}
          max={MAX_REFRESH_SECONDS}
          step={5}
          value={linking.refreshSeconds.value}
          aria-label="Auto-refresh interval in seconds"
          onChange={(e) =>
            (linking.refreshSeconds.value = clampRefreshSeconds(Number((e.currentTarget as HTMLInputElement).value)))
          }
        />
        s
      </label>
      <label>
        <input
          type="checkbox"
          checked={showNotExpected}
          onChange={(e) => onShowNotExpected((e.currentTarget as HTMLInputElement).checked)}
        />
        Show not-expected requests
      </label>
      <SearchStatus linking={linking} />
      {message && (
        <span class="notice notice-warn" role="status">
          {message}
        </span>
      )}
    </div>
  );
}

function Exports({ linking }: { linking: LinkingModel }) {
  const [reveal, setReveal] = useState(false);
  const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
  return (
    <div class="link-controls" aria-label="Export">
      <button
        type="button"
        data-testid="export-linked-md"
        onClick={() =>
          downloadText(`replay-link-report-${stamp()}.md`, linking.markdownReport(reveal), 'text/markdown')
        }
      >
        Download report (Markdown)
      </button>
      <button
        type="button"
        data-testid="export-linked-json"
        onClick={() => downloadText(`replay-link-report-${stamp()}.json`, linking.jsonReport(reveal))}
      >
        Download JSON
      </button>
      <label>
        <input
          type="checkbox"
          checked={reveal}
          onChange={(e) => setReveal((e.currentTarget as HTMLInputElement).checked)}
        />
        Show the token unmasked in exports
      </label>
    </div>
  );
}
