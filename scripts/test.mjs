#!/usr/bin/env node
// `npm test [-- unit host ui]`: every layer by default. Each layer ends with a summary line of its own
// (mocha's, node:test's, or "N passed, N failed"); the exit code is non-zero if any layer failed.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildVsix, compileTests, runAsync, vsixPath } from './lib/build.mjs';
import { repoRoot } from './lib/host.mjs';

const require = createRequire(import.meta.url);
const LAYERS = ['unit', 'host', 'ui'];

/** The built .vsix in a real VS Code server pointed at the demo's emulator, driven through Chromium. */
async function uiLayer() {
  const { startVsCodeServer } = require(join(repoRoot, 'out/test/support/vscodeServer.js'));
  const { startScenarioEmulator } = require(join(repoRoot, 'out/test/emulator/main.js'));
  const { emulator, apiKey } = await startScenarioEmulator();
  const server = await startVsCodeServer({
    vsix: vsixPath,
    // VS Code in a browser saves after a delay by default; desktop VS Code, which users run, does not.
    settings: { 'claudeSkills.apiBaseUrl': emulator.url, 'files.autoSave': 'off' },
    workspaceTemplate: join(repoRoot, 'test', 'fixtures', 'workspace'),
  });
  try {
    return await runAsync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', 'out/test/ui/'], {
      env: { ...process.env, VSCODE_SERVER_URL: server.url, VSCODE_WORKSPACE: server.workspace, EMULATOR_API_KEY: apiKey },
    });
  } finally {
    await server.stop();
    await emulator.close();
  }
}

const layers = {
  unit: () => runAsync('npx', ['mocha']),
  host: () => runAsync(process.execPath, ['out/test/host/runInServer.js']),
  ui: uiLayer,
};

async function main() {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : LAYERS;
  const unknown = wanted.filter((l) => !LAYERS.includes(l));
  if (unknown.length) throw new Error(`Unknown test layer(s): ${unknown.join(', ')}; choose from ${LAYERS.join(', ')}`);
  compileTests();
  if (wanted.some((l) => l !== 'unit')) buildVsix();
  const failed = [];
  for (const layer of wanted) {
    console.log(`\n=== ${layer} tests ===`);
    const started = Date.now();
    const status = await layers[layer]();
    console.log(`=== ${layer} tests: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${Math.round((Date.now() - started) / 1000)} s ===`);
    if (status !== 0) failed.push(layer);
  }
  if (failed.length) {
    console.error(`\nFailed layers: ${failed.join(', ')}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
