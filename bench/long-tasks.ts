// Where the panel's long main-thread tasks go, from a Chromium performance trace of the whole
// browser: each task over 50 ms on a renderer's main thread, with the time its steps took by
// themselves (script, style, layout, paint, garbage collection, message deserialisation...).
// Used by bench/panel-flood.ts to say what a long task was made of, not just how long it was.

import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

export interface LongTask {
  ms: number;
  thread: string;
  /** The steps with the most self time, "name ms" (FunctionCall named by its function). */
  top: string[];
}

export interface Tracer {
  stop(): Promise<LongTask[]>;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'ipc',
  'mojom',
].join(',');

/** Starts a trace of the browser `page` belongs to (every process, so the panel's OOPIF too). */
export async function startTrace(page: Page): Promise<Tracer> {
  const browser = page.context().browser();
  if (browser === null) throw new Error('no browser to trace');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES.split(','), recordMode: 'recordContinuously' },
    transferMode: 'ReturnAsStream',
  });
  return {
    async stop() {
      const done = new Promise<string>((resolve) =>
        cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')),
      );
      await cdp.send('Tracing.end');
      const stream = await done;
      let text = '';
      for (;;) {
        const chunk = (await cdp.send('IO.read', { handle: stream, size: 4 << 20 })) as {
          data: string;
          eof: boolean;
          base64Encoded?: boolean;
        };
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      await cdp.detach();
      const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
      return longTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents);
    },
  };
}

function label(e: TraceEvent): string {
  const d = e.args?.data;
  if ((e.name === 'FunctionCall' || e.name === 'EvaluateScript') && d) {
    const file = (d.url ?? '').split('/').pop() ?? '';
    return `${e.name}(${d.functionName || '?'}@${file})`;
  }
  return e.name;
}

export function longTasks(events: TraceEvent[], overMs = 50): LongTask[] {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!(threads.get(key) ?? '').startsWith('CrRendererMain')) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const out: LongTask[] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    for (let i = 0; i < list.length; i++) {
      const task = list[i] as TraceEvent;
      if (task.name !== 'ThreadControllerImpl::RunTask' && task.name !== 'RunTask') continue;
      const end = task.ts + (task.dur ?? 0);
      if ((task.dur ?? 0) / 1000 < overMs) {
        while (i + 1 < list.length && (list[i + 1] as TraceEvent).ts < end) i++;
        continue;
      }
      // Self time of each nested step: its duration minus its direct children's.
      const self = new Map<string, number>();
      const stack: Array<{ e: TraceEvent; children: number }> = [];
      const close = (upTo: number) => {
        while (stack.length > 0) {
          const top = stack[stack.length - 1] as { e: TraceEvent; children: number };
          if (top.e.ts + (top.e.dur ?? 0) > upTo) break;
          stack.pop();
          const name = label(top.e);
          self.set(name, (self.get(name) ?? 0) + (top.e.dur ?? 0) - top.children);
        }
      };
      let j = i + 1;
      for (; j < list.length && (list[j] as TraceEvent).ts < end; j++) {
        const e = list[j] as TraceEvent;
        close(e.ts);
        const parent = stack[stack.length - 1];
        if (parent) parent.children += e.dur ?? 0;
        stack.push({ e, children: 0 });
      }
      close(Infinity);
      const childTotal = [...self.values()].reduce((a, b) => a + b, 0);
      self.set('(task itself)', (task.dur ?? 0) - childTotal);
      out.push({
        ms: Math.round((task.dur ?? 0) / 1000),
        thread: `${key} ${threads.get(key) ?? ''}`,
        top: [...self.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([n, us]) => `${n} ${Math.round(us / 1000)}`),
      });
      i = j - 1;
    }
  }
  return out.sort((a, b) => b.ms - a.ms);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface Profiler {
  stop(): Promise<string[]>;
}

/** Samples the JavaScript of `frame`'s page or OOPIF; `stop` gives the functions with the most self time. */
export async function startProfile(page: Page, frame: import('playwright-core').Frame): Promise<Profiler> {
  const cdp = await page.context().newCDPSession(frame);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      await cdp.detach();
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const n = byId.get(id);
        if (!n) return;
        const f = n.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      });
      return [...self.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, us]) => `${Math.round(us / 1000)} ms ${k}`);
    },
  };
}
