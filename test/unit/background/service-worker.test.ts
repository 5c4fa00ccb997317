import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sharedFakeBrowser as fake } from '../../support/fake-browser.ts';
import { FakeSumo, makeMessage } from '../../support/sumo/fake-sumo.ts';
import { VirtualClock } from '../../support/sumo/virtual-clock.ts';
import { PANEL_PORT, type BackgroundToPanel } from '../../../src/shared/protocol.ts';
import { DEFAULT_SUMO_SETTINGS } from '../../../src/shared/settings.ts';
import { STORAGE_KEYS } from '../../../src/shared/storage-keys.ts';
import { UNREADABLE_REQUEST } from '../../../src/background/panel-port.ts';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../../support/fake-browser.ts')).sharedFakeBrowser.browser,
}));
vi.stubGlobal('__REPLAY_LINK_DEMO__', false);
// The entry point registers its onConnect listener when loaded, as in the extension.
await import('../../../src/background/service-worker.ts');

const US1_API = {
  apiBase: 'https://api.sumologic.com/api',
  warning: null,
  permissionOrigin: null,
  error: null,
};
const NO_CREDENTIALS = 'No SumoLogic Access ID/Key saved yet — add them in Settings → SumoLogic.';
const TARGET = { token: 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q', from: 1, to: 2 };

let sumo: FakeSumo;

beforeEach(() => {
  fake.reset();
  sumo = new FakeSumo(new VirtualClock());
  vi.stubGlobal('fetch', sumo.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.stubGlobal('__REPLAY_LINK_DEMO__', false);
});

/** A panel's port, and a way to wait for the next `n` replies. */
function panel() {
  const end = fake.connect(PANEL_PORT);
  const nth = async (n: number, timeout = 1000): Promise<BackgroundToPanel> => {
    await vi.waitFor(() => expect(end.received.length).toBeGreaterThan(n), { timeout });
    return end.received[n] as BackgroundToPanel;
  };
  return { ...end, nth };
}

async function saveDemoCredentials(remember = false) {
  const p = panel();
  p.post({ type: 'credentials.save', rid: 1, accessId: 'demo-id', accessKey: 'demo-key', remember });
  await p.nth(0);
}

describe('service worker: each request reaches its handler and is answered in its declared shape', () => {
  it('settings.get answers the saved settings, no credentials, and where requests go', async () => {
    const p = panel();
    p.post({ type: 'settings.get', rid: 11 });
    expect(await p.nth(0)).toEqual({
      type: 'settings',
      rid: 11,
      settings: { ...DEFAULT_SUMO_SETTINGS },
      credentials: null,
      apiBase: US1_API,
    });
  });

  it('settings.save stores the settings, normalized, and answers them', async () => {
    const p = panel();
    const next = { ...DEFAULT_SUMO_SETTINGS, deployment: 'EU', tagNames: ['mySession', ''], windowMinutes: 10_000_000 };
    p.post({ type: 'settings.save', rid: 2, settings: next });
    const reply = await p.nth(0);
    expect(reply.type === 'settings' && reply.rid).toBe(2);
    const saved = fake.local.get(STORAGE_KEYS.sumoSettings) as typeof DEFAULT_SUMO_SETTINGS;
    expect(saved.deployment).toBe('EU');
    expect(saved.tagNames).toEqual(['mySession']);
    expect(reply.type === 'settings' && reply.settings).toEqual(saved);
    expect(reply.type === 'settings' && reply.apiBase.apiBase).toBe('https://api.eu.sumologic.com/api');
  });

  it('settings say when the browser has not granted the API host yet', async () => {
    fake.grantHosts(false);
    const p = panel();
    p.post({ type: 'settings.get', rid: 1 });
    const reply = await p.nth(0);
    expect(reply.type === 'settings' && reply.apiBase.permissionOrigin).toBe('https://api.sumologic.com/*');
  });

  it('credentials.save refuses malformed input with a reply, and saves good input for this browser session only', async () => {
    const p = panel();
    p.post({ type: 'credentials.save', rid: 3, accessId: 'a b', accessKey: 'demo-key', remember: false });
    expect(await p.nth(0)).toEqual({
      type: 'reply',
      rid: 3,
      ok: false,
      message: 'The Access ID should be 4–128 letters, digits, ".", "_" or "-" (copy it from SumoLogic → Access Keys).',
    });
    expect(fake.session.size + fake.local.size).toBe(0);
    p.post({ type: 'credentials.save', rid: 4, accessId: ' demo-id ', accessKey: 'demo-key', remember: false });
    const saved = await p.nth(1);
    expect(saved.type === 'settings' && saved.credentials).toEqual({
      accessId: 'demo-id',
      keyMask: '••••••••-key',
      remembered: false,
    });
    expect(fake.session.get(STORAGE_KEYS.sumoCredentials)).toEqual({ accessId: 'demo-id', accessKey: 'demo-key' });
    expect(fake.local.has(STORAGE_KEYS.sumoCredentials)).toBe(false);
  });

  it('credentials.save with Remember keeps them in local storage; credentials.clear forgets them everywhere', async () => {
    const p = panel();
    p.post({ type: 'credentials.save', rid: 5, accessId: 'demo-id', accessKey: 'demo-key', remember: true });
    const saved = await p.nth(0);
    expect(saved.type === 'settings' && saved.credentials?.remembered).toBe(true);
    expect(fake.local.get(STORAGE_KEYS.sumoCredentials)).toEqual({ accessId: 'demo-id', accessKey: 'demo-key' });
    p.post({ type: 'credentials.clear', rid: 6 });
    const cleared = await p.nth(1);
    expect(cleared.type === 'settings' && [cleared.rid, cleared.credentials]).toEqual([6, null]);
    expect(fake.local.has(STORAGE_KEYS.sumoCredentials) || fake.session.has(STORAGE_KEYS.sumoCredentials)).toBe(false);
  });

  it('connection.test says what to fix without credentials, and asks SumoLogic once with them', async () => {
    const p = panel();
    p.post({ type: 'connection.test', rid: 7 });
    expect(await p.nth(0)).toEqual({ type: 'reply', rid: 7, ok: false, message: NO_CREDENTIALS });
    expect(sumo.requests).toEqual([]);
    await saveDemoCredentials();
    p.post({ type: 'connection.test', rid: 8 });
    expect(await p.nth(1)).toEqual({
      type: 'reply',
      rid: 8,
      ok: true,
      message: 'Connected to api.sumologic.com: the credentials were accepted.',
    });
    expect(sumo.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/search/jobs/0000000000000000']);
  });

  it('connection.test says when SumoLogic refused the credentials', async () => {
    const p = panel();
    p.post({ type: 'credentials.save', rid: 1, accessId: 'demo-id', accessKey: 'wrong-key', remember: false });
    await p.nth(0);
    p.post({ type: 'connection.test', rid: 2 });
    const reply = await p.nth(1);
    expect(reply.type === 'reply' && [reply.rid, reply.ok]).toEqual([2, false]);
    expect(reply.type === 'reply' && reply.message).toMatch(/refused|not accepted|credentials/i);
  });

  it('deployment.detect refuses malformed typed credentials and asks for some when none are saved', async () => {
    const p = panel();
    p.post({ type: 'deployment.detect', rid: 9, accessId: 'demo-id', accessKey: 'short' });
    expect(await p.nth(0)).toEqual({
      type: 'detected',
      rid: 9,
      ok: false,
      message:
        'The Access Key should be 8–256 visible characters with no spaces (it is shown once when you create the key).',
      deployment: null,
    });
    p.post({ type: 'deployment.detect', rid: 10 });
    expect(await p.nth(1)).toEqual({
      type: 'detected',
      rid: 10,
      ok: false,
      message: 'Enter an Access ID and Key first: Detect asks each SumoLogic deployment whether it knows them.',
      deployment: null,
    });
    expect(sumo.requests).toEqual([]);
  });

  it('deployment.detect that finds the deployment sends the changed settings, then its answer', async () => {
    const p = panel();
    p.post({ type: 'deployment.detect', rid: 12, accessId: 'demo-id', accessKey: 'demo-key' });
    await p.nth(1);
    expect(p.received.map((m) => [m.type, 'rid' in m ? m.rid : null])).toEqual([
      ['settings', 0],
      ['detected', 12],
    ]);
    expect(p.received[1]).toEqual({
      type: 'detected',
      rid: 12,
      ok: true,
      message: 'Found: this key belongs to US1 (api.sumologic.com), now selected and saved.',
      deployment: 'US1',
    });
  });

  it('deployment.detect says when every deployment refused the key, and saves nothing', async () => {
    const p = panel();
    p.post({ type: 'deployment.detect', rid: 13, accessId: 'demo-id', accessKey: 'wrong-key' });
    expect(await p.nth(0, 20_000)).toEqual({
      type: 'detected',
      rid: 13,
      ok: false,
      message: 'Every SumoLogic deployment refused this Access ID/Key — check them or create a new key.',
      deployment: null,
    });
    expect(fake.local.has(STORAGE_KEYS.sumoSettings)).toBe(false);
  });

  it('search.start without credentials fails with the one message that says what to do', async () => {
    const p = panel();
    p.post({ type: 'search.start', searchId: 's1', target: TARGET });
    expect(await p.nth(0)).toEqual({
      type: 'search.failed',
      searchId: 's1',
      error: { kind: 'credentials', message: NO_CREDENTIALS },
    });
  });

  it('search.start runs the search and reports started, progress, messages and done', async () => {
    await saveDemoCredentials();
    sumo.messages = [makeMessage(1), makeMessage(2)];
    const p = panel();
    p.post({ type: 'search.start', searchId: 's2', target: TARGET });
    await vi.waitFor(() => expect(p.received.at(-1)?.type).toBe('search.done'), { timeout: 10_000 });
    const kinds = [...new Set(p.received.map((m) => m.type))];
    expect(kinds).toEqual(['search.started', 'search.progress', 'search.messages', 'search.done']);
    expect(p.received[0]).toMatchObject({
      type: 'search.started',
      searchId: 's2',
      query: `"openReplaySessionToken=${TARGET.token}"`,
      from: 1,
      to: 2,
    });
    const lines = p.received.flatMap((m) => (m.type === 'search.messages' ? m.messages.map((x) => x._raw) : []));
    expect(lines.sort()).toEqual(['line 1', 'line 2']);
    expect(p.received.at(-1)).toMatchObject({ type: 'search.done', searchId: 's2', messageCount: 2, truncated: false });
  });

  it('search.cancel stops a running search, which deletes its job', async () => {
    await saveDemoCredentials();
    sumo.statusSteps = [{ state: 'GATHERING RESULTS', messageCount: 0 }];
    const p = panel();
    p.post({ type: 'search.start', searchId: 's3', target: TARGET });
    await vi.waitFor(() => expect(sumo.count('GET', '/jobs/JOB1')).toBeGreaterThan(0), { timeout: 10_000 });
    p.post({ type: 'search.cancel', searchId: 's3' });
    await vi.waitFor(() => expect(p.received.at(-1)?.type).toBe('search.failed'), { timeout: 10_000 });
    expect(p.received.at(-1)).toEqual({
      type: 'search.failed',
      searchId: 's3',
      error: { kind: 'aborted', message: 'Search cancelled.' },
    });
    expect(sumo.count('DELETE', '/jobs/JOB1')).toBe(1);
    expect(sumo.liveJobs()).toEqual([]);
  });
});

describe('service worker: the port lifecycle', () => {
  it('a panel that goes away cancels its searches (their jobs are deleted) and is sent nothing more', async () => {
    await saveDemoCredentials();
    sumo.statusSteps = [{ state: 'GATHERING RESULTS', messageCount: 0 }];
    const p = panel();
    const other = panel();
    p.post({ type: 'search.start', searchId: 'mine', target: TARGET });
    other.post({ type: 'search.start', searchId: 'theirs', target: TARGET });
    await vi.waitFor(() => expect(sumo.liveJobs()).toEqual(['JOB1', 'JOB2']), { timeout: 10_000 });
    const sent = p.received.length;
    p.disconnect();
    await vi.waitFor(() => expect(sumo.liveJobs()).toHaveLength(1), { timeout: 10_000 });
    // Only the closed panel's search stopped; the other panel's goes on.
    const mine = other.received.some((m) => m.type === 'search.started') ? 'JOB2' : 'JOB1';
    expect(sumo.liveJobs()).toEqual([mine]);
    expect(p.received.length).toBe(sent);
    expect(other.received.some((m) => m.type === 'search.failed')).toBe(false);
    other.post({ type: 'search.cancel', searchId: 'theirs' });
    await vi.waitFor(() => expect(sumo.liveJobs()).toEqual([]), { timeout: 10_000 });
  });

  it('refuses a port from anything but this extension, and ignores ports with other names', () => {
    const stranger = fake.connect(PANEL_PORT, 'someone-else');
    expect(stranger.refused).toBe(true);
    stranger.post({ type: 'settings.get', rid: 1 });
    expect(stranger.received).toEqual([]);
    const other = fake.connect('not-our-port');
    expect(other.refused).toBe(false);
    other.post({ type: 'settings.get', rid: 1 });
    expect(other.received).toEqual([]);
  });
});

describe('service worker: malformed and unknown messages are refused', () => {
  it('runs nothing for them; a request it can read an id from is answered that it was refused', async () => {
    fake.local.set(STORAGE_KEYS.sumoSettings, { ...DEFAULT_SUMO_SETTINGS, deployment: 'EU' });
    const p = panel();
    // Without its settings, a save would once have stored the defaults over the user's choices.
    p.post({ type: 'settings.save', rid: 21 });
    p.post({ type: 'settings.wipe', rid: 22 });
    p.post({ type: 'credentials.save', rid: 23, accessId: 'demo-id', accessKey: 'demo-key' });
    p.post({ type: 'settings.get', rid: -1 });
    p.post({ type: 'search.start', searchId: 's9', target: { from: '1', to: 2 } });
    p.post({ type: 'search.start', searchId: 's9', target: { from: 1, to: 2, token: 42 } });
    p.post({ type: 'search.cancel' });
    p.post(null);
    p.post('settings.get');
    p.post([{ type: 'settings.get', rid: 1 }]);
    await vi.waitFor(() => expect(p.received).toHaveLength(3));
    expect(p.received).toEqual(
      [21, 22, 23].map((rid) => ({ type: 'reply', rid, ok: false, message: UNREADABLE_REQUEST })),
    );
    expect((fake.local.get(STORAGE_KEYS.sumoSettings) as { deployment: string }).deployment).toBe('EU');
    expect(fake.session.size).toBe(0);
    expect(sumo.requests).toEqual([]);
  });
});
