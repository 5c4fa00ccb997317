import { describe, expect, it } from 'vitest';
import { checkManifest, checkRelease, type ReleaseFile } from '../../../scripts/release-check.ts';

const chromeManifest = {
  manifest_version: 3,
  name: 'Replay Link',
  version: '0.1.0',
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
  permissions: ['storage'],
  host_permissions: ['https://*.sumologic.com/*'],
  optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
};
const firefoxManifest = {
  ...chromeManifest,
  background: { scripts: ['service-worker-loader.js'], type: 'module' },
  browser_specific_settings: { gecko: { id: 'replay-link@replay-link.dev' } },
};

const file = (path: string, text: string): ReleaseFile => ({ path, data: Buffer.from(text) });
const withManifest = (m: object, ...rest: ReleaseFile[]) => [file('manifest.json', JSON.stringify(m)), ...rest];

describe('checkRelease', () => {
  it('accepts a clean Chrome build and a clean Firefox build', () => {
    expect(
      checkRelease(
        'chrome',
        withManifest(chromeManifest, file('assets/panel-abc.js', 'console.log("/api/users/:id")')),
        '0.1.0',
      ),
    ).toEqual([]);
    expect(checkRelease('firefox', withManifest(firefoxManifest), '0.1.0')).toEqual([]);
  });

  it('names permissions beyond the documented set', () => {
    const greedy = {
      ...chromeManifest,
      permissions: ['storage', 'tabs'],
      host_permissions: ['<all_urls>'],
      optional_host_permissions: ['http://*/*'],
    };
    expect(checkManifest('chrome', greedy, '0.1.0')).toEqual([
      'permissions beyond the documented set: tabs',
      'host_permissions beyond the documented set: <all_urls>',
      'optional_host_permissions beyond the documented set: http://*/*',
    ]);
  });

  it("refuses the demo build's loopback host permissions and name", () => {
    const demo = {
      ...chromeManifest,
      name: 'Replay Link (demo build)',
      host_permissions: ['https://*.sumologic.com/*', 'http://127.0.0.1/*'],
    };
    expect(checkManifest('chrome', demo, '0.1.0')).toEqual([
      'this is the demo build (its name says so)',
      'host_permissions beyond the documented set: http://127.0.0.1/*',
    ]);
  });

  it('wants the version from package.json', () => {
    expect(checkManifest('chrome', { ...chromeManifest, version: '0.0.9' }, '0.1.0')).toEqual([
      "manifest version 0.0.9 is not package.json's 0.1.0",
    ]);
  });

  it('flags source maps, test code and absolute build paths', () => {
    const files = withManifest(
      chromeManifest,
      file('assets/panel.js.map', '{}'),
      file('assets/panel.js', 'x();\n//# sourceMappingURL=panel.js.map'),
      file('test/e2e/panel.e2e.js', ''),
      file('assets/verdict.test.js', ''),
      file('assets/leak.js', 'const f="/work/main/src/panel/App.tsx"'),
      file('assets/home.js', 'import "/home/dev/replay-link/src/x.ts"'),
    );
    expect(checkRelease('chrome', files, '0.1.0')).toEqual([
      'assets/panel.js.map: source map in a release',
      'assets/panel.js: refers to a source map',
      'test/e2e/panel.e2e.js: test code in a release',
      'assets/verdict.test.js: test code in a release',
      'assets/leak.js: contains an absolute path (/work/main)',
      'assets/home.js: contains an absolute path (/home/dev)',
    ]);
  });

  it('does not mistake URL paths for build paths', () => {
    const files = withManifest(
      chromeManifest,
      file('assets/a.js', 'fetch("https://api.example.com/home/feed"); const p = "a/work/b";'),
    );
    expect(checkRelease('chrome', files, '0.1.0')).toEqual([]);
  });

  it('checks the background shape for each target', () => {
    expect(checkManifest('firefox', chromeManifest, '0.1.0')).toEqual([
      'Firefox build without background.scripts',
      'Firefox build with background.service_worker',
      'Firefox build without browser_specific_settings.gecko.id',
    ]);
    expect(checkManifest('chrome', firefoxManifest, '0.1.0')).toEqual([
      'Chrome build without background.service_worker',
      'Chrome build carries browser_specific_settings',
    ]);
  });

  it('refuses a build without a manifest, or with a content script', () => {
    expect(checkRelease('chrome', [file('a.js', '')], '0.1.0')).toEqual(['manifest.json is missing']);
    expect(checkManifest('chrome', { ...chromeManifest, content_scripts: [] }, '0.1.0')).toEqual([
      'content_scripts present (Replay Link promises none)',
    ]);
  });
});
