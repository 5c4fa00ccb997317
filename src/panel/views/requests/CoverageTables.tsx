import { useMemo } from 'preact/hooks';
import type { AuditStore } from '../../../core/audit/audit-store.ts';
import { computeCoverage, formatPercentage, type CoverageCounts } from '../../../core/audit/coverage.ts';
import { cellText, plural } from './format.ts';
import { useModel } from '../../state/model.ts';
import type { UiState } from '../../state/ui-model.ts';

interface Props {
  store: AuditStore;
  version: number;
  /** The inspected page's origin: its endpoints are shown by path alone. */
  pageOrigin: string;
}

/** Rows shown per table; the JSON export has them all. */
const MAX_ROWS = 300;

function quoted(v: string): string {
  return /[\s"]/.test(v) ? `"${v.replace(/["\\]/g, '\\$&')}"` : v;
}

function showRequests(ui: UiState, filter: string): void {
  ui.requests.filterText.value = filter;
  ui.requests.tab.value = 'table';
}

function Counts({ c }: { c: CoverageCounts }) {
  const wrong = c.stale + c.foreign;
  return (
    <>
      <td class="num pct" data-testid="coverage-pct">
        <span class="bar" aria-hidden="true">
          <span style={{ width: c.percentage === null ? '0' : `${Math.min(100, c.percentage)}%` }} />
        </span>
        {formatPercentage(c.percentage)}
      </td>
      <td class="num">{c.requests.toLocaleString('en')}</td>
      <td class="num ok">{c.carrying.toLocaleString('en')}</td>
      <td class={`num${c.missing > 0 ? ' bad' : ''}`}>{c.missing.toLocaleString('en')}</td>
      <td class={`num${c.blocked > 0 ? ' bad' : ''}`}>{c.blocked.toLocaleString('en')}</td>
      <td class={`num${wrong > 0 ? ' warn' : ''}`}>{wrong.toLocaleString('en')}</td>
      <td class={`num${c.outsideScope > 0 ? ' warn' : ''}`}>{c.outsideScope.toLocaleString('en')}</td>
      <td class="num muted">{c.notExpected.toLocaleString('en')}</td>
    </>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" class="num" title="Carrying ÷ in-scope requests">
          Coverage
        </th>
        <th scope="col" class="num">
          Requests
        </th>
        <th scope="col" class="num">
          Carrying
        </th>
        <th scope="col" class="num">
          Missing
        </th>
        <th scope="col" class="num">
          Blocked
        </th>
        <th scope="col" class="num" title="Stale or foreign token">
          Stale/foreign
        </th>
        <th scope="col" class="num" title="The current token sent where the scope leaves it out">
          Outside scope
        </th>
        <th scope="col" class="num">
          Not expected
        </th>
      </tr>
    </thead>
  );
}

/** Coverage per endpoint (method + path template) and per origin; a row click shows its requests. */
export function CoverageTables({ store, version, pageOrigin }: Props) {
  const { ui } = useModel();
  const coverage = useMemo(() => computeCoverage(store.entries()), [store, version]);
  const { summary, endpoints, origins } = coverage;
  return (
    <div class="coverage" data-testid="coverage-view">
      <p class="coverage-line" data-testid="coverage-line">
        {summary.inScope === 0
          ? 'No captured request is in the audit scope yet.'
          : `${formatPercentage(summary.percentage)} of ${plural(summary.inScope, 'in-scope request')} carry the current token; ${plural(summary.problems, 'problem')}.`}
        <span class="muted"> Select a row to see its requests.</span>
      </p>
      <h3>By endpoint</h3>
      <table class="cov-table" data-testid="coverage-endpoints">
        <Head first="Endpoint" />
        <tbody>
          {endpoints.slice(0, MAX_ROWS).map((e) => (
            <tr key={e.key} data-testid="coverage-endpoint" data-key={e.key}>
              <th scope="row">
                <button
                  type="button"
                  class="link"
                  title={`${cellText(e.key, 500)} — show its requests`}
                  onClick={() =>
                    showRequests(ui, `method:${quoted(e.method)} origin:${quoted(e.origin)} path:${quoted(e.template)}`)
                  }
                >
                  <span class="m">{cellText(e.method, 12)}</span>{' '}
                  {e.origin !== pageOrigin && <span class="muted">{cellText(e.origin, 120)}</span>}
                  {cellText(e.template, 300)}
                </button>
              </th>
              <Counts c={e} />
            </tr>
          ))}
          {endpoints.length === 0 && (
            <tr>
              <td colSpan={9} class="muted">
                No endpoint in scope yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {endpoints.length > MAX_ROWS && (
        <p class="muted">… and {plural(endpoints.length - MAX_ROWS, 'more endpoint')} (Save JSON has them all).</p>
      )}
      <h3>By origin</h3>
      <table class="cov-table" data-testid="coverage-origins">
        <Head first="Origin" />
        <tbody>
          {origins.slice(0, MAX_ROWS).map((o) => (
            <tr key={o.origin} data-testid="coverage-origin" data-key={o.origin}>
              <th scope="row">
                <button
                  type="button"
                  class="link"
                  title={`Show requests to ${o.origin}`}
                  onClick={() => showRequests(ui, `origin:${quoted(o.origin)}`)}
                >
                  {cellText(o.origin, 200)}
                </button>
              </th>
              <Counts c={o} />
            </tr>
          ))}
        </tbody>
      </table>
      {origins.length > MAX_ROWS && (
        <p class="muted">… and {plural(origins.length - MAX_ROWS, 'more origin')} (Save JSON has them all).</p>
      )}
    </div>
  );
}
