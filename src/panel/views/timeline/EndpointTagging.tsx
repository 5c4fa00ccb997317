import { inertText } from '../../../core/audit/mask.ts';
import { NOT_TAGGING_LABEL, type EndpointTagging as Row } from '../../../core/linking/tagging.ts';
import type { LinkingModel } from '../../state/linking-model.ts';

const CELL: Readonly<Record<Row['status'], { mark: string; text: string; cls: string }>> = {
  tagged: { mark: '✓', text: 'tagged', cls: 'yes' },
  'probably-tagged': { mark: '?', text: 'probably tagged', cls: 'maybe' },
  'not-tagged': { mark: '✗', text: NOT_TAGGING_LABEL, cls: 'no' },
  'not-searched': { mark: '—', text: 'not checked', cls: 'unknown' },
};

/** End-to-end propagation per endpoint: "header sent ✓ — backend tagged its logs ✓/✗", with the reason. */
export function EndpointTagging({ linking }: { linking: LinkingModel }) {
  const rows = linking.tagging.value;
  const flagged = rows.filter((r) => r.status === 'not-tagged').length;
  return (
    <section class="link-section" aria-labelledby="tagging-heading" data-testid="endpoint-tagging">
      <h3 id="tagging-heading">
        Header sent → backend tagged, per endpoint
        {flagged > 0 && (
          <span class="badge badge-bad" style={{ marginLeft: '8px' }}>
            {flagged} not tagging
          </span>
        )}
      </h3>
      {rows.length === 0 ? (
        <p class="muted">No request carried this session’s token yet.</p>
      ) : (
        <table class="tagging-table">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Header sent</th>
              <th scope="col">Backend tagged its logs</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const cell = CELL[r.status];
              return (
                <tr
                  key={r.endpoint}
                  data-testid="tagging-row"
                  data-endpoint={r.endpoint}
                  data-status={r.status}
                  data-reason={r.reason}
                  class={r.status === 'not-tagged' ? 'flagged' : undefined}
                >
                  <td class="endpoint">{inertText(r.endpoint, 300)}</td>
                  <td class="yes" title={`${r.withToken} of ${r.requests} requests sent the token`}>
                    ✓ {r.withToken}/{r.requests}
                  </td>
                  <td class={cell.cls}>
                    <span aria-hidden="true">{cell.mark} </span>
                    <span data-testid="tagging-verdict">{cell.text}</span>
                  </td>
                  <td>{inertText(r.detail, 400)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
