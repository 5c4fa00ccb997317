import { VERDICT_LABELS, type Verdict } from '../../../core/audit/types.ts';

const LEGEND: ReadonlyArray<[Verdict, string]> = [
  ['carries', VERDICT_LABELS.carries],
  ['stale', VERDICT_LABELS.stale],
  ['foreign', VERDICT_LABELS.foreign],
  ['missing', VERDICT_LABELS.missing],
  ['blocked', VERDICT_LABELS.blocked],
  ['outside-scope', VERDICT_LABELS['outside-scope']],
  ['not-expected', VERDICT_LABELS['not-expected']],
];

/** What the Timeline's colours and shapes mean, drawn with the same classes as the marks. */
export function Legend() {
  return (
    <ul class="tl-legend" aria-label="Legend">
      {LEGEND.map(([v, label]) => (
        <li key={v}>
          <svg width="14" height="10" aria-hidden="true">
            <rect x="0" y="1" width="14" height="8" rx="2" class={`tl-req v-${v}`} />
          </svg>
          {label}
        </li>
      ))}
      <li>
        <svg width="10" height="12" aria-hidden="true">
          <line x1="5" x2="5" y1="0" y2="12" class="tl-log" />
        </svg>
        backend line
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <path d="M7 0L14 7L7 14L0 7Z" class="tl-err" />
        </svg>
        backend error
      </li>
    </ul>
  );
}
