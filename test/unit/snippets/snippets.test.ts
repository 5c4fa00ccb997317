import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openReplayContext, openReplayTag } from '../../../snippets/node/openreplay-context.mjs';
import { SESSION_HEADER, withSessionHeader, workerTokenListener } from '../../../snippets/client/session-header.mjs';
import { SNIPPETS } from '../../../src/core/audit/fix-snippets.ts';
import { run, skipReason, toolchain } from './toolchains.ts';

// Every snippet the panel offers is real code: run in Node, or compiled and run by the real
// toolchain when this machine has it (skipped with a printed reason when not).

const ROOT = resolve('snippets');
const TOKEN = 'jw4wdfpgqhoj.-3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const TAG = `[openReplaySessionToken=${TOKEN}] `;
/** A real compiler on a cold cache (javac, go building net/http) takes far longer than a unit test. */
const COMPILE_MS = 240_000;
const work = mkdtempSync(join(tmpdir(), 'replay-link-snippets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type FakeReq = Parameters<typeof openReplayContext>[0];
const fakeReq = (headers: Record<string, string>) => ({ headers }) as unknown as FakeReq;
const noRes = {} as Parameters<typeof openReplayContext>[1];

describe('snippet files', () => {
  it('every snippet the panel names exists', () => {
    for (const s of Object.values(SNIPPETS)) expect(readFileSync(join(ROOT, s.file), 'utf8').length).toBeGreaterThan(100);
  });
});

describe('Node (Express) snippet', () => {
  it('tags lines of a request that carried a token, and refuses forged values', () => {
    expect(openReplayContext(fakeReq({ 'x-openreplay-sessiontoken': TOKEN, 'openreplaysession.id': '2618307011354435587' }), noRes, () => openReplayTag())).toBe(
      `${TAG}[openReplaySession.id=2618307011354435587] `,
    );
    expect(openReplayContext(fakeReq({ 'x-openreplay-sessiontoken': `${TOKEN}] [admin=true` }), noRes, () => openReplayTag())).toBe('');
    expect(openReplayContext(fakeReq({}), noRes, () => openReplayTag())).toBe('');
    expect(openReplayTag()).toBe('');
  });
});

describe('Browser snippet (the header added by hand, a worker handed the token)', () => {
  it('adds the current token to each call, keeps the other headers, and sends nothing without a token', async () => {
    const seen: Array<[string, string | null, string | null]> = [];
    const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
      const h = new Headers(init?.headers);
      seen.push([String(input instanceof Request ? input.url : input), h.get(SESSION_HEADER), h.get('accept')]);
      return new Response('{}');
    };
    let token: string | undefined = TOKEN;
    const wrapped = withSessionHeader(fake, () => token);
    await wrapped('https://shop.example/api/a', { headers: { accept: 'application/json' } });
    await wrapped(new Request('https://shop.example/api/b', { headers: { accept: 'text/plain' } }));
    token = undefined;
    await wrapped('https://shop.example/api/c');
    expect(seen).toEqual([
      ['https://shop.example/api/a', TOKEN, 'application/json'],
      ['https://shop.example/api/b', TOKEN, 'text/plain'],
      ['https://shop.example/api/c', null, null],
    ]);
  });

  it("a worker keeps the latest token the page posted, and ignores other messages", () => {
    const scope = new EventTarget();
    const current = workerTokenListener(scope);
    expect(current()).toBeUndefined();
    scope.dispatchEvent(new MessageEvent('message', { data: { openReplaySessionToken: TOKEN } }));
    scope.dispatchEvent(new MessageEvent('message', { data: { other: 1 } }));
    scope.dispatchEvent(new MessageEvent('message', { data: null }));
    expect(current()).toBe(TOKEN);
  });
});

describe('Python snippet (logging filter, Django and ASGI middleware)', () => {
  const python = toolchain('python3', ['--version']);
  if (python === null) skipReason('Python', 'python3 is not installed (Debian: apt-get install python3)');
  it.skipIf(python === null)(`runs under ${python ?? 'python3'}`, () => {
    const script = `
import asyncio, logging, sys
sys.path.insert(0, ${JSON.stringify(join(ROOT, 'python'))})
from openreplay_logging import OpenReplayLogFilter, OpenReplayDjangoMiddleware, OpenReplayASGIMiddleware
handler = logging.StreamHandler(sys.stdout)
handler.addFilter(OpenReplayLogFilter())
handler.setFormatter(logging.Formatter("%(levelname)s %(openreplay)s%(message)s"))
log = logging.getLogger("demo"); log.addHandler(handler); log.setLevel(logging.INFO)
class Req:
    def __init__(self, h): self.headers = h
OpenReplayDjangoMiddleware(lambda r: log.info("django view"))(Req({"X-OpenReplay-SessionToken": "${TOKEN}"}))
OpenReplayDjangoMiddleware(lambda r: log.info("forged"))(Req({"X-OpenReplay-SessionToken": "x] [admin=true"}))
async def app(scope, receive, send): log.info("fastapi route")
asyncio.run(OpenReplayASGIMiddleware(app)({"type": "http", "headers": [(b"x-openreplay-sessiontoken", b"${TOKEN}"), (b"openreplaysession.id", b"42")]}, None, None))
log.info("outside a request")
`;
    const r = run('python3', ['-c', script]);
    expect(r.out.trim().split('\n')).toEqual([
      `INFO ${TAG}django view`,
      'INFO forged',
      `INFO ${TAG}[openReplaySession.id=42] fastapi route`,
      'INFO outside a request',
    ]);
    expect(r.code).toBe(0);
  });
});

// The servlet and SLF4J jars are not on this machine: the snippets compile against stand-ins with
// the same signatures (jakarta.servlet 6, slf4j 2, Spring 6), and the filter runs.
const JAVA_STUBS: Record<string, string> = {
  'jakarta/servlet/ServletRequest.java': 'package jakarta.servlet; public interface ServletRequest {}',
  'jakarta/servlet/ServletResponse.java': 'package jakarta.servlet; public interface ServletResponse {}',
  'jakarta/servlet/ServletException.java': 'package jakarta.servlet; public class ServletException extends Exception {}',
  'jakarta/servlet/FilterChain.java': 'package jakarta.servlet; public interface FilterChain { void doFilter(ServletRequest req, ServletResponse res) throws java.io.IOException, ServletException; }',
  'jakarta/servlet/Filter.java': 'package jakarta.servlet; public interface Filter { void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws java.io.IOException, ServletException; }',
  'jakarta/servlet/http/HttpServletRequest.java': 'package jakarta.servlet.http; public interface HttpServletRequest extends jakarta.servlet.ServletRequest { String getHeader(String name); }',
  'org/slf4j/MDC.java': 'package org.slf4j; public final class MDC { private static final ThreadLocal<java.util.Map<String,String>> M = ThreadLocal.withInitial(java.util.HashMap::new); public static void put(String k, String v) { M.get().put(k, v); } public static String get(String k) { return M.get().get(k); } public static void remove(String k) { M.get().remove(k); } }',
  'org/springframework/context/annotation/Configuration.java': 'package org.springframework.context.annotation; public @interface Configuration {}',
  'org/springframework/web/servlet/config/annotation/CorsRegistration.java': 'package org.springframework.web.servlet.config.annotation; public class CorsRegistration { public CorsRegistration allowedOrigins(String... o) { return this; } public CorsRegistration allowedMethods(String... m) { return this; } public CorsRegistration allowedHeaders(String... h) { System.out.println("allowedHeaders " + String.join(",", h)); return this; } }',
  'org/springframework/web/servlet/config/annotation/CorsRegistry.java': 'package org.springframework.web.servlet.config.annotation; public class CorsRegistry { public CorsRegistration addMapping(String p) { return new CorsRegistration(); } }',
  'org/springframework/web/servlet/config/annotation/WebMvcConfigurer.java': 'package org.springframework.web.servlet.config.annotation; public interface WebMvcConfigurer { default void addCorsMappings(CorsRegistry r) {} }',
};

const JAVA_MAIN = `
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
public class Main {
  static HttpServletRequest req(Map<String, String> h) {
    return (HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[] { HttpServletRequest.class },
        (p, m, a) -> h.get((String) a[0]));
  }
  public static void main(String[] args) throws Exception {
    OpenReplayFilter f = new OpenReplayFilter();
    f.doFilter(req(Map.of("X-OpenReplay-SessionToken", "${TOKEN}", "openReplaySession.id", "42")), null, (rq, rs) -> System.out.println("in request: " + org.slf4j.MDC.get("openReplayTag")));
    f.doFilter(req(Map.of("X-OpenReplay-SessionToken", "x] [admin=true")), null, (rq, rs) -> System.out.println("forged: [" + org.slf4j.MDC.get("openReplayTag") + "]"));
    System.out.println("after: " + org.slf4j.MDC.get("openReplayTag"));
    new SpringCorsConfig().addCorsMappings(new org.springframework.web.servlet.config.annotation.CorsRegistry());
  }
}`;

describe('Java snippets (servlet filter + MDC, Spring CORS)', () => {
  const javac = toolchain('javac', ['-version']);
  if (javac === null) skipReason('Java', 'javac is not installed (Debian: apt-get install default-jdk-headless)');
  it.skipIf(javac === null)(`compile with ${javac ?? 'javac'} and the filter sets the MDC tag for the request only`, () => {
    const dir = join(work, 'java');
    for (const [file, src] of Object.entries(JAVA_STUBS)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), src);
    }
    cpSync(join(ROOT, 'java/OpenReplayFilter.java'), join(dir, 'OpenReplayFilter.java'));
    cpSync(join(ROOT, 'cors/SpringCorsConfig.java'), join(dir, 'SpringCorsConfig.java'));
    writeFileSync(join(dir, 'Main.java'), JAVA_MAIN);
    const sources = [...Object.keys(JAVA_STUBS), 'OpenReplayFilter.java', 'SpringCorsConfig.java', 'Main.java'];
    const compiled = run('javac', ['-Xlint:all,-serial', '-Werror', '-d', 'out', ...sources], { cwd: dir });
    expect(compiled.out).toBe('');
    expect(compiled.code).toBe(0);
    const ran = run('java', ['-cp', 'out', 'Main'], { cwd: dir });
    expect(ran.out.trim().split('\n')).toEqual([
      `in request: ${TAG}[openReplaySession.id=42] `,
      'forged: []',
      'after: null',
      'allowedHeaders Content-Type,Authorization,X-OpenReplay-SessionToken',
    ]);
  }, COMPILE_MS);
});

