/**
 * Hostile and huge inputs, in Node: the Worker's analysis of 10,000 mixed log lines (in pages, as
 * the Worker gets them), the worst single 64 KB line among known attacks, and the heap that
 * 50,000 captured requests with large headers hold.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { fromHarEntry, HAR_LIMITS } from '../src/core/audit/har.ts';
import type { CapturedRequest } from '../src/core/audit/types.ts';
import { AnalysisEngine } from '../src/core/search/analysis-engine.ts';
import { hostileText, KNOWN_ATTACKS } from '../test/unit/adversarial/hostile.ts';

const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const TAGS = [{ tagName: 'openReplaySessionToken', value: TOKEN }];
const TAG = `[openReplaySessionToken=${TOKEN}]`;

function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Newest first: INFO lines, ERROR lines, Java and Python traces one line per message, some 64 KB lines. */
function mixedLines(count: number): Array<Record<string, string>> {
  const lines: Array<Record<string, string>> = [];
  const start = 1_700_000_000_000;
  for (let i = 0; lines.length < count; i++) {
    const t = start + i * 10;
    const at = (raw: string, dt = 0) =>
      lines.push({
        _raw: `${TAG} ${raw}`,
        _messagetime: String(t + dt),
        _sourcehost: 'api-1',
        _messageid: String(lines.length),
      });
    switch (i % 10) {
      case 0:
        at(`ERROR order ${i} failed: payment declined`);
        break;
      case 1:
        at(`java.lang.IllegalStateException: Inventory reservation failed for ${i}`);
        for (let f = 0; f < 5; f++) at(`\tat com.shop.Inventory.reserve(Inventory.java:${40 + f})`, 1);
        break;
      case 2:
        at('Traceback (most recent call last):');
        at(`  File "/app/orders.py", line ${i % 300}, in create`, 1);
        at('    qty = int(body["qty"])', 1);
        at(`ValueError: quantity must be positive, got ${-i}`, 1);
        break;
      case 3:
        at(`INFO big payload ${'x'.repeat(64 * 1024 - 60)}`);
        break;
      default:
        at(`INFO GET /api/users/${i} 200 ${i % 97} ms`);
    }
  }
  return lines.slice(0, count).reverse();
}

function analysis(): Record<string, unknown> {
  const lines = mixedLines(10_000);
  const pageSize = 1000;
  const engine = new AnalysisEngine(TAGS);
  const pages: number[] = [];
  let groups = 0;
  const start = performance.now();
  for (let i = 0; i < lines.length; i += pageSize) {
    const t = performance.now();
    groups = engine.append(lines.slice(i, i + pageSize)).groups.length;
    pages.push(performance.now() - t);
  }
  const total = performance.now() - start;
  return {
    lines: lines.length,
    chars: lines.reduce((n, l) => n + (l['_raw'] ?? '').length, 0),
    totalMs: Math.round(total),
    slowestPageMs: Math.round(Math.max(...pages)),
    pages: pages.length,
    errorGroups: groups,
  };
}

function worstLine(): Record<string, unknown> {
  let worst = { ms: 0, attack: '' };
  for (const attack of KNOWN_ATTACKS) {
    const raw = `${TAG} ${hostileText(attack)}`;
    let best = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      const t = performance.now();
      new AnalysisEngine(TAGS).append([{ _raw: raw, _messagetime: '1' }]);
      best = Math.min(best, performance.now() - t);
    }
    if (best > worst.ms)
      worst = {
        ms: best,
        attack: JSON.stringify({ prefix: attack.prefix, pattern: attack.pattern, suffix: attack.suffix }),
      };
  }
  return {
    attacks: KNOWN_ATTACKS.length,
    lineChars: 64 * 1024,
    worstMs: Number(worst.ms.toFixed(1)),
    worstAttack: worst.attack,
  };
}

function capturedHeap(): Record<string, unknown> {
  const count = 50_000;
  const headerChars = 16 * 1024;
  const headersEach = 4;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: CapturedRequest[] = [];
  for (let i = 0; i < count; i++) {
    // Fresh strings per request, as DevTools hands them over: nothing shared between requests.
    const big = () => `${i}:${'h'.repeat(headerChars)}`;
    const headers = Array.from({ length: headersEach }, (_, k) => ({ name: `X-Large-${k}`, value: big() }));
    headers.push({ name: 'X-OpenReplay-SessionToken', value: TOKEN });
    const req = fromHarEntry(
      {
        request: { url: `https://api.example.com/v1/orders/${i}?q=${'q'.repeat(2000)}`, method: 'POST', headers },
        response: { status: 200, headers: [{ name: 'Set-Cookie', value: big() }] },
        startedDateTime: new Date(1_700_000_000_000 + i).toISOString(),
      },
      'https://shop.example.com/',
    );
    if (req) kept.push(req);
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  const perRequest = (after - before) / kept.length;
  const worstHeaders =
    2 * (HAR_LIMITS.headerBudget + HAR_LIMITS.maxHeaders * (HAR_LIMITS.shortHeaderName + HAR_LIMITS.shortHeaderValue));
  return {
    requests: kept.length,
    input: `${headersEach} request headers + 1 response header of ${headerChars / 1024} KB each, a 2 KB query string`,
    heapMiB: Math.round((after - before) / 2 ** 20),
    perRequestKiB: Number((perRequest / 1024).toFixed(1)),
    budget: `values ≤ ${HAR_LIMITS.maxHeaderValueLength} chars (marked when cut), ${HAR_LIMITS.headerBudget} chars per direction, then ${HAR_LIMITS.shortHeaderValue}; at most ${worstHeaders} header characters per request`,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  return {
    analysisOf10000MixedLines: analysis(),
    worstSingle64KbLine: worstLine(),
    heapAt50000RequestsWithLargeHeaders: capturedHeap(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
