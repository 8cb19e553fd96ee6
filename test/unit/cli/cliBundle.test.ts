// dist/cli.js as it ships: one file that runs under plain Node with nothing beside it (no node_modules, no
// vscode), starts with a shebang, and exits with the documented codes.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot } from '../../support/vscodeServer';

describe('the claude-skills bundle', function () {
  this.timeout(120_000);
  let dir: string;
  let cli: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claude-skills-bundle-'));
    const { cliBundleOptions } = (await import(pathToFileURL(join(repoRoot, 'esbuild.mjs')).href)) as {
      cliBundleOptions: esbuild.BuildOptions;
    };
    await esbuild.build({
      ...cliBundleOptions,
      absWorkingDir: repoRoot,
      outdir: dir,
      minify: true,
      logLevel: 'silent',
    });
    cli = join(dir, 'cli.js');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is one file that needs neither vscode nor node_modules, and says its version', () => {
    const text = readFileSync(cli, 'utf8');
    assert.ok(text.startsWith('#!/usr/bin/env node\n'));
    assert.doesNotMatch(text, /require\(["']vscode["']\)/);
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    // Run from a folder with no node_modules above it: everything it needs is inside.
    assert.equal(execFileSync(process.execPath, [cli, '--version'], { cwd: dir, encoding: 'utf8' }), `${version}\n`);
  });

  it('validates the fixtures as a process: exit 1 for the broken folder, 2 for a usage error', () => {
    const fixtures = join(repoRoot, 'test', 'fixtures', 'workspace', 'skills');
    const env = { PATH: process.env.PATH ?? '' };
    const broken = spawnSync(process.execPath, [cli, 'validate', fixtures], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(broken.status, 1, broken.stderr);
    assert.match(broken.stdout, /broken-skill {2}2 errors/);
    const good = spawnSync(process.execPath, [cli, 'validate', join(fixtures, 'hello-world')], {
      env,
      encoding: 'utf8',
    });
    assert.equal(good.status, 0, good.stderr);
    const usage = spawnSync(process.execPath, [cli, 'validate', '--nope'], { env, encoding: 'utf8' });
    assert.equal(usage.status, 2);
  });
});
