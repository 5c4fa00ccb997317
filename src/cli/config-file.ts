import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfigText, type ReplayLinkConfig } from './config.ts';
import { CannotRun } from './errors.ts';

const MAX_CONFIG_BYTES = 1024 * 1024;

/** The named file (it must exist), else `replay-link.config.json` in `cwd` when there is one, else the defaults. */
export function loadConfig(
  file: string | undefined,
  cwd = process.cwd(),
): { config: ReplayLinkConfig; source: string | null } {
  const path = resolve(cwd, file ?? CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    if (file !== undefined) throw new CannotRun(`config file ${path} does not exist`);
    return { config: structuredClone(DEFAULT_CONFIG) as ReplayLinkConfig, source: null };
  }
  let text: string;
  try {
    const buf = readFileSync(path);
    if (buf.length > MAX_CONFIG_BYTES) throw new CannotRun(`config file ${path} is larger than 1 MB`);
    text = buf.toString('utf8');
  } catch (err) {
    if (err instanceof CannotRun) throw err;
    throw new CannotRun(`cannot read config file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseConfigText(text);
  if (!parsed.ok) throw new CannotRun(`invalid config file ${path}: ${parsed.errors.join('; ')}`);
  return { config: parsed.config, source: path };
}
