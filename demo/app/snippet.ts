import { readDemoConfig } from './config.ts';
import { demoWindow } from './globals.ts';

// What the OpenReplay snippet puts on window before its script has loaded: an array that queues
// calls, whose session getters answer "nothing yet".
type SnippetStub = unknown[] & Record<string, (...args: unknown[]) => unknown>;

const stub = [] as unknown as SnippetStub;
for (const method of ['start', 'stop', 'setUserID', 'setUserAnonymousID', 'setMetadata', 'event', 'issue']) {
  stub[method] = (...args: unknown[]) => stub.push([method, args]);
}
stub.isActive = () => false;
stub.getSessionToken = () => undefined;
stub.getSessionID = () => undefined;
demoWindow.OpenReplay = stub;
stub.push(['start', []]);

const config = readDemoConfig();
setTimeout(() => {
  void (async () => {
    // Loaded late and on its own, like the snippet's <script async>.
    const [{ createDemoTracker, keepBatchesFlowing }, { mountTrackerPage }] = await Promise.all([
      import('./tracker.ts'),
      import('./page.ts'),
    ]);
    const tracker = createDemoTracker(config, { isSnippet: true });
    demoWindow.OpenReplay = tracker;
    const root = document.getElementById('app');
    if (root) mountTrackerPage(root, tracker, config);
    await tracker.start();
    keepBatchesFlowing(tracker);
  })();
}, 1500);
