import { readDemoConfig } from './config.ts';
import { demoWindow } from './globals.ts';
import { mountTrackerPage } from './page.ts';
import { createDemoTracker, keepBatchesFlowing } from './tracker.ts';

const config = readDemoConfig();
const tracker = createDemoTracker(config);
const root = document.getElementById('app');

void tracker.start().then(() => {
  // Hide every trace but the traffic: the tracker keeps its token in memory and goes on sending.
  delete demoWindow.__OPENREPLAY__;
  sessionStorage.removeItem('__openreplay_token');
  if (root) mountTrackerPage(root, tracker, config);
  const clock = document.createElement('p');
  clock.dataset.testid = 'clock';
  root?.append(clock);
  // DOM changes give every batch something to carry.
  setInterval(() => {
    clock.textContent = `page time ${new Date().toISOString()}`;
  }, 1000);
  keepBatchesFlowing(tracker, 2000);
});
