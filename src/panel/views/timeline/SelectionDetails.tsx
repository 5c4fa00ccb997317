import { inertText } from '../../../core/audit/mask.ts';
import { VERDICT_LABELS } from '../../../core/audit/types.ts';
import { logTimeOf } from '../../../core/linking/link.ts';
import { logKey } from '../../../core/linking/selection.ts';
import type { LinkingModel } from '../../state/linking-model.ts';
import { ErrorRequests } from './ErrorRequests.tsx';
import { LinkedErrors } from './LinkedErrors.tsx';
import { formatTime } from '../../../core/time-format.ts';
import { logFirstLine } from '../../../core/logs/first-line.ts';

function OutLink({ href, label, testid }: { href: string | null; label: string; testid: string }) {
  return href === null ? null : (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testid}>
      {label}
    </a>
  );
}

/** What is selected in the timeline: a request with its errors, or an error with its requests. */
export function SelectionDetails({ linking }: { linking: LinkingModel }) {
  const sel = linking.selection.value;
  if (sel === null) {
    return (
      <p class="muted" data-testid="selection-details">
        Click a request or a backend error in the timeline (or focus it and press Enter) to see what it is linked to.
      </p>
    );
  }
  if (sel.kind === 'request') {
    const req = linking.requestsById.value.get(sel.id);
    const entry = linking.entries.value.find((e) => e.req.id === sel.id);
    if (!req)
      return (
        <p class="muted" data-testid="selection-details">
          That request is no longer in the audit (cleared or dropped).
        </p>
      );
    return (
      <div class="sel-details" data-testid="selection-details" data-kind="request" data-request-id={req.id}>
        <h3>
          {req.method} {inertText(req.path, 200)} → {req.status === 0 ? 'no response' : req.status}
        </h3>
        <div class="muted">
          {formatTime(req.startedAt, 'clock')} · {Math.round(req.durationMs)} ms ·{' '}
          {entry ? VERDICT_LABELS[entry.result.verdict] : ''} · <span class="mono">{inertText(req.url, 300)}</span>
        </div>
        <LinkedErrors requestId={req.id} linking={linking} />
        <div class="out-links">
          <OutLink
            href={linking.replayUrlAt(req.startedAt)}
            label="Open the replay at this request"
            testid="open-replay"
          />
        </div>
      </div>
    );
  }
  const link = linking.linking.value.errors.find((e) => logKey(e.log) === sel.key);
  if (!link)
    return (
      <p class="muted" data-testid="selection-details">
        That error is not part of the current search any more.
      </p>
    );
  const t = logTimeOf(link.log);
  return (
    <div class="sel-details" data-testid="selection-details" data-kind="error">
      <h3>Backend error{t === undefined ? '' : ` at ${formatTime(t, 'clock')}`}</h3>
      <div class="sel-line" data-testid="selected-error-line">
        {logFirstLine(link.log.raw, 600)}
      </div>
      <ErrorRequests entry={link.log} linking={linking} />
      <div class="out-links">
        <OutLink
          href={t === undefined ? null : linking.sumoUrlAt(t)}
          label="Open in SumoLogic around this time"
          testid="open-sumo"
        />
        <OutLink
          href={t === undefined ? null : linking.replayUrlAt(t)}
          label="Open the replay at this time"
          testid="open-replay"
        />
      </div>
    </div>
  );
}
