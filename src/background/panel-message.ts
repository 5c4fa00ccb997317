import type { PanelToBackground, SearchTarget } from '../shared/protocol.ts';
import type { SumoSettings } from '../shared/settings.ts';

// What reaches the service worker over a port is whatever was posted: it is read here, field by
// field, before any handler runs, so a malformed message can neither save half a settings object
// (defaults over the user's choices) nor start a search with a target that is not numbers.

const MAX_ID = 200;
const MAX_CREDENTIAL = 1024;

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRid = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOptionalText = (v: unknown, max: number): v is string | undefined => v === undefined || isText(v, max);

function target(raw: unknown): SearchTarget | null {
  if (!isRecord(raw)) return null;
  const { from, to, token, sessionId } = raw;
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  if (!isOptionalText(token, MAX_ID) || !isOptionalText(sessionId, MAX_ID)) return null;
  return { from, to, ...(token !== undefined ? { token } : {}), ...(sessionId !== undefined ? { sessionId } : {}) };
}

/** The message as the protocol types it, or null when it is not one the panel sends. */
export function readPanelMessage(raw: unknown): PanelToBackground | null {
  if (!isRecord(raw)) return null;
  const { type, rid } = raw;
  switch (type) {
    case 'settings.get':
    case 'credentials.clear':
    case 'connection.test':
      return isRid(rid) ? { type, rid } : null;
    case 'settings.save':
      // Its fields are normalized where they are saved; what must hold here is that there is an object.
      return isRid(rid) && isRecord(raw.settings)
        ? { type, rid, settings: raw.settings as unknown as SumoSettings }
        : null;
    case 'credentials.save': {
      const { accessId, accessKey, remember } = raw;
      if (!isRid(rid) || !isText(accessId, MAX_CREDENTIAL) || !isText(accessKey, MAX_CREDENTIAL)) return null;
      return typeof remember === 'boolean' ? { type, rid, accessId, accessKey, remember } : null;
    }
    case 'deployment.detect': {
      const { accessId, accessKey } = raw;
      if (!isRid(rid) || !isOptionalText(accessId, MAX_CREDENTIAL) || !isOptionalText(accessKey, MAX_CREDENTIAL))
        return null;
      return {
        type,
        rid,
        ...(accessId !== undefined ? { accessId } : {}),
        ...(accessKey !== undefined ? { accessKey } : {}),
      };
    }
    case 'search.start': {
      const t = target(raw.target);
      return isId(raw.searchId) && t ? { type, searchId: raw.searchId, target: t } : null;
    }
    case 'search.cancel':
      return isId(raw.searchId) ? { type, searchId: raw.searchId } : null;
    default:
      return null;
  }
}

/** The request id of a message that could not be read, when it has one to answer. */
export function ridOf(raw: unknown): number | null {
  return isRecord(raw) && isRid(raw.rid) ? raw.rid : null;
}
