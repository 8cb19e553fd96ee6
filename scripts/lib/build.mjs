// Steps `npm test` and `npm start` share: compile tests and tooling, build the .vsix.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './host.mjs';

const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
/** Where `npm run package` (vsce's default name) puts the package. */
export const vsixPath = join(repoRoot, `${name}-${version}.vsix`);

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

/** Like run(), without blocking this process: an emulator it serves must keep answering meanwhile. */
export function runAsync(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...options });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function must(step, status) {
  if (status !== 0) throw new Error(`${step} failed (exit ${status})`);
}

export function compileTests() {
  must('Compiling the tests (npm run compile-tests)', run('npm', ['run', 'compile-tests', '--silent']));
}

/** `vsce package` runs the production esbuild through vscode:prepublish. */
export function buildVsix() {
  must('Packaging the extension (npm run package)', run('npm', ['run', 'package', '--silent']));
}
