// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { analyzeMessages } from '../../../../support/analyze-messages.ts';
import { Results } from '../../../../../src/panel/views/backend/Results.tsx';
import { SearchNotices } from '../../../../../src/panel/views/backend/SearchNotices.tsx';
import type { SearchRun } from '../../../../../src/panel/state/worker-model.ts';
import { createPanelModel, ModelContext } from '../../../../../src/panel/state/model.ts';
import type {
  BackgroundToPanel,
  DevtoolsToPanel,
  PanelToBackground,
  PanelToDevtools,
} from '../../../../../src/shared/protocol.ts';
import { fakeTransportPair } from '../../../../support/fake-transport.ts';
import { memoryStorage } from '../../../../support/memory-storage.ts';
import type { ComponentChildren } from 'preact';

// Results reads "errors only" from the panel model, as the panel renders it.
function withModel(children: ComponentChildren) {
  const [devtools] = fakeTransportPair<PanelToDevtools, DevtoolsToPanel>();
  const [background] = fakeTransportPair<PanelToBackground, BackgroundToPanel>();
  const model = createPanelModel({ devtools, background, storage: memoryStorage() });
  return <ModelContext.Provider value={model}>{children}</ModelContext.Provider>;
}

afterEach(cleanup);

const EMPTY = analyzeMessages([], { tags: [{ tagName: 'openReplaySessionToken', value: 'a.b.c.d' }] });
const NO_LINES = 'No log lines carry this session’s tag in the searched time window and scope.';

function run(status: SearchRun['status'], error?: SearchRun['error']): SearchRun {
  return { id: 's1', target: { from: 1, to: 2 }, status, startedAt: 0, messages: [], ...(error ? { error } : {}) };
}

describe('a failed search is not an empty result', () => {
  it('says "no lines carry the tag" only for a search that finished', () => {
    expect(
      render(withModel(<Results analysis={EMPTY} running={false} />)).getByTestId('results-empty').textContent,
    ).toBe(NO_LINES);
    cleanup();
    expect(
      render(withModel(<Results analysis={EMPTY} running={false} stopped />)).getByTestId('results-empty').textContent,
    ).toBe('No lines were received before the search stopped.');
  });

  it('offers "Search again" for a job SumoLogic lost, and not for refused credentials', () => {
    const onSearchAgain = vi.fn();
    const view = render(
      <SearchNotices
        run={run('failed', {
          kind: 'job-expired',
          message: "The search job expired on SumoLogic's side — search again.",
        })}
        cancelReason={null}
        onSearchAgain={onSearchAgain}
      />,
    );
    expect(view.getByTestId('search-error').textContent).toBe(
      "Search job expired: The search job expired on SumoLogic's side — search again.",
    );
    fireEvent.click(view.getByTestId('search-again'));
    expect(onSearchAgain).toHaveBeenCalledTimes(1);
    cleanup();
    const refused = render(
      <SearchNotices
        run={run('failed', {
          kind: 'unauthorized',
          message: 'The Access ID/Key was refused — check them or create a new key.',
        })}
        cancelReason={null}
        onSearchAgain={onSearchAgain}
      />,
    );
    expect(refused.queryByTestId('search-again')).toBeNull();
  });
});
