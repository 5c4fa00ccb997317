import type { SumoServerOptions } from './options.ts';
import { isDeploymentName, type DeploymentName } from './deployments.ts';
import type { Strictness } from './strictness.ts';

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
  --deployments <home>[,<d>…] serve every deployment name (or those listed): the account lives
                             in <home> (this port); each other name gets its own loopback port
                             that answers like a wrong deployment
Strict by default (docs/sumo-server.md); each can be switched:
  --lenient                  all strict behaviours off
  --cookie-loss <404|500|alternate>  answer to a follow-up call without the job's cookie
  --auth-throttle <n>        cookie-less calls per minute before sporadic 401s (0 = off; default 20)
  --no-lost-job-400          paging a lost job answers 404 instead of 400
  --no-subqueries-state      no GATHERING RESULTS FROM SUBQUERIES
  --no-extra-fields          no "warning" fields
  --no-mixed-key-case        lowercase message keys only
  --max-page-bytes <n>       cap a message page at n bytes (default 100 MB)
  --no-html-gateway-errors   502/503/504 faults answer JSON, not the load balancer's HTML
  --raw-only-when-requested  worst case: no _raw unless the create asked requiresRawMessages: true
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
  let strict: Partial<Strictness> | 'lenient' | undefined;
  const setStrict = <K extends keyof Strictness>(key: K, v: Strictness[K]): void => {
    strict = { ...(strict === 'lenient' || strict === undefined ? {} : strict), [key]: v };
  };
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
        case '--deployments': {
          const names = value()
            .split(',')
            .map((n) => n.trim().toUpperCase());
          const bad = names.find((n) => !isDeploymentName(n));
          if (bad !== undefined || names.length === 0)
            throw new Error(`--deployments: unknown deployment ${bad ?? ''}`);
          const [home, ...others] = names as DeploymentName[];
          if (home === undefined) throw new Error('--deployments needs a home deployment');
          options.deployments = others.length > 0 ? { home, others } : { home };
          break;
        }
        case '--lenient':
          strict = 'lenient';
          break;
        case '--cookie-loss': {
          const v = value();
          if (v !== '404' && v !== '500' && v !== 'alternate')
            throw new Error('--cookie-loss takes 404, 500 or alternate');
          setStrict('cookieLoss', v === 'alternate' ? v : v === '404' ? 404 : 500);
          break;
        }
        case '--auth-throttle':
          setStrict('authThrottleFreeCalls', Math.floor(num(flag, value())));
          break;
        case '--no-lost-job-400':
          setStrict('lostJobPaging400', false);
          break;
        case '--no-subqueries-state':
          setStrict('subqueriesState', false);
          break;
        case '--no-extra-fields':
          setStrict('extraFields', false);
          break;
        case '--no-mixed-key-case':
          setStrict('mixedKeyCase', false);
          break;
        case '--max-page-bytes':
          setStrict('maxPageBytes', num(flag, value()));
          break;
        case '--no-html-gateway-errors':
          setStrict('htmlGatewayErrors', false);
          break;
        case '--raw-only-when-requested':
          setStrict('rawOnlyWhenRequested', true);
          break;
        default:
          return { ok: false, error: `unknown option ${flag}` };
      }
    }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (strict !== undefined) options.strict = strict;
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
