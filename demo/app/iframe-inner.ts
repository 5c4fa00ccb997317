import { readDemoConfig } from './config.ts';
import { mountTrackerPage } from './page.ts';
import { createDemoTracker, keepBatchesFlowing } from './tracker.ts';

const config = readDemoConfig();
const tracker = createDemoTracker(config);
const root = document.getElementById('app');
if (root) mountTrackerPage(root, tracker, config);
void tracker.start();
keepBatchesFlowing(tracker);
