import { readDemoConfig } from './config.ts';
import { FLOWS } from './flows.ts';
import { mountTrackerPage } from './page.ts';
import { createDemoTracker, keepBatchesFlowing } from './tracker.ts';

// The shop's flows that propagate end to end: the tracker (or the app) adds the header, CORS lets
// it through, and the backend tags its log lines. No health check, strict partner or legacy report.
const PROPAGATING = new Set(['load-profile', 'save-order', 'checkout', 'manual-header', 'partner-open']);

const config = readDemoConfig();
const tracker = createDemoTracker(config);
const root = document.getElementById('app');
if (root)
  mountTrackerPage(
    root,
    tracker,
    config,
    FLOWS.filter((f) => PROPAGATING.has(f.id)),
  );
void tracker.start();
keepBatchesFlowing(tracker);
