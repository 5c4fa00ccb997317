import { describe, expect, it } from 'vitest';
import { probeAllFrames } from '../../../src/devtools/frames.ts';
import { fakeDevtools } from '../../support/fake-devtools.ts';

const TOP = 'http://127.0.0.1:4000/';

describe('probeAllFrames', () => {
  it('probes the top frame and every other http(s) document, skipping frames eval cannot enter', async () => {
    const devtools = fakeDevtools({
      resources: [
        { url: TOP, type: 'document' },
        { url: 'http://127.0.0.1:4000/app.js', type: 'script' },
        { url: 'http://widget.test/frame', type: 'document' },
        { url: 'http://gone.test/frame', type: 'document' },
        { url: 'about:blank', type: 'document' },
      ],
      evaluate: (_expression, frame) =>
        frame === 'http://gone.test/frame' ? { exception: { isError: true, description: 'frame gone' } } : { value: 1 },
    });
    const results = await probeAllFrames(devtools.api.inspectedWindow, TOP);
    expect(devtools.evaluations.map((e) => e.frameURL)).toEqual([
      undefined,
      'http://widget.test/frame',
      'http://gone.test/frame',
    ]);
    // The top frame's answer always counts (here: not a probe result); the gone frame is skipped.
    expect(results).toHaveLength(2);
    expect(results.map((r) => r.reasons)).toEqual([
      ['The page returned no probe result'],
      ['The page returned no probe result'],
    ]);
  });

  it('asks at most 12 frames', async () => {
    const resources = Array.from({ length: 30 }, (_, i) => ({ url: `http://f${i}.test/`, type: 'document' }));
    const devtools = fakeDevtools({ resources, evaluate: () => ({ value: 1 }) });
    await probeAllFrames(devtools.api.inspectedWindow, 'http://f0.test/');
    expect(devtools.evaluations).toHaveLength(12);
  });

  it('probes only the top frame where DevTools lists no resources (Firefox)', async () => {
    const devtools = fakeDevtools({ evaluate: () => ({ value: 1 }) });
    expect(await probeAllFrames(devtools.api.inspectedWindow, TOP)).toHaveLength(1);
    expect(devtools.evaluations.map((e) => e.frameURL)).toEqual([undefined]);
  });
});
