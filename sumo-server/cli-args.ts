import type { SumoServerOptions } from './options.ts';

export const USAGE = `Usage: npm run sumo-server -- [options]
  --port <n>                 port on 127.0.0.1 (default 8787; 0 = any free port)
  --access-id <id>           access id accepted (default demo-access-id)
  --access-key <key>         its access key (default demo-access-key)
  --non-enterprise           the account is not Enterprise: the API answers 403
  --gather-rate <n>          messages a job finds per second (default 2000)
  --start-delay <ms>         how long a job stays NOT STARTED (default 200)
  --idle-timeout <ms>        a job not polled for this long expires (default 30000)
  --source-code <code>       HTTP source code in /receiver/v1/http/<code> (default demo-http-source)
  --deployment-redirect <u>  answer 301 moved pointing at this API base
  --help                     show this help`;

export type CliParse = { ok: true; options: SumoServerOptions } | { ok: false; error?: string };

function num(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new Error(`${flag} needs a non-negative number`);
  }
  return n;
}

export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: SumoServerOptions = { port: 8787 };
  let accessId: string | undefined;
  let accessKey: string | undefined;
  let enterprise = true;
  try {
    for (let i = 0; i < argv.length; i++) {
      const flag = argv[i];
      const value = (): string => {
        const v = argv[++i];
        if (v === undefined) throw new Error(`${flag} needs a value`);
        return v;
      };
      switch (flag) {
        case '--help':
        case '-h':
          return { ok: false };
        case '--port':
          options.port = num(flag, value());
          break;
        case '--access-id':
          accessId = value();
          break;
        case '--access-key':
          accessKey = value();
          break;
        case '--non-enterprise':
          enterprise = false;
          break;
        case '--gather-rate':
          options.gatherMessagesPerSecond = num(flag, value());
          break;
        case '--start-delay':
          options.jobStartDelayMs = num(flag, value());
          break;
        case '--idle-timeout':
          options.jobIdleTimeoutMs = num(flag, value());
          break;
        case '--source-code':
          options.httpSourceCode = value();
          break;
        case '--deployment-redirect':
          options.deploymentRedirect = value();
          break;
        default:
          return { ok: false, error: `unknown option ${flag}` };
      }
    }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if ((accessId === undefined) !== (accessKey === undefined)) {
    return { ok: false, error: '--access-id and --access-key go together' };
  }
  if (accessId !== undefined && accessKey !== undefined) {
    options.credentials = [{ accessId, accessKey, enterprise }];
  } else if (!enterprise) {
    options.credentials = [{ accessId: 'demo-access-id', accessKey: 'demo-access-key', enterprise: false }];
  }
  return { ok: true, options };
}
