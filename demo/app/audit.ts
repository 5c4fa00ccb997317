import { readDemoConfig } from './config.ts';
import { calls, isAuditCase, networkOptions, SAMPLED_OUT_PROJECT_KEY, type AuditCase } from './audit-cases.ts';
import { runUnreachable } from './audit-unreachable.ts';

// Kept before any tracker exists: requests made with it bypass the tracker's patch, like a client
// (ky, an SDK) that captured fetch at import time.
const savedFetch = window.fetch.bind(window);

interface AnyTracker {
  start(): Promise<unknown>;
  getSessionToken(): string | null | undefined;
  forceFlushBatch?: () => void;
}
type TrackerCtor = new (options: Record<string, unknown>) => AnyTracker;

const VERSIONS: Record<string, () => Promise<{ default: unknown }>> = {
  v14: () => import('@openreplay/tracker-v14'),
  v16: () => import('@openreplay/tracker-v16'),
  v17: () => import('@openreplay/tracker-v17'),
  v19: () => import('@openreplay/tracker'),
};

const params = new URLSearchParams(location.search);
const rawCase = params.get('case');
const auditCase: AuditCase = isAuditCase(rawCase) ? rawCase : 'include';
const version = params.get('tracker') ?? 'v19';
const config = readDemoConfig();

function show(testId: string, text: string): void {
  const el = document.querySelector(`[data-testid="${testId}"]`);
  if (el) el.textContent = text;
}

function logLine(text: string): void {
  const li = document.createElement('li');
  li.textContent = text;
  document.querySelector('[data-testid="audit-log"]')?.append(li);
}

async function main(): Promise<void> {
  show('audit-case', auditCase);
  show('audit-tracker', version);
  const load = VERSIONS[version] ?? VERSIONS['v19'];
  const Tracker = (await load!()).default as TrackerCtor;
  const tracker = new Tracker({
    projectKey: auditCase === 'sampled' ? SAMPLED_OUT_PROJECT_KEY : config.projectKey,
    ingestPoint: config.ingestUrl,
    __DISABLE_SECURE_MODE: true,
    respectDoNotTrack: false,
    network: {
      ...networkOptions(auditCase),
      capturePayload: false,
      failuresOnly: false,
      ignoreHeaders: ['cookie', 'set-cookie'],
    },
  });
  const started = await tracker.start().catch((e: unknown) => ({ success: false, reason: String(e) }));
  const ok = typeof started === 'object' && started !== null && (started as { success?: unknown }).success === true;
  show('audit-start', ok ? 'yes' : `no (${String((started as { reason?: unknown } | null)?.reason ?? 'unknown')})`);
  show('token', tracker.getSessionToken() ?? '—');
  for (const call of calls(auditCase, config, () => tracker.getSessionToken() ?? undefined)) {
    const f = call.saved ? savedFetch : window.fetch;
    try {
      const res = await f(call.url, call.headers ? { headers: call.headers } : {});
      await res.text();
      logLine(`${call.url} → ${res.status}`);
    } catch (err) {
      logLine(`${call.url} → failed (${String(err)})`);
    }
  }
  if (auditCase === 'unreachable') await runUnreachable(logLine);
  tracker.forceFlushBatch?.();
  show('audit-done', 'done');
}

void main();
