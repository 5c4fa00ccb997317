/**
 * What may go into a store upload. Pure: takes the files of a build and its manifest, returns every
 * problem found (empty = fine), so the rules are unit-tested without building anything.
 */

export type Target = 'chrome' | 'firefox';

export interface ReleaseFile {
  path: string;
  data: Buffer;
}

/** The permissions the README documents; anything more needs a README change first. */
export const DOCUMENTED_PERMISSIONS = {
  permissions: ['storage'],
  host_permissions: ['https://*.sumologic.com/*'],
  optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
} as const;

const TEXT_FILE = /\.(js|mjs|css|html|json|txt|svg)$/i;
const TEST_PATH = /(^|\/)(test|tests|__tests__|e2e|fixtures?)\/|\.(test|spec|e2e)\.[cm]?[jt]sx?$/i;
/** Absolute paths of a build machine: they leak where and by whom it was built. */
const ABSOLUTE_PATH = /(^|[^\w.-])(\/(?:work|home|root|Users|tmp)\/[\w.@-]+|[A-Za-z]:\\\\?Users\\)/;

export function checkRelease(target: Target, files: readonly ReleaseFile[], expectedVersion: string): string[] {
  const problems: string[] = [];
  const manifestFile = files.find((f) => f.path === 'manifest.json');
  if (!manifestFile) return ['manifest.json is missing'];

  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestFile.data.toString('utf8')) as Record<string, unknown>;
  } catch {
    return ['manifest.json is not valid JSON'];
  }
  problems.push(...checkManifest(target, manifest, expectedVersion));

  for (const file of files) {
    if (file.path.endsWith('.map')) problems.push(`${file.path}: source map in a release`);
    if (TEST_PATH.test(file.path)) problems.push(`${file.path}: test code in a release`);
    if (!TEXT_FILE.test(file.path)) continue;
    const text = file.data.toString('utf8');
    if (/[#@]\s*sourceMappingURL=/.test(text)) problems.push(`${file.path}: refers to a source map`);
    const leak = ABSOLUTE_PATH.exec(text);
    if (leak) problems.push(`${file.path}: contains an absolute path (${leak[2]})`);
  }
  return problems;
}

export function checkManifest(target: Target, manifest: Record<string, unknown>, expectedVersion: string): string[] {
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  if (manifest.version !== expectedVersion) {
    problems.push(`manifest version ${String(manifest.version)} is not package.json's ${expectedVersion}`);
  }
  if (typeof manifest.name === 'string' && /demo/i.test(manifest.name))
    problems.push('this is the demo build (its name says so)');
  for (const key of ['permissions', 'host_permissions', 'optional_host_permissions'] as const) {
    const value = manifest[key] ?? [];
    if (!Array.isArray(value)) {
      problems.push(`${key} is not a list`);
      continue;
    }
    const allowed: readonly string[] = DOCUMENTED_PERMISSIONS[key];
    const extra = value.filter((p) => typeof p !== 'string' || !allowed.includes(p));
    if (extra.length) problems.push(`${key} beyond the documented set: ${extra.map(String).join(', ')}`);
  }
  if (manifest.content_scripts !== undefined) problems.push('content_scripts present (Replay Link promises none)');
  const background = (manifest.background ?? {}) as Record<string, unknown>;
  if (target === 'chrome') {
    if (typeof background.service_worker !== 'string') problems.push('Chrome build without background.service_worker');
    if (manifest.browser_specific_settings !== undefined)
      problems.push('Chrome build carries browser_specific_settings');
  } else {
    if (!Array.isArray(background.scripts)) problems.push('Firefox build without background.scripts');
    if (background.service_worker !== undefined) problems.push('Firefox build with background.service_worker');
    const gecko = (manifest.browser_specific_settings as { gecko?: { id?: unknown } } | undefined)?.gecko;
    if (typeof gecko?.id !== 'string') problems.push('Firefox build without browser_specific_settings.gecko.id');
  }
  return problems;
}
