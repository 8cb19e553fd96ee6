// The extension host's entry for the host suite: runs every test/host/*.test.ts with mocha and reports the
// counts on one line the runner (runInServer.ts, or @vscode/test-electron) reads.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { mochaHooks } from '../support/noUnhandledRejections';

/** Marks the suite's own lines: the workbench relays them among its own log. */
export const LINE_MARKER = '[host-test] ';
const UNTRUSTED_TAG = '@untrusted';
/** Tests that run only in the pseudo-locale pass (runInServer.ts). */
export const PSEUDO_TAG = '@pseudo';

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(LINE_MARKER + format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', rootHooks: mochaHooks });
  // Tests tagged @untrusted run in a pass of their own, in a workspace that is not trusted, and those tagged
  // @pseudo in the pseudo-locale; the others run in neither.
  const pass = process.env.HOST_TEST_PASS;
  if (pass === 'untrusted') mocha.grep(UNTRUSTED_TAG);
  else if (pass === 'pseudo') mocha.grep(PSEUDO_TAG);
  else if (process.env.HOST_TEST_GREP) mocha.grep(process.env.HOST_TEST_GREP);
  else mocha.grep(new RegExp(`${UNTRUSTED_TAG}|${PSEUDO_TAG}`)).invert();
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures };
      console.log(`${LINE_MARKER}EXT-TEST-RESULT ${JSON.stringify({ passed: stats.passes, failed: stats.failures })}`);
      if (failures > 0) reject(new Error(`${failures} host test(s) failed.`));
      else if (stats.passes === 0) reject(new Error('No host test ran.'));
      else resolve();
    });
  });
}
