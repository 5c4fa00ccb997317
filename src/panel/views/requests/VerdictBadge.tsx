import { VERDICT_LABELS, type Verdict } from '../../../core/audit/types.ts';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span class={`verdict verdict-${verdict}`}>{VERDICT_LABELS[verdict]}</span>;
}
