// Linked errors grouped like the Backend view groups them (same signature), each with the
// endpoints of the requests it was linked to: what a ticket needs.

import { endpointKey } from '../audit/path-template.ts';
import type { CapturedRequest } from '../audit/types.ts';
import { errorSignature } from '../logs/group.ts';
import type { StackInfo } from '../logs/stack.ts';
import type { ErrorLink, LinkableLog, Linking } from './link.ts';

export interface GroupableLinkedLog extends LinkableLog {
  stack: StackInfo;
}

export interface LinkedErrorGroup {
  signature: string;
  /** The first line of the newest occurrence, tags removed (log text: escape before showing as markup). */
  headline: string;
  count: number;
  firstSeen: number | undefined;
  lastSeen: number | undefined;
  /** Endpoint key → how many occurrences name a request of it as best candidate. */
  endpoints: Array<{ endpoint: string; count: number }>;
  ambiguous: number;
  unlinked: number;
  /** Positions in `Linking.errors`, newest first. */
  links: number[];
}

/** Groups newest first (by last seen). */
export function groupLinkedErrors<L extends GroupableLinkedLog>(
  linking: Linking<L>,
  requestsById: ReadonlyMap<string, CapturedRequest>,
): LinkedErrorGroup[] {
  const groups = new Map<string, LinkedErrorGroup & { byEndpoint: Map<string, number> }>();
  linking.errors.forEach((link: ErrorLink<L>, at) => {
    const signature = errorSignature(link.log.stack);
    let g = groups.get(signature);
    if (g === undefined) {
      g = {
        signature,
        headline: link.log.stack.headline,
        count: 0,
        firstSeen: undefined,
        lastSeen: undefined,
        endpoints: [],
        ambiguous: 0,
        unlinked: 0,
        links: [],
        byEndpoint: new Map(),
      };
      groups.set(signature, g);
    }
    g.count++;
    g.links.push(at);
    const t = link.time;
    if (t !== undefined) {
      if (g.firstSeen === undefined || t < g.firstSeen) g.firstSeen = t;
      if (g.lastSeen === undefined || t >= g.lastSeen) {
        g.lastSeen = t;
        g.headline = link.log.stack.headline;
      }
    }
    if (link.ambiguous) g.ambiguous++;
    const best = link.candidates[0];
    const req = best === undefined ? undefined : requestsById.get(best.requestId);
    if (req === undefined) {
      g.unlinked++;
      return;
    }
    const key = req.endpoint ?? endpointKey(req);
    g.byEndpoint.set(key, (g.byEndpoint.get(key) ?? 0) + 1);
  });
  const timeOf = (i: number) => linking.errors[i]?.time ?? -Infinity;
  return [...groups.values()]
    .map(({ byEndpoint, ...g }) => ({
      ...g,
      endpoints: [...byEndpoint].map(([endpoint, count]) => ({ endpoint, count })).sort((a, b) => b.count - a.count),
      links: [...g.links].sort((a, b) => timeOf(b) - timeOf(a)),
    }))
    .sort((a, b) => (b.lastSeen ?? -Infinity) - (a.lastSeen ?? -Infinity));
}
