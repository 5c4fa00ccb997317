import { describe, expect, it } from 'vitest';
import { canTargetFrames, evalInPage } from '../../../src/devtools/inspected.ts';
import { fakeDevtools } from '../../support/fake-devtools.ts';

describe('evalInPage', () => {
  it('resolves with the page’s value', async () => {
    const { api } = fakeDevtools({ evaluate: () => ({ value: { a: 1 } }) });
    expect(await evalInPage(api.inspectedWindow, 'x')).toEqual({ value: { a: 1 } });
  });

  it('turns a thrown exception and an eval error into a bounded message', async () => {
    const thrown = fakeDevtools({ evaluate: () => ({ exception: { isException: true, value: 'E'.repeat(500) } }) });
    expect(await evalInPage(thrown.api.inspectedWindow, 'x')).toEqual({ value: undefined, error: 'E'.repeat(300) });
    const failed = fakeDevtools({ evaluate: () => ({ exception: { isError: true, description: 'no such frame' } }) });
    expect(await evalInPage(failed.api.inspectedWindow, 'x')).toEqual({ value: undefined, error: 'no such frame' });
  });

  it('resolves with an error when eval itself throws', async () => {
    const { api } = fakeDevtools({
      evaluate: () => {
        throw new Error('the inspected page is gone');
      },
    });
    expect(await evalInPage(api.inspectedWindow, 'x')).toEqual({
      value: undefined,
      error: 'the inspected page is gone',
    });
  });

  it('passes the frame to eval where frames can be targeted, and refuses to pretend where they cannot', async () => {
    const chromium = fakeDevtools({ evaluate: (_e, frame) => ({ value: frame }), resources: [] });
    expect(canTargetFrames(chromium.api.inspectedWindow)).toBe(true);
    expect(await evalInPage(chromium.api.inspectedWindow, 'x', 'http://a.test/')).toEqual({ value: 'http://a.test/' });
    const firefox = fakeDevtools({ evaluate: () => ({ value: 'top' }) });
    expect(canTargetFrames(firefox.api.inspectedWindow)).toBe(false);
    expect(await evalInPage(firefox.api.inspectedWindow, 'x', 'http://a.test/')).toEqual({
      value: undefined,
      error: 'this browser cannot evaluate in a chosen frame (top frame only)',
    });
    expect(firefox.evaluations).toEqual([]);
  });
});
