#!/usr/bin/env node
// `npm test [-- lint unit host ui]`: every layer by default. Each layer ends with a summary line of its own
// (mocha's, node:test's, or "N passed, N failed"); the exit code is non-zero if any layer failed.
import { buildVsix, compileTests, runAsync } from './lib/build.mjs';

const LAYERS = ['lint', 'unit', 'host', 'ui'];

/** The gates every change passes before its tests: ESLint with the layer rules, Prettier's check, a fresh l10n bundle. */
async function lint() {
  const checks = [
    ['npm', ['run', 'lint', '--silent']],
    ['npm', ['run', 'format:check', '--silent']],
    [process.execPath, ['scripts/l10n.mjs', '--check']],
  ];
  let failed = 0;
  for (const [cmd, args] of checks) if ((await runAsync(cmd, args)) !== 0) failed++;
  console.log(`checks: ${checks.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

const layers = {
  lint,
  unit: () => runAsync('npx', ['mocha']),
  host: () => runAsync(process.execPath, ['out/test/host/runInServer.js']),
  // Each file under test/ui starts its own emulator, server and browser (test/ui/session.ts).
  ui: () => runAsync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', 'out/test/ui/']),
};

async function main() {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : LAYERS;
  const unknown = wanted.filter((l) => !LAYERS.includes(l));
  if (unknown.length) throw new Error(`Unknown test layer(s): ${unknown.join(', ')}; choose from ${LAYERS.join(', ')}`);
  if (wanted.some((l) => l !== 'lint')) compileTests();
  if (wanted.some((l) => l === 'host' || l === 'ui')) buildVsix();
  const failed = [];
  for (const layer of wanted) {
    console.log(`\n=== ${layer} tests ===`);
    const started = Date.now();
    const status = await layers[layer]();
    console.log(
      `=== ${layer} tests: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${Math.round((Date.now() - started) / 1000)} s ===`,
    );
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
