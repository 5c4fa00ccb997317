import type { AnySource } from '../../../core/session/sources.ts';
import type { SessionView } from '../../../core/session/session-view.ts';

/** Where in the inspected tab the token was read. */
export function frameLabel(view: Pick<SessionView, 'frame' | 'enteredByHand'>): string {
  if (view.enteredByHand) return 'entered by hand in this panel';
  switch (view.frame) {
    case 'top':
      return 'top frame';
    case 'iframe':
      return 'iframe';
    case 'network':
      return 'seen on the network';
    default:
      return 'a frame of the page';
  }
}

/** "window.__OPENREPLAY__, sessionStorage" — the first one is what the panel trusts. */
export function sourcesLabel(sources: readonly AnySource[]): string {
  return sources.join(', ');
}

export function activeLabel(isActive: boolean | undefined): string {
  if (isActive === undefined) return 'unknown';
  return isActive ? 'yes, recording' : 'no (stopped or not started)';
}