const GO_TEST = `package openreplay

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestMiddleware(t *testing.T) {
	var got string
	h := Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = Tag(r.Context()) }))
	r := httptest.NewRequest("GET", "/api/x", nil)
	r.Header.Set("X-OpenReplay-SessionToken", "${TOKEN}")
	h.ServeHTTP(httptest.NewRecorder(), r)
	if got != "${TAG}" {
		t.Fatalf("tag %q", got)
	}
	r.Header.Set("X-OpenReplay-SessionToken", "x] [admin=true")
	h.ServeHTTP(httptest.NewRecorder(), r)
	if got != "" {
		t.Fatalf("forged tag %q", got)
	}
}
`;

describe('Go snippets (net/http middleware, log/slog handler)', () => {
  const go = toolchain('go', ['version']);
  if (go === null) skipReason('Go', 'go is not installed (Debian: apt-get install golang-go)');
  const minor = Number(/go1\.(\d+)/.exec(go ?? '')?.[1] ?? 0);
  it.skipIf(go === null)(`the middleware compiles, passes go vet and tags a request (${go ?? 'go'})`, () => {
    const dir = join(work, 'go');
    cpSync(join(ROOT, 'go/openreplay'), dir, { recursive: true });
    writeFileSync(join(dir, 'middleware_test.go'), GO_TEST);
    // The build cache is Go's default one: compiling net/http from cold takes a minute.
    const env = { ...process.env, GOPATH: join(work, 'gopath'), GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GO111MODULE: 'on' };
    const vet = run('go', ['vet', './...'], { cwd: dir, env });
    expect(vet.out).toBe('');
    const test = run('go', ['test', '-count=1', './...'], { cwd: dir, env });
    expect(test.out).toMatch(/^ok\s+example\.com\/openreplay/);
    if (minor < 21) skipReason('Go log/slog handler', `${go} has no log/slog (Go 1.21+); Debian bookworm packages Go 1.19 only, so slog.go (build tag go1.21) was left out of this build`);
  }, COMPILE_MS);
});

