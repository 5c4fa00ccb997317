import type { SessionView } from '../../../core/session/session-view.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ExpiryFact } from './ExpiryFact.tsx';
import { StartFact } from './StartFact.tsx';
import { activeLabel, frameLabel, sourcesLabel } from './labels.ts';
import { formatTime } from '../../../core/time-format.ts';
import { safeHttpUrl } from '../../../core/safe-url.ts';
import { inertText } from '../../../core/audit/mask.ts';
import { checkReplayLink } from '../../../core/session/replay-link.ts';
import { STORAGE_FORMAT_LABEL } from '../../../core/session/storage-formats.ts';

/** Everything known about the session in use, as a definition list. Page text is only ever text. */
export function SessionFacts({ view, ingestUrls = [] }: { view: SessionView; ingestUrls?: readonly string[] }) {
  const href = safeHttpUrl(view.sessionUrl);
  const linkCheck = href
    ? checkReplayLink(href, view.ingestBase !== undefined ? [view.ingestBase, ...ingestUrls] : ingestUrls)
    : null;
  const others = view.sources.filter((s) => s !== view.source);
  return (
    <dl class="session-facts" data-testid="session-facts">
      <dt>Token</dt>
      <dd class="token-cell">
        {view.token !== null ? (
          <>
            <code class="token" data-testid="current-token">
              {inertText(view.token, 400)}
            </code>
            <CopyButton text={view.token} label="Copy the session token" testId="copy-token" />
          </>
        ) : (
          <span class="muted" data-testid="no-token">
            none: only a session id was entered, so searches look for its id tag and for any token of this session
          </span>
        )}
      </dd>

      <dt>Session id</dt>
      <dd>
        <code data-testid="session-id">{view.sessionId}</code>{' '}
        <CopyButton text={view.sessionId} label="Copy the session id" testId="copy-session-id" />
      </dd>

      <dt>Found in</dt>
      <dd>
        <span data-testid="token-source">{view.source}</span>
        {view.storageFormat !== undefined && view.sources.includes('sessionStorage') && (
          <span class="muted" data-testid="storage-format">
            {' '}
            (sessionStorage as {STORAGE_FORMAT_LABEL[view.storageFormat]})
          </span>
        )}
        {!view.enteredByHand && (
          <>
            {' '}
            <span class="muted">
              · <span data-testid="token-frame">{frameLabel(view)}</span>
              {view.frameUrl ? (
                <>
                  : <span class="frame-url">{inertText(view.frameUrl, 300)}</span>
                </>
              ) : null}
            </span>
          </>
        )}
        {others.length > 0 && <div class="muted">also in: {sourcesLabel(others)}</div>}
      </dd>

      {view.decoded && <ExpiryFact expiresAt={view.decoded.expiresAt} />}
      <StartFact sessionId={view.sessionId} knownStart={view.startTimestamp} />
      {view.firstSeen !== undefined && (
        <>
          <dt>First seen</dt>
          <dd>{formatTime(view.firstSeen, 'recent')}</dd>
        </>
      )}
      {!view.enteredByHand && (
        <>
          <dt>Tracker active</dt>
          <dd data-testid="tracker-active">{activeLabel(view.isActive)}</dd>
        </>
      )}
      {view.projectKey !== undefined && (
        <>
          <dt>Project key</dt>
          <dd>
            <code data-testid="project-key">{inertText(view.projectKey, 120)}</code>
          </dd>
        </>
      )}
      {view.projectId !== undefined && (
        <>
          <dt>Project id</dt>
          <dd>
            <code>{view.projectId}</code>
          </dd>
        </>
      )}
      {view.trackerVersion !== undefined && (
        <>
          <dt>Tracker version</dt>
          <dd>
            <code data-testid="tracker-version">{inertText(view.trackerVersion, 60)}</code>
          </dd>
        </>
      )}
      {view.sessionUrl !== undefined && (
        <>
          <dt>Replay</dt>
          <dd>
            {href ? (
              <>
                <a href={href} target="_blank" rel="noopener noreferrer" data-testid="session-url">
                  {inertText(href, 300)}
                </a>
                {linkCheck && !linkCheck.expected && (
                  <span class="claim-note" data-testid="session-url-claim">
                    {' '}
                    — {inertText(linkCheck.note, 400)}
                  </span>
                )}
              </>
            ) : (
              <span class="frame-url">{inertText(view.sessionUrl, 300)}</span>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}
