import type { AuditEntry } from '../../../core/audit/types.ts';
import { formatTime } from '../../../core/time-format.ts';
import { cellText, duration } from './format.ts';
import { originLabel } from '../../../core/audit/origin-label.ts';
import { VerdictBadge } from './VerdictBadge.tsx';
import { LinkedErrorCount } from '../timeline/LinkedErrors.tsx';

interface Props {
  entry: AuditEntry;
  /** Backend errors linked to this request, from the table's one map. */
  linked?: { count: number; unsure: number } | undefined;
  index: number;
  selected: boolean;
  onSelect: (index: number, open: boolean) => void;
}

export const rowDomId = (index: number) => `request-row-${index}`;

/** One request: text nodes only (URLs come from the page), the query dimmed after the path. */
export function RequestRow({ entry, linked, index, selected, onSelect }: Props) {
  const { req, result } = entry;
  const problem = result.verdict !== 'carries' && result.verdict !== 'not-expected';
  return (
    <div
      // Only the selected row needs an id (aria-activedescendant); ids on every row changed each scrolled frame.
      id={selected ? rowDomId(index) : undefined}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      class={`req-row${index % 2 === 1 ? ' odd' : ''}${selected ? ' selected' : ''}${problem ? ' problem' : ''}`}
      data-testid="request-row"
      data-verdict={result.verdict}
      data-url={req.url}
      onClick={() => onSelect(index, true)}
    >
      <span role="gridcell" class="c-method">
        {cellText(req.method, 12)}
      </span>
      <span role="gridcell" class="c-path" title={cellText(req.url, 2000)}>
        {req.path === '' ? cellText(req.url, 200) : cellText(req.path, 300)}
        {/* Always there, empty without a query: adding and removing it as rows scroll cost more than an empty span. */}
        <span class="query">{req.query === '' ? '' : cellText(req.query, 200)}</span>
      </span>
      <OriginCell origin={req.origin} own={req.origin !== '' && req.origin === req.pageOrigin} />
      <span
        role="gridcell"
        class={`c-status${req.status === 0 || req.status >= 400 ? ' bad' : ''}`}
        title={req.error ? cellText(req.error, 200) : undefined}
      >
        {req.status === 0 ? '(failed)' : req.status}
      </span>
      <span role="gridcell" class="c-type">
        {req.resourceType}
      </span>
      <span role="gridcell" class="c-verdict">
        <VerdictBadge verdict={result.verdict} />
        {linked && <LinkedErrorCount count={linked.count} unsure={linked.unsure} />}
      </span>
      <span role="gridcell" class="c-time" title={`took ${duration(req.durationMs)}`}>
        {formatTime(req.startedAt, 'clock')}
      </span>
    </div>
  );
}

/**
 * Host and port in full when they fit; when not, the start of the host gives way (ellipsis), then
 * its end, never the port. The page's own origin is marked. The marker span is always there, empty
 * when not needed: adding and removing nodes as rows scroll costs more.
 */
function OriginCell({ origin, own }: { origin: string; own: boolean }) {
  const label = originLabel(origin);
  const full = cellText(label.full, 300);
  return (
    <span
      role="gridcell"
      class="c-origin"
      title={own ? `${full} (this page's origin)` : full}
      data-testid="origin-cell"
    >
      <span class="o-own">{own ? 'page' : ''}</span>
      <span class="o-head">{cellText(label.head, 300)}</span>
      <span class="o-tail">{cellText(label.tail, 40)}</span>
      <span class="o-port">{label.port}</span>
    </span>
  );
}
