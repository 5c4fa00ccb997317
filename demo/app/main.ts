import { readDemoConfig } from './config.ts';
import { mountTrackerPage } from './page.ts';
import { createDemoTracker, keepBatchesFlowing } from './tracker.ts';

const config = readDemoConfig();
// The constructor also sets window.__OPENREPLAY__, where the DevTools panel looks first.
const tracker = createDemoTracker(config);
const root = document.getElementById('app');
if (root) mountTrackerPage(root, tracker, config);
void tracker.start();
keepBatchesFlowing(tracker);
