import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../shared/storage-keys.ts';
import { maskKey, type CredentialStatus } from '../shared/settings.ts';

interface Credentials {
  accessId: string;
  accessKey: string;
}

function parse(raw: unknown): Credentials | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  return typeof r.accessId === 'string' && typeof r.accessKey === 'string' && r.accessId && r.accessKey
    ? { accessId: r.accessId, accessKey: r.accessKey }
    : null;
}

/**
 * Credentials live only here. "Remember" keeps them in storage.local; otherwise storage.session,
 * which the browser forgets when it closes and which content scripts cannot read.
 */
export async function loadCredentials(): Promise<(Credentials & { remembered: boolean }) | null> {
  const key = STORAGE_KEYS.sumoCredentials;
  const fromSession = parse((await browser.storage.session.get(key))[key]);
  if (fromSession) return { ...fromSession, remembered: false };
  const fromLocal = parse((await browser.storage.local.get(key))[key]);
  return fromLocal ? { ...fromLocal, remembered: true } : null;
}

export async function saveCredentials(accessId: string, accessKey: string, remember: boolean): Promise<void> {
  const key = STORAGE_KEYS.sumoCredentials;
  const value = { [key]: { accessId, accessKey } };
  if (remember) {
    await browser.storage.session.remove(key);
    await browser.storage.local.set(value);
  } else {
    await browser.storage.local.remove(key);
    await browser.storage.session.set(value);
  }
}

export async function clearCredentials(): Promise<void> {
  const key = STORAGE_KEYS.sumoCredentials;
  await Promise.all([browser.storage.local.remove(key), browser.storage.session.remove(key)]);
}

export function credentialStatus(c: (Credentials & { remembered: boolean }) | null): CredentialStatus | null {
  return c ? { accessId: c.accessId, keyMask: maskKey(c.accessKey), remembered: c.remembered } : null;
}

const ACCESS_ID = /^[A-Za-z0-9._-]{4,128}$/;
const ACCESS_KEY = /^[\x21-\x7e]{8,256}$/;

/** Refuses obviously wrong input before anything is stored or sent. */
export function checkCredentialInput(accessId: string, accessKey: string): string | null {
  if (!ACCESS_ID.test(accessId.trim()))
    return 'The Access ID should be 4–128 letters, digits, ".", "_" or "-" (copy it from SumoLogic → Access Keys).';
  if (!ACCESS_KEY.test(accessKey.trim()))
    return 'The Access Key should be 8–256 visible characters with no spaces (it is shown once when you create the key).';
  return null;
}
