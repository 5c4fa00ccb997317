import { startDemoWorld } from './world.ts';

// `npx tsx demo/world-cli.ts [--sumo <receiver url>]`: the demo world alone, for poking with curl.
const sumoIndex = process.argv.indexOf('--sumo');
const sumoReceiverUrl = sumoIndex > 0 ? process.argv[sumoIndex + 1] : process.env.SUMO_RECEIVER_URL;

const world = await startDemoWorld({
  ...(sumoReceiverUrl ? { sumoReceiverUrl } : {}),
  log: (line) => console.log(line),
});
console.log(`demo app        ${world.appUrl}`);
console.log(`ingest point    ${world.ingestUrl}`);
console.log(`strict partner  ${world.strictOrigin}`);
console.log(`open partner    ${world.openOrigin}`);
console.log(`yesterday       ${world.customerSession.sessionUrl}`);
console.log(`force new:      curl -X POST ${new URL('/__ingest/force-new', world.ingestUrl).href}`);
console.log(`sessions:       curl ${new URL('/__ingest/sessions', world.ingestUrl).href}`);
console.log('Ctrl+C to stop.');

const stop = (): void => {
  void world.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
