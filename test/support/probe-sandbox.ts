// A page simulated in a node:vm context (its own realm, like a real page), so PROBE_EXPRESSION runs
// exactly as DevTools would evaluate it.
import vm from 'node:vm';
import { PROBE_EXPRESSION, interpretProbe, type ProbeResult } from '../../src/core/session/probe.ts';

export const REAL = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
/** A later session: id + 1, negative delay, expiry 2 h later. */
export const OTHER = 'jw4wdfpgqhok.-1a.lrrel70c.US517G5965aydkZ46HS38QLi7UQiSojurfbQfKCELFx';
export const KEY = '9uXk2WxkYcC9ZR6nQzH4';

const PAGE_BASE = `
var window = globalThis;
window.top = window;
window.location = { href: 'https://shop.example.com/cart?x=1' };
var __store = Object.create(null);
var __writes = [];
var __calls = [];
window.sessionStorage = {
  getItem: function (k) { return k in __store ? __store[k] : null; },
  setItem: function (k, v) { __writes.push('set ' + k); __store[k] = String(v); },
  removeItem: function (k) { __writes.push('remove ' + k); delete __store[k]; },
  clear: function () { __writes.push('clear'); }
};
// The shape of @openreplay/tracker 19.0.1's API instance, with its getSessionToken semantics
// (including the removal of a stored token that belongs to another project key).
function makeTracker(o) {
  var app = {
    projectKey: o.projectKey,
    version: '19.0.1',
    options: { session_token_key: o.key || '__openreplay_token', ingestPoint: 'https://api.openreplay.com/ingest' },
    session: { token: o.sessionToken, info: { sessionID: o.sessionID, projectID: o.projectID } },
    activityState: o.active ? 3 : 0
  };
  return {
    options: { projectKey: o.projectKey },
    app: app,
    getSessionToken: function () {
      __calls.push('getSessionToken');
      var key = app.options.session_token_key;
      var withProject = app.session.token || window.sessionStorage.getItem(key);
      if (app.projectKey && withProject) {
        var saved = withProject.split('_$_')[1];
        if (!saved || saved !== app.projectKey) {
          window.sessionStorage.removeItem(key);
          app.session.token = undefined;
          return undefined;
        }
      }
      var t = withProject ? withProject.split('_$_')[0] : null;
      return t || undefined;
    },
    getSessionID: function () { return app.session.info.sessionID || undefined; },
    getSessionURL: function () {
      var i = app.session.info;
      if (!i.projectID || !i.sessionID) return undefined;
      return 'https://app.openreplay.com/' + i.projectID + '/session/' + i.sessionID;
    },
    isActive: function () { return app.activityState === 3; }
  };
}
// The snippet's placeholder before the script loads.
function makeStub() {
  var r = [['init'], ['start']];
  r.start = function () { r.push([0]); };
  r.isActive = function () { return false; };
  r.getSessionToken = function () {};
  return r;
}
`;

export interface ProbeRun {
  raw: unknown;
  result: ProbeResult;
  writes: string[];
  calls: string[];
  /** The size of the eval result as DevTools would transfer it. */
  rawJsonLength: number;
}

export function runProbe(page: string): ProbeRun {
  const ctx = vm.createContext({});
  vm.runInContext(PAGE_BASE + page, ctx);
  const raw: unknown = vm.runInContext(PROBE_EXPRESSION, ctx, { timeout: 2000 });
  const writes = JSON.parse(vm.runInContext('JSON.stringify(__writes)', ctx) as string) as string[];
  const calls = JSON.parse(vm.runInContext('JSON.stringify(__calls)', ctx) as string) as string[];
  // What crosses the DevTools boundary is the JSON-able value, never live page objects.
  const rawJson = JSON.stringify(raw);
  return { raw, result: interpretProbe(JSON.parse(rawJson)), writes, calls, rawJsonLength: rawJson.length };
}
