import { parseCliArgs, USAGE } from './cli-args.ts';
import { startSumoServer } from './server.ts';

const parsed = parseCliArgs(process.argv.slice(2));
if (!parsed.ok) {
  if (parsed.error) console.error(`sumo-server: ${parsed.error}`);
  console.error(USAGE);
  process.exit(parsed.error ? 2 : 0);
}

const server = await startSumoServer(parsed.options);
const creds = parsed.options.credentials?.[0] ?? { accessId: 'demo-access-id', accessKey: 'demo-access-key' };
// First line is the bare base URL so scripts can read it.
console.log(server.url);
console.log(`  API base:     ${server.apiUrl}   (access id ${creds.accessId})`);
console.log(`  HTTP source:  ${server.receiverUrl}`);
console.log(`  Inspection:   ${server.url}/__sumo/stats`);
for (const [name, url] of Object.entries(server.deploymentUrls)) {
  console.log(
    `  Deployment ${name.padEnd(4)} ${url}/api${url === server.url ? '   (home: the account lives here)' : ''}`,
  );
}

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
