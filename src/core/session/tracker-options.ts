// The tracker's network options as the probe read them in the page (PROBE_EXPRESSION's `options`):
// the header option, whether a tokenUrlMatcher is set, the ingest point. The page controls the
// value, so every field is checked again here.

import { DEFAULT_TRACKER_HEADER, type HeaderOption } from '../audit/tracker-policy.ts';
import { validateHeaderName } from '../audit/header-names.ts';
import { safeHttpUrl } from '../safe-url.ts';

export interface TrackerOptions {
  /** Undefined when the option could not be read (a throwing getter, a value of another type). */
  header?: HeaderOption;
  hasMatcher: boolean;
  /** `options.ingestPoint`, when it is an http(s) URL. */
  ingestPoint?: string;
  /** Why something could not be used, for the Session area. */
  problems: string[];
}

function own(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  try {
    if (!Object.hasOwn(obj, key)) return undefined;
    const desc = Object.getOwnPropertyDescriptor(obj, key);
    return desc && 'value' in desc ? desc.value : undefined;
  } catch {
    return undefined;
  }
}

/** `{t:'string', s, n}` / `{t:'boolean', b}` / `{t:<typeof>}` as the probe wraps values. */
function wrapped(raw: unknown): { t: string; s?: string; n?: number; b?: boolean } {
  const t = own(raw, 't');
  if (typeof t !== 'string') return { t: 'invalid' };
  const s = own(raw, 's');
  const n = own(raw, 'n');
  const b = own(raw, 'b');
  return {
    t,
    ...(typeof s === 'string' ? { s } : {}),
    ...(typeof n === 'number' ? { n } : {}),
    ...(typeof b === 'boolean' ? { b } : {}),
  };
}

function headerOption(raw: unknown, problems: string[]): HeaderOption | undefined {
  const v = wrapped(raw);
  // The tracker tests the option for truthiness: absent, false, '' all mean "no header".
  if (v.t === 'undefined' || v.t === 'null' || v.t === 'absent') return { on: false };
  if (v.t === 'boolean')
    return v.b === true ? { on: true, name: DEFAULT_TRACKER_HEADER, custom: false } : { on: false };
  if (v.t === 'string' && v.s !== undefined) {
    if (v.s === '') return { on: false };
    const cut = v.n !== undefined && v.n !== v.s.length;
    const problem = cut ? 'is too long' : validateHeaderName(v.s);
    if (problem !== null) {
      problems.push(`network.sessionTokenHeader is not a usable header name: ${problem}`);
      return undefined;
    }
    const name = v.s.trim();
    return { on: true, name, custom: name.toLowerCase() !== DEFAULT_TRACKER_HEADER.toLowerCase() };
  }
  if (v.t === 'threw') problems.push('reading network.sessionTokenHeader threw an error');
  else problems.push(`network.sessionTokenHeader is a ${v.t.slice(0, 20)}, which the tracker treats as truthy`);
  return undefined;
}

/** Null when the probe saw no options object at all (a stub, an old snippet). */
export function interpretTrackerOptions(raw: unknown): TrackerOptions | null {
  if (own(raw, 'present') !== true) return null;
  const problems: string[] = [];
  const network = own(raw, 'network');
  const header =
    network === 'object' || network === 'function'
      ? headerOption(own(raw, 'header'), problems)
      : { on: false as const };
  const options: TrackerOptions = { hasMatcher: own(raw, 'matcher') === 'function', problems };
  if (header !== undefined) options.header = header;
  const ingest = wrapped(own(raw, 'ingest'));
  if (ingest.t === 'string' && ingest.s !== undefined && ingest.n === ingest.s.length) {
    const url = safeHttpUrl(ingest.s);
    if (url !== null) options.ingestPoint = url.replace(/\/+$/, '');
  }
  return options;
}
