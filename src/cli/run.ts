// `replay-link audit`: headless Chromium, the page, the flow, the recording, the audit, the files.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, QUIET_FLAGS } from './chromium.ts';
import type { AuditArgs } from './args.ts';
import { auditRecording, type AuditOutcome } from './audit-recording.ts';
import { loadConfig } from './config-file.ts';
import { CannotRun, type Progress } from './errors.ts';
import { startRecording } from './recorder.ts';

const LOAD_TIMEOUT_MS = 30_000;
const SESSION_WAIT_MS = 10_000;

export type Flow = (page: Page, helpers: { step(label: string): void }) => Promise<void>;

async function loadFlow(file: string): Promise<Flow> {
  const path = resolve(file);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    throw new CannotRun(
      `cannot load the flow ${path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
  }
  const fn = mod['default'] ?? mod['flow'];
  if (typeof fn !== 'function')
    throw new CannotRun(`the flow ${path} must export a function (export default async (page) => { … })`);
  return fn as Flow;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 300) ?? '';
}

async function launch(): Promise<Browser> {
  let executablePath: string;
  try {
    executablePath = chromiumPath();
  } catch (err) {
    throw new CannotRun(firstLine(err));
  }
  try {
    // Ctrl-C is ours to handle: Playwright's own handler would exit before a search job is deleted.
    return await chromium.launch({
      executablePath,
      headless: true,
      args: QUIET_FLAGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    throw new CannotRun(
      `Chromium (${executablePath}) did not start: ${firstLine(err)} — set CHROME_PATH to a working Chromium`,
    );
  }
}

/** Settles like `work`, or rejects as soon as the run is interrupted. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(new CannotRun('interrupted'));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

export interface RunResult {
  outcome: AuditOutcome;
  files: string[];
}

export async function runAudit(args: AuditArgs, progress: Progress, signal?: AbortSignal): Promise<RunResult> {
  const startedAt = Date.now();
  const { config, source } = loadConfig(args.config);
  progress(
    source ? `config: ${source}` : 'config: none (defaults: same-origin fetch/XHR in scope, every problem fails)',
  );
  const flow = args.flow !== undefined ? await loadFlow(args.flow) : null;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const recording = await startRecording(page);
    try {
      let response;
      try {
        response = await unlessAborted(page.goto(args.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }), signal);
      } catch (err) {
        if (err instanceof CannotRun) throw err;
        throw new CannotRun(`the page ${args.url} did not load: ${firstLine(err).replace(/^page\.goto: /, '')}`);
      }
      const status = response?.status() ?? 0;
      if (status >= 400)
        throw new CannotRun(`the page ${args.url} answered HTTP ${status} — check the URL and that the app is running`);
      progress(`page loaded: ${page.url()} (HTTP ${status || '—'})`);

      // The tracker starts its session after load: give it a moment before the flow starts.
      const deadline = Date.now() + SESSION_WAIT_MS;
      for (;;) {
        await recording.probe();
        if (recording.session().detected || Date.now() >= deadline || signal?.aborted) break;
        await new Promise((r) => setTimeout(r, 250));
      }

      if (flow !== null) {
        progress(`flow: ${args.flow}`);
        try {
          await unlessAborted(
            flow(page, { step: (label) => progress(`flow: ${String(label).slice(0, 200)}`) }),
            signal,
          );
        } catch (err) {
          if (err instanceof CannotRun) throw err;
          throw new CannotRun(`the flow failed: ${firstLine(err)}`);
        }
        progress('flow: done');
      }
      const outcome = await auditRecording(recording, {
        config,
        ...(args.failOn ? { failOn: args.failOn } : {}),
        progress,
        ...(signal ? { signal } : {}),
        startedAt,
      });
      const files: string[] = [];
      const write = (file: string | undefined, text: () => string): void => {
        if (file === undefined) return;
        const path = resolve(file);
        try {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, text());
        } catch (err) {
          throw new CannotRun(`cannot write ${path}: ${firstLine(err)}`);
        }
        files.push(path);
        progress(`wrote ${path}`);
      };
      write(args.junit, outcome.junit);
      write(args.md, outcome.markdown);
      write(args.json, outcome.json);
      return { outcome, files };
    } finally {
      await recording.stop();
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
}
