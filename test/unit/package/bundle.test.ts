// What VS Code loads at start is dist/extension.js alone: it must hold none of the heavy libraries, which
// load on first use (dist/skill.js) or never enter the extension at all (undici: VS Code's fetch serves).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot } from '../../support/vscodeServer';

const KEPT_OUT = ['undici', 'jszip', 'yaml', 'ignore', '@secretlint/', 'jsonc-parser'];

describe('the main bundle', () => {
  it('holds none of undici, jszip, yaml, ignore, jsonc-parser or the secret scanner; the skill bundle holds the checks and the evals engine', async function () {
    this.timeout(60_000);
    const { bundleOptions } = (await import(pathToFileURL(join(repoRoot, 'esbuild.mjs')).href)) as {
      bundleOptions: esbuild.BuildOptions;
    };
    const result = await esbuild.build({ ...bundleOptions, absWorkingDir: repoRoot, write: false, metafile: true });
    const inputsOf = (bundle: string) =>
      Object.keys(result.metafile.outputs[`dist/${bundle}.js`].inputs).filter((i) => i.includes('node_modules/'));
    const main = inputsOf('extension');
    for (const library of KEPT_OUT) {
      assert.deepEqual(
        main.filter((i) => i.includes(`node_modules/${library}`)),
        [],
        `${library} is in dist/extension.js`,
      );
    }
    const skill = inputsOf('skill');
    for (const library of ['jszip', 'yaml', 'ignore', '@secretlint/core', 'jsonc-parser'])
      assert.ok(
        skill.some((i) => i.includes(`node_modules/${library}`)),
        `${library} is not in dist/skill.js`,
      );
  });

  it("leaves out node-forge, which secretlint's preset loads only to open .p12 files, and keeps its secret rules", async function () {
    this.timeout(60_000);
    const { bundleOptions } = (await import(pathToFileURL(join(repoRoot, 'esbuild.mjs')).href)) as {
      bundleOptions: esbuild.BuildOptions;
    };
    const result = await esbuild.build({ ...bundleOptions, absWorkingDir: repoRoot, write: false });
    const skill = result.outputFiles.find((f) => f.path.endsWith(`${join('dist', 'skill.js')}`))!.text;
    assert.ok(!skill.includes('PFX.macData'), "node-forge's PKCS #12 reader is in dist/skill.js");
    assert.ok(skill.includes('found Anthropic Claude API key'), "the preset's rules are not in dist/skill.js");
  });
});
