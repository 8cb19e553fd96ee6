// A publish to the Marketplace or Open VSX is refused while the manifest has no repository or the CHANGELOG
// no dated entry for its version; packaging goes on (the UI layer packages on every run).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { repoRoot } from '../../support/vscodeServer';

interface PublishCheck {
  isPublish(commandLines: string[]): boolean;
  publishRefusals(manifest: object, changelog: string): string[];
}
const load = async () =>
  (await import(pathToFileURL(join(repoRoot, 'scripts', 'publish-check.mjs')).href)) as PublishCheck;

describe('the publish check', () => {
  it('tells vsce publish and ovsx publish from packaging and listing, however they are started', async () => {
    const { isPublish } = await load();
    const publishes = [
      'node /repo/node_modules/@vscode/vsce/vsce publish -p token',
      'npx vsce publish --packagePath x.vsix',
      'node /usr/lib/node_modules/ovsx/lib/ovsx publish -p token',
      'C:\\repo\\node_modules\\.bin\\vsce.cmd publish minor',
    ];
    for (const line of publishes) assert.equal(isPublish(['sh -c npm run vscode:prepublish', line]), true, line);
    const others = [
      'node /repo/node_modules/@vscode/vsce/vsce package --no-dependencies',
      'npx vsce ls --no-dependencies',
      'node scripts/test.mjs publish',
      'npx vsce package --out publish',
    ];
    for (const line of others) assert.equal(isPublish([line]), false, line);
  });

  it('asks for a repository and a dated CHANGELOG entry of the version, and nothing more', async () => {
    const { publishRefusals } = await load();
    const dated = '# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-12-07\n\n### Added\n';
    assert.deepEqual(publishRefusals({ version: '1.2.0', repository: 'https://example.org/r.git' }, dated), []);
    assert.deepEqual(publishRefusals({ version: '1.2.0', repository: { type: 'git', url: 'https://x/y' } }, dated), []);
    const [missing] = publishRefusals({ version: '1.2.0' }, dated);
    assert.match(missing, /no "repository"/);
    const [undated] = publishRefusals({ version: '1.2.1', repository: 'https://x/y' }, dated);
    assert.match(undated, /no entry "## \[1\.2\.1\] - YYYY-MM-DD"/);
    assert.equal(publishRefusals({ version: '1.2.0', repository: 'u' }, '## [1.2.0] - soon').length, 1);
  });

  it('stops a real `vsce publish` in its prepublish step, before it builds or sends anything', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'publish-check-'));
    try {
      cpSync(join(repoRoot, 'scripts', 'publish-check.mjs'), join(dir, 'scripts', 'publish-check.mjs'));
      const manifest = {
        name: 'probe',
        version: '0.1.0',
        publisher: 'probe',
        engines: { vscode: '^1.95.0' },
        scripts: { 'vscode:prepublish': 'node scripts/publish-check.mjs && node -e "console.log(21 * 2)"' },
      };
      writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
      writeFileSync(join(dir, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n');
      const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
      const run = promisify(execFile)(process.execPath, [vsce, 'publish', '-p', 'not-a-token'], { cwd: dir });
      const failure = (await run.then(
        () => assert.fail('vsce publish went on'),
        (err: unknown) => err,
      )) as { stdout: string; stderr: string };
      const output = failure.stdout + failure.stderr;
      assert.match(output, /Refusing to publish probe 0\.1\.0/);
      assert.match(output, /no "repository"/);
      assert.match(output, /CHANGELOG\.md has no entry "## \[0\.1\.0\]/);
      assert.doesNotMatch(output, /^42$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
