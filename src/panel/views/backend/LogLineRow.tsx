import type { LogEntry } from '../../../core/logs/analysis.ts';
import { sourceText } from '../../../core/search/present.ts';
import { formatTime } from '../../../core/time-format.ts';
import { ROW_LINE_LIMIT, ROW_MAX_LINES } from '../../../core/logs/inert.ts';
import { LogText, inertLine } from './LogText.tsx';
import { ErrorRequests } from '../timeline/ErrorRequests.tsx';
import { useModel } from '../../state/model.ts';

/** One linked log line (a trace counts as one), newest first; errors marked. */
export function LogLineRow({ entry }: { entry: LogEntry }) {
  const { ui } = useModel();
  const isError = entry.classification.isError;
  const level = levelText(entry.classification.level, isError);
  return (
    <div class={`log-line ${isError ? 'is-error' : ''}`} data-testid="log-line" data-error={String(isError)}>
      <div class="line-meta">
        <time>{formatTime(entry.messageTime ?? entry.receiptTime, 'full')}</time>
        <span class={`level ${isError ? 'level-error' : ''}`}>{level}</span>
        <span class="muted">
          {inertLine(
            sourceText({ category: entry.sourceCategory, host: entry.sourceHost, name: entry.sourceName }),
            200,
          )}
        </span>
      </div>
      <LogText text={entry.raw} limit={ROW_LINE_LIMIT} maxLines={ROW_MAX_LINES} />
      {isError && <ErrorRequests entry={entry} onJump={ui.goToRequest} />}
    </div>
  );
}

const ERROR_LEVELS = new Set(['ERROR', 'FATAL', 'CRITICAL', 'SEVERE', 'PANIC', 'ALERT', 'EMERGENCY']);

/** The level as logged; a line that is an error by its content (a trace, a 5xx) says so too. */
function levelText(level: string | undefined, isError: boolean): string {
  if (!isError) return level ?? '—';
  if (level !== undefined && ERROR_LEVELS.has(level)) return level;
  return level === undefined ? 'error' : `${level} · error`;
}