describe('.NET, Express cors and nginx snippets', () => {
  const dotnet = toolchain('dotnet', ['--version']);
  if (dotnet === null) skipReason('.NET middleware', 'no dotnet SDK (Debian does not package it; Microsoft\'s feed is not reachable here)');
  it.skipIf(dotnet === null)('.NET compiles (needs an SDK)', () => {
    expect(dotnet).not.toBeNull();
  });

  it('the Express cors snippet is valid JavaScript', () => {
    const r = run(process.execPath, ['--check', join(ROOT, 'cors/express-cors.mjs')]);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
    skipReason('Express cors run', 'the cors package is not a dependency of this project; syntax checked only');
  });

  const nginx = toolchain('nginx', ['-v']);
  if (nginx === null) skipReason('nginx CORS config', 'nginx is not installed (Debian: apt-get install nginx-light)');
  it.skipIf(nginx === null)('nginx accepts the CORS block', () => {
    const conf = join(work, 'nginx.conf');
    const block = readFileSync(join(ROOT, 'cors/nginx.conf'), 'utf8');
    writeFileSync(conf, `pid ${join(work, 'nginx.pid')}; error_log stderr; events {} http { access_log off; upstream backend { server 127.0.0.1:9; } server { listen 127.0.0.1:9; ${block} } }`);
    const r = run('nginx', ['-t', '-c', conf, '-p', work]);
    expect(r.out).toMatch(/test is successful/);
  });
});
