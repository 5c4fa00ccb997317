// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { SettingsView } from '../../../../src/panel/views/SettingsView.tsx';
import { captureInfo, panelHarness, sessionWithNoTracker, settle } from '../../../support/panel-harness.tsx';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../../../support/fake-browser.ts')).sharedFakeBrowser.browser,
}));

beforeEach(() => {
  vi.stubGlobal('__REPLAY_LINK_VERSION__', '9.8.7');
  vi.stubGlobal('__REPLAY_LINK_DEMO__', false);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function shown() {
  const h = panelHarness();
  h.render(<SettingsView />);
  await h.loadSettings();
  return h;
}

const status = (section: string) => screen.getByTestId(`settings-${section}-status`).textContent;
const saves = (h: ReturnType<typeof panelHarness>) => h.toWorker.filter((m) => m.type === 'settings.save');

describe('SettingsView', () => {
  it('says the settings are loading until the service worker answers, then shows them', async () => {
    const h = panelHarness();
    h.render(<SettingsView />);
    expect(screen.getByText('Loading settings…')).toBeTruthy();
    await h.loadSettings();
    expect(screen.queryByText('Loading settings…')).toBeNull();
    expect((screen.getByLabelText('Deployment') as HTMLSelectElement).value).toBe('US1');
    expect((screen.getByLabelText('Tag names') as HTMLInputElement).value).toBe(
      'openReplaySessionToken, openReplaySession.id',
    );
    expect(screen.getByTestId('version').textContent).toBe('Replay Link 9.8.7');
  });

  it('saves a change as it is made and says so in its section', async () => {
    const h = await shown();
    fireEvent.change(screen.getByLabelText('Use receipt time'), { target: { checked: true } });
    await settle();
    expect(saves(h)).toHaveLength(1);
    expect(h.stored.byReceiptTime).toBe(true);
    expect(status('search')).toBe('Saved');
    fireEvent.input(screen.getByLabelText('Scope query'), { target: { value: '_sourceCategory=prod/api' } });
    await settle();
    expect(h.stored.scopeQuery).toBe('_sourceCategory=prod/api');
    expect(h.stored.byReceiptTime).toBe(true);
  });

  it('a wrong field shows its error beside it, is not saved, and is saved once fixed', async () => {
    const h = await shown();
    const field = screen.getByLabelText('Maximum session length') as HTMLInputElement;
    fireEvent.input(field, { target: { value: '0' } });
    await settle();
    expect(screen.getByTestId('sumo-max-session-error').textContent).toBe(
      "Give a whole number of minutes from 5 to 10080 (OpenReplay's default is 120).",
    );
    expect(screen.getByTestId('sumo-max-session-error').getAttribute('role')).toBe('alert');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(status('search')).toBe('Not saved: fix the field marked below.');
    expect(saves(h)).toEqual([]);
    expect(field.value).toBe('0');
    fireEvent.input(field, { target: { value: '240' } });
    await settle();
    expect(screen.queryByTestId('sumo-max-session-error')).toBeNull();
    expect(h.stored.maxSessionMinutes).toBe(240);
    expect(status('search')).toBe('Saved');
  });

  it('a save the service worker refuses says why, in the section that changed', async () => {
    const h = await shown();
    h.answer('settings.save', (m) => ({
      type: 'reply',
      rid: 'rid' in m ? m.rid : 0,
      ok: false,
      message: 'Storage is full.',
    }));
    fireEvent.change(screen.getByLabelText('Use receipt time'), { target: { checked: true } });
    await settle();
    expect(status('search')).toBe('Not saved: Storage is full.');
    expect(status('connection')).toBe('');
  });

  it('saves the access key on its own button, then shows only its mask', async () => {
    const h = await shown();
    expect(screen.getByTestId('sumo-no-credentials').textContent).toBe(
      'No access key saved. Create one in SumoLogic under Administration → Security → Access Keys.',
    );
    fireEvent.input(screen.getByLabelText('Access ID'), { target: { value: 'demo-id' } });
    fireEvent.input(screen.getByLabelText('Access Key'), { target: { value: 'demo-key-1234' } });
    await settle();
    expect(h.toWorker.filter((m) => m.type === 'credentials.save')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await settle();
    expect(h.toWorker.filter((m) => m.type === 'credentials.save')).toEqual([
      {
        type: 'credentials.save',
        rid: expect.any(Number),
        accessId: 'demo-id',
        accessKey: 'demo-key-1234',
        remember: true,
      },
    ]);
    expect(screen.getByTestId('sumo-saved-credentials').textContent).toBe(
      'Saved: Access ID demo-id, key ••••••••1234 (remembered on this computer)',
    );
    expect(screen.getByTestId('sumo-credentials-result').textContent).toBe('Credentials saved.');
    expect((screen.getByLabelText('Access Key') as HTMLInputElement).value).toBe('');
  });

  it('refused credentials are an alert that says what is wrong', async () => {
    const h = await shown();
    h.answer('credentials.save', (m) => ({
      type: 'reply',
      rid: 'rid' in m ? m.rid : 0,
      ok: false,
      message: 'The Access Key should be 8–256 visible characters with no spaces.',
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await settle();
    const result = screen.getByTestId('sumo-credentials-result');
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toBe('The Access Key should be 8–256 visible characters with no spaces.');
  });

  it('the audit scope is saved for the inspected site', async () => {
    const h = await shown();
    await h.fromDevtools({ type: 'session', session: sessionWithNoTracker(0) });
    await h.fromDevtools({ type: 'capture', capture: captureInfo() });
    const section = screen.getByTestId('settings-scope');
    expect(section.querySelector('legend')?.textContent).toBe('Propagation audit for http://127.0.0.1:4000');
    fireEvent.change(within(section).getByLabelText('Same-origin fetch/XHR should carry the token'), {
      target: { checked: false },
    });
    await settle();
    expect(h.model.devtools.scope.value.includeSameOrigin).toBe(false);
    expect(status('scope')).toBe('Saved');
  });
});
