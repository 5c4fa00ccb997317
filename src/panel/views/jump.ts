import { activeArea } from '../state/areas.ts';
import { requestsUi } from './requests/requests-state.ts';
import type { LinkingModel } from '../state/linking-model.ts';

/** From a backend error to its request: select it in the Requests area and open its detail. */
export function jumpToRequest(requestId: string): void {
  requestsUi.tab.value = 'table';
  requestsUi.selectedId.value = requestId;
  requestsUi.detailOpen.value = true;
  activeArea.value = 'requests';
}

/** From a request to one of its backend errors: select it in the Timeline. */
export function showErrorInTimeline(linking: LinkingModel, key: string): void {
  linking.select({ kind: 'error', key });
  activeArea.value = 'timeline';
}
