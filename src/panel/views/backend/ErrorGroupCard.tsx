import type { LogEntry } from '../../../core/logs/analysis.ts';
import type { ErrorGroup } from '../../../core/logs/group.ts';
import { LANGUAGE_LABELS, sourceText } from '../../../core/search/present.ts';
import { formatTime } from '../../../core/time-format.ts';
import { LogText, inertLine } from './LogText.tsx';
import { ErrorRequests } from '../timeline/ErrorRequests.tsx';
import { useModel } from '../../state/model.ts';

const MAX_FRAMES = 12;

/** Identical errors as one card: how often, first and last seen, where from, and the newest trace made readable. */
export function ErrorGroupCard({ group }: { group: ErrorGroup<LogEntry> }) {
  const { ui } = useModel();
  const { sample } = group;
  const stack = sample.stack;
  const frames = stack.frames;
  return (
    <article
      class="error-group"
      data-testid="error-group"
      aria-label={`${group.count} × ${inertLine(group.headline, 120)}`}
    >
      <header class="group-head">
        <span class="group-count" title="Occurrences" aria-label={`${group.count} occurrences`}>
          <span data-testid="group-count">{group.count}</span>×
        </span>
        <span class="group-headline" data-testid="group-headline">
          {inertLine(group.headline || sample.raw)}
        </span>
        {stack.language && <span class="badge">{LANGUAGE_LABELS[stack.language]}</span>}
      </header>
      <dl class="group-facts">
        <div>
          <dt>First seen</dt>
          <dd data-testid="group-first-seen">{formatTime(group.firstSeen, 'full')}</dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd data-testid="group-last-seen">{formatTime(group.lastSeen, 'full')}</dd>
        </div>
        <div class="wide">
          <dt>Source</dt>
          <dd data-testid="group-source">{group.sources.map((s) => inertLine(sourceText(s), 200)).join('; ')}</dd>
        </div>
      </dl>
      {frames.length > 0 && (
        <ol class="frames" aria-label="Stack frames, as logged">
          {frames.slice(0, MAX_FRAMES).map((f, i) => (
            <li key={i}>
              <span class="fn">{inertLine(f.fn ?? f.text, 200)}</span>
              {f.file && (
                <span class="loc">
                  {' '}
                  {inertLine(f.file, 200)}
                  {f.line !== undefined ? `:${f.line}` : ''}
                </span>
              )}
              {f.code && <span class="code"> — {inertLine(f.code, 200)}</span>}
            </li>
          ))}
          {frames.length > MAX_FRAMES && <li class="muted">… {frames.length - MAX_FRAMES} more frames</li>}
        </ol>
      )}
      {/* A group, not a region: one per card, and regions must be told apart by name. */}
      <div class="group-requests" role="group" aria-label="Request of the newest occurrence">
        <ErrorRequests entry={sample} onJump={ui.goToRequest} />
      </div>
      {stack.causes.length > 0 && (
        <p class="causes">Caused by: {stack.causes.map((c) => inertLine(c, 300)).join(' ← ')}</p>
      )}
      <details class="raw">
        <summary>Newest occurrence as logged{sample.parts > 1 ? ` (${sample.parts} lines joined)` : ''}</summary>
        <LogText text={sample.raw} />
      </details>
    </article>
  );
}
