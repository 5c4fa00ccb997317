import { isFetchOrXhr, isProblem, type AuditEntry, type TokenContext } from '../../../core/audit/types.ts';
import { describeAnswer, type TrackerPolicy } from '../../../core/audit/tracker-policy.ts';
import { FixSnippets } from './FixSnippets.tsx';
import { backendTagging } from './backend-tagging.ts';
import { HeaderList } from './HeaderList.tsx';
import { shownHeaders } from './header-mask.ts';
import { formatTime } from '../../../core/time-format.ts';
import { cellText, duration } from './format.ts';
import { useModel } from '../../state/model.ts';
import { VerdictBadge } from './VerdictBadge.tsx';
import { CurlButtons } from './CurlButtons.tsx';
import { curlAsSent, curlWithToken } from './curl-variants.ts';
import { LinkedErrors } from '../timeline/LinkedErrors.tsx';

interface Props {
  entry: AuditEntry;
  /** Lower-case names of the headers that count as session headers (from the audit's context). */
  sessionHeaderNames: ReadonlySet<string>;
  tokens: TokenContext;
  tracker: TrackerPolicy;
  onClose: () => void;
}

/** One request: its verdict with reason and fix, its facts, and its headers (token values masked). */
export function RequestDetail({ entry, sessionHeaderNames, tokens, tracker, onClose }: Props) {
  const { ui, linking } = useModel();
  const requestsUi = ui.requests;
  const { req, result } = entry;
  const reveal = requestsUi.reveal.value;
  const problem = isProblem(result.verdict);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <aside class="req-detail" data-testid="request-detail" aria-label="Request detail" onKeyDown={onKeyDown}>
      <header class="detail-head">
        <span class="detail-title" data-testid="detail-url">
          <strong>{cellText(req.method, 12)}</strong> {cellText(req.url, 2000)}
        </span>
        <button
          type="button"
          class="icon"
          aria-label="Close detail (Esc)"
          title="Close (Esc)"
          data-testid="detail-close"
          onClick={onClose}
        >
          ✕
        </button>
      </header>
      <div class="detail-body">
        <section class={`verdict-box verdict-box-${result.verdict}`} aria-label="Verdict">
          <div>
            <VerdictBadge verdict={result.verdict} />
          </div>
          <p data-testid="detail-reason">
            <span class="muted">Reason: </span>
            {result.reason}
          </p>
          {result.fix !== undefined && (
            <p data-testid="detail-fix">
              <span class="muted">{problem ? 'Fix: ' : 'To audit it: '}</span>
              {result.fix}
            </p>
          )}
          {result.note !== undefined && (
            <p data-testid="detail-note">
              <span class="muted">Note: </span>
              {result.note}
            </p>
          )}
          {tracker.hasMatcher && isFetchOrXhr(req.resourceType) && (
            <p data-testid="detail-matcher">
              <span class="muted">Your tokenUrlMatcher: </span>
              {describeAnswer(tracker.answers.get(req.url))}
            </p>
          )}
        </section>
        <FixSnippets entry={entry} backend={backendTagging(linking.tagging.value, req)} />
        <section class="detail-backend" aria-label="Backend errors of this request">
          <LinkedErrors requestId={req.id} onSelectError={(key) => ui.showErrorInTimeline(key)} />
        </section>
        <dl class="facts">
          <dt>Status</dt>
          <dd>
            {req.status === 0 ? 'no response' : req.status}
            {req.error ? ` (${cellText(req.error, 200)})` : ''}
          </dd>
          <dt>Type</dt>
          <dd>
            {req.resourceType}
            {req.initiatorType ? `, initiated by ${cellText(req.initiatorType, 40)}` : ''}
          </dd>
          <dt>Started</dt>
          <dd>
            {formatTime(req.startedAt, 'clock')}, took {duration(req.durationMs)}
          </dd>
          <dt>Page</dt>
          <dd>{cellText(req.pageUrl, 500)}</dd>
        </dl>
        <label class="check reveal">
          <input
            type="checkbox"
            data-testid="reveal-toggle"
            checked={reveal}
            onChange={(e) => (requestsUi.reveal.value = e.currentTarget.checked)}
          />
          Show token values unmasked
        </label>
        <CurlButtons
          asSent={curlAsSent(req, sessionHeaderNames, tokens, reveal)}
          withToken={curlWithToken(req, sessionHeaderNames, tokens, reveal, result.headerName)}
        />
        <HeaderList
          title="Request headers"
          testId="request-headers"
          headers={shownHeaders(req.requestHeaders, sessionHeaderNames, tokens, reveal)}
          highlight={result.headerName?.toLowerCase()}
        />
        <HeaderList
          title="Response headers"
          testId="response-headers"
          headers={shownHeaders(req.responseHeaders, sessionHeaderNames, tokens, reveal)}
        />
      </div>
    </aside>
  );
}
