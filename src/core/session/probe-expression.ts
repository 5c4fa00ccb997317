// The page-side half of the session probe: JavaScript source that DevTools evaluates in the
// inspected page's main world (every frame), where the tracker lives. It is kept as a string, not
// a bundled function, so no bundler helper can leak into it and what runs is exactly what the
// tests evaluate.
//
// Rules it follows, because the page may be hostile or simply broken:
// - every read is in try/catch (throwing getters, Proxies, revoked Proxies, SecurityErrors);
// - nothing is written into the page: only reads and the tracker's read-only API calls. In 19.x
//   `getSessionToken()` deletes a stored token that belongs to another project key, so it is not
//   called when that could happen (the raw `app.session.token` field or sessionStorage is read
//   instead);
// - only strings and booleans are kept; strings are cut to 512 characters with the original
//   length reported; anything else is reported as its typeof;
// - results are built with object literals (define, not set), so setters planted on
//   Object.prototype never run;
// - the result is a plain JSON-safe object; `interpretProbe` validates it again anyway.

export const PROBE_VERSION = 1;
export const PROBE_MAX_STRING = 512;

export const PROBE_EXPRESSION = `(function () {
  'use strict';
  var MAX = ${PROBE_MAX_STRING};
  function wrap(v) {
    var t = typeof v;
    if (t === 'string') {
      var n = v.length;
      var s = v;
      if (n > MAX) { try { s = v.substring(0, MAX); } catch (e) { return { t: 'threw' }; } }
      return { t: 'string', s: s, n: n };
    }
    if (t === 'boolean') return { t: 'boolean', b: v === true };
    if (v === null) return { t: 'null' };
    return { t: t };
  }
  function read(fn) {
    try { return wrap(fn()); } catch (e) { return { t: 'threw' }; }
  }
  function get(obj, key) {
    try {
      if (obj === null || obj === undefined) return undefined;
      var t = typeof obj;
      if (t !== 'object' && t !== 'function') return undefined;
      return obj[key];
    } catch (e) { return undefined; }
  }
  function isFn(obj, key) {
    try { return typeof get(obj, key) === 'function'; } catch (e) { return false; }
  }
  function call(obj, key) {
    return read(function () {
      var f = obj[key];
      if (typeof f !== 'function') return undefined;
      return f.call(obj);
    });
  }
  function firstString(a, b) {
    return a.t === 'string' ? a : b;
  }
  var storage;
  try { storage = window.sessionStorage; } catch (e) { storage = undefined; }
  function storageRead(key) {
    return read(function () {
      if (storage === undefined || storage === null) return undefined;
      return storage.getItem(key);
    });
  }
  function probeGlobal(name) {
    var g;
    try { g = window[name]; } catch (e) { return { kind: 'threw' }; }
    if (g === undefined || g === null) return { kind: 'absent' };
    var type = typeof g;
    if (type !== 'object' && type !== 'function') return { kind: 'other', type: type };
    var unreadable = false;
    try { void g.getSessionToken; } catch (e) { unreadable = true; }
    if (unreadable) return { kind: 'unreadable', type: type };
    var isArray = false;
    try { isArray = Array.isArray(g) === true; } catch (e) { isArray = false; }
    var app = get(g, 'app');
    var appSession = get(app, 'session');
    var rawToken = read(function () { return get(appSession, 'token'); });
    var projectKey = firstString(
      read(function () { return get(app, 'projectKey'); }),
      read(function () { return get(get(g, 'options'), 'projectKey'); })
    );
    var version = firstString(
      read(function () { return g.version; }),
      read(function () { return get(app, 'version'); })
    );
    var storageKey = read(function () { return get(get(app, 'options'), 'session_token_key'); });
    var hasGetSessionToken = isFn(g, 'getSessionToken');
    var token = { t: 'skipped' };
    var mayCall = hasGetSessionToken && rawToken.t !== 'string';
    if (mayCall && typeof app === 'object' && app !== null) {
      var key = storageKey.t === 'string' ? storageKey.s : '__openreplay_token';
      var stored = storageRead(key);
      if (stored.t === 'string') {
        var sep = stored.s.indexOf('_$_');
        var storedProject = sep >= 0 ? stored.s.substring(sep + 3) : '';
        mayCall = projectKey.t === 'string' && storedProject === projectKey.s;
      }
    }
    if (mayCall) token = call(g, 'getSessionToken');
    // The options the page gave the tracker: read, never called (the matcher is asked separately).
    var opts = get(g, 'options');
    var net = get(opts, 'network');
    var matcherType = 'threw';
    try { matcherType = typeof get(net, 'tokenUrlMatcher'); } catch (e) { matcherType = 'threw'; }
    var options = {
      present: opts !== null && typeof opts === 'object',
      network: net === null ? 'null' : typeof net,
      header: read(function () { return get(net, 'sessionTokenHeader'); }),
      matcher: matcherType,
      ingest: read(function () { return get(opts, 'ingestPoint'); })
    };
    return {
      kind: 'object',
      type: type,
      isArray: isArray,
      hasGetSessionToken: hasGetSessionToken,
      token: token,
      rawToken: rawToken,
      sessionId: call(g, 'getSessionID'),
      sessionUrl: call(g, 'getSessionURL'),
      active: call(g, 'isActive'),
      version: version,
      projectKey: projectKey,
      storageKey: storageKey,
      options: options
    };
  }
  var globals = {
    __OPENREPLAY__: probeGlobal('__OPENREPLAY__'),
    OpenReplay: probeGlobal('OpenReplay'),
    asayer: probeGlobal('asayer')
  };
  var customKey = '__openreplay_token';
  var names = ['__OPENREPLAY__', 'OpenReplay', 'asayer'];
  for (var i = 0; i < names.length; i++) {
    var found = globals[names[i]];
    if (found.kind !== 'object') continue;
    var sk = found.storageKey;
    if (sk.t === 'string' && sk.n <= 128) { customKey = sk.s; break; }
  }
  var frame = 'unknown';
  try { frame = window.top === window ? 'top' : 'iframe'; } catch (e) { frame = 'unknown'; }
  return {
    v: ${PROBE_VERSION},
    href: read(function () { return window.location.href; }),
    frame: frame,
    globals: globals,
    storage: {
      available: storage !== undefined && storage !== null,
      key: customKey,
      token: storageRead(customKey),
      version: storageRead(customKey + '_version')
    }
  };
})()`;
