import type { BackendTagging } from '../../../core/audit/fix-snippets.ts';
import { endpointKey } from '../../../core/audit/path-template.ts';
import type { CapturedRequest } from '../../../core/audit/types.ts';
import type { EndpointTagging } from '../../../core/linking/tagging.ts';

/** What the last backend search found for the request's endpoint (the Timeline's tagging table). */
export function backendTagging(rows: readonly EndpointTagging[], req: CapturedRequest): BackendTagging {
  const key = endpointKey(req);
  const row = rows.find((r) => r.endpoint === key);
  if (row === undefined || row.status === 'not-searched') return 'unknown';
  return row.status === 'not-tagged' ? 'not-tagging' : 'tagging';
}
