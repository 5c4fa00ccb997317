import { describe, expect, it } from 'vitest';
import { connectFrameLink, offerFrameLink } from '../../../src/shared/frame-link.ts';
import { type Transport } from '../../../src/shared/transport.ts';
import { fakeTransportPair } from '../../support/fake-transport.ts';

type ToPanel = { type: 'rows'; rows: object[] };
type FromPanel = { type: 'hello' };

/** Two sibling frames of one parent, as the devtools page and the panel are inside DevTools. */
function frames() {
  const listeners: Array<() => void> = [];
  const devtoolsWin = {} as Window;
  const parent = { frames: [devtoolsWin] } as unknown as Window;
  const panelWin = {
    parent,
    addEventListener: (_: string, cb: () => void) => listeners.push(cb),
  } as unknown as Window;
  (parent.frames as unknown as Window[]).push(panelWin);
  return { devtoolsWin, panelWin, unload: () => listeners.forEach((l) => l()) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function collect<T>(t: Transport<unknown, T>): T[] {
  const got: T[] = [];
  t.subscribe((m) => got.push(m));
  return got;
}

describe('the frame link between the devtools page and the panel', () => {
  it('hands messages over by reference, both ways, and not through the channel', async () => {
    const { devtoolsWin, panelWin } = frames();
    const [hostChannel, panelChannel] = fakeTransportPair<ToPanel, FromPanel>();
    const host = offerFrameLink(devtoolsWin, hostChannel);
    const panel = connectFrameLink(panelWin, panelChannel);
    const atHost = collect(host);
    const atPanel = collect(panel);
    const onChannel = collect(panelChannel);

    panel.post({ type: 'hello' });
    const rows = [{ id: 1 }, { id: 2 }];
    host.post({ type: 'rows', rows });
    await tick();

    expect(atHost).toEqual([{ type: 'hello' }]);
    expect(atPanel).toHaveLength(1);
    expect(atPanel[0]?.rows).toBe(rows);
    expect(onChannel).toHaveLength(0);
  });

  it('falls back to the channel when no panel is attached, and after the panel goes away', async () => {
    const { devtoolsWin, panelWin, unload } = frames();
    const [hostChannel, panelChannel] = fakeTransportPair<ToPanel, FromPanel>();
    const host = offerFrameLink(devtoolsWin, hostChannel);
    const viaChannel = collect(panelChannel);
    host.post({ type: 'rows', rows: [] });
    await tick();
    expect(viaChannel).toHaveLength(1);

    const panel = connectFrameLink(panelWin, panelChannel);
    const direct = collect(panel);
    host.post({ type: 'rows', rows: [{ id: 3 }] });
    await tick();
    expect(direct.map((m) => m.rows.length)).toEqual([1]);

    unload();
    host.post({ type: 'rows', rows: [{ id: 4 }, { id: 5 }] });
    await tick();
    expect(viaChannel.map((m) => m.rows.length)).toEqual([0, 2]);
  });

  it('uses the channel alone when the devtools page cannot be reached', async () => {
    const panelWin = { parent: { frames: [] }, addEventListener: () => undefined } as unknown as Window;
    const [hostChannel, panelChannel] = fakeTransportPair<ToPanel, FromPanel>();
    const panel = connectFrameLink(panelWin, panelChannel);
    const atHost = collect(hostChannel);
    panel.post({ type: 'hello' });
    await tick();
    expect(atHost).toEqual([{ type: 'hello' }]);
  });
});
