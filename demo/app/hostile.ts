import { demoWindow } from './globals.ts';

// Everything here tries to break a naive reader of the page's session state.
const MARKUP_TOKEN = '"><img src=x onerror=alert(1)>|\nNOT';

function thrower(what: string): () => never {
  return () => {
    throw new Error(`hostile page: ${what} exploded`);
  };
}

const fakeTracker: Record<string, unknown> = {
  getSessionToken: () => MARKUP_TOKEN,
  isActive: thrower('isActive'),
  getSessionURL: () => 'javascript:alert(1)',
};
for (const name of ['getSessionID', 'getSessionInfo', 'getTabId', 'version', 'app']) {
  Object.defineProperty(fakeTracker, name, { get: thrower(`getter ${name}`), enumerable: true });
}
demoWindow.__OPENREPLAY__ = fakeTracker;

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function randomTokenLike(): string {
  const sid = (BigInt(Math.floor(Math.random() * 2 ** 40)) * 2_000_000n + 2_600_000_000_000_000_000n).toString(36);
  let sig = '';
  for (let i = 0; i < 43; i++) sig += BASE58.charAt(Math.floor(Math.random() * BASE58.length));
  return `${sid}.${Math.floor(Math.random() * 5000).toString(36)}.${(Date.now() + 7_200_000).toString(36)}.${sig}`;
}
let rotating = randomTokenLike();
setInterval(() => {
  rotating = randomTokenLike();
}, 10);
demoWindow.OpenReplay = {
  getSessionToken: () => rotating,
  isActive: () => true,
  getSessionID: () => rotating.split('.')[0],
};

// About 5 MB in the token key (UTF-16 quota counts vary by browser: step down until it fits).
for (const chars of [5_000_000, 4_500_000, 2_500_000, 1_000_000]) {
  try {
    sessionStorage.setItem('__openreplay_token', 'A'.repeat(chars));
    document.body.dataset.storedChars = String(chars);
    break;
  } catch {
    // Over quota: try a smaller value.
  }
}
const note = document.getElementById('app');
if (note) note.textContent = 'Hostile globals and storage are in place.';
