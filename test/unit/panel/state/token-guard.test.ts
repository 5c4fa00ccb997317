import { describe, expect, it } from 'vitest';
import { createPanelModel } from '../../../../src/panel/state/model.ts';
import { fakeTransportPair } from '../../../support/fake-transport.ts';
import type {
  BackgroundToPanel,
  DevtoolsToPanel,
  PanelToBackground,
  PanelToDevtools,
} from '../../../../src/shared/protocol.ts';
import { initialSessionState, type SessionState } from '../../../../src/core/session/session-state.ts';
import type { SessionView } from '../../../../src/core/session/session-view.ts';

const TOKEN_A = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const TOKEN_B = 'jw4wdfpgqhok.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

function sessionWith(token: string | null): SessionState {
  const view = {
    token,
    decoded: null,
    sessionId: '2618307011354435587',
    source: 'entered by hand',
    sources: [],
    enteredByHand: true,
  } as unknown as SessionView;
  return { ...initialSessionState(), status: 'found', current: view, manual: view };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const [panelDevtools, devtoolsSide] = fakeTransportPair<PanelToDevtools, DevtoolsToPanel>();
  const [panelBackground, backgroundSide] = fakeTransportPair<PanelToBackground, BackgroundToPanel>();
  const storage = { get: async () => undefined, set: async () => undefined };
  const model = createPanelModel({ devtools: panelDevtools, background: panelBackground, storage });
  const toBackground: PanelToBackground[] = [];
  backgroundSide.subscribe((m) => toBackground.push(m));
  return { model, devtoolsSide, toBackground };
}

describe("the panel model's token-change guard (installed by createPanelModel, whatever started the search)", () => {
  it('cancels a running search when the current token changes, and says why', async () => {
    const { model, devtoolsSide, toBackground } = setup();
    devtoolsSide.post({ type: 'session', session: sessionWith(TOKEN_A) });
    await flush();
    const id = model.worker.startSearch({ token: TOKEN_A, from: 1, to: 2 });
    devtoolsSide.post({ type: 'session', session: sessionWith(TOKEN_A) });
    await flush();
    expect(model.worker.search.value?.status).toBe('starting');

    devtoolsSide.post({ type: 'session', session: sessionWith(TOKEN_B) });
    await flush();
    expect(model.worker.search.value?.status).toBe('cancelled');
    expect(toBackground.map((m) => m.type)).toEqual(['search.start', 'search.cancel']);
    expect(toBackground[1]).toEqual({ type: 'search.cancel', searchId: id });
    expect(model.search.cancelledBecause.value?.searchId).toBe(id);
  });

  it('leaves a finished search alone when the token changes', async () => {
    const { model, devtoolsSide, toBackground } = setup();
    const id = model.worker.startSearch({ token: TOKEN_A, from: 1, to: 2 });
    model.worker.cancelSearch();
    devtoolsSide.post({ type: 'session', session: sessionWith(TOKEN_B) });
    await flush();
    expect(toBackground.filter((m) => m.type === 'search.cancel')).toEqual([{ type: 'search.cancel', searchId: id }]);
  });
});
