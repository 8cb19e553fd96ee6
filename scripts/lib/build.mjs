// Steps `npm test` and `npm start` share: compile tests and tooling, build the .vsix.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './host.mjs';

export const vsixPath = join(repoRoot, 'claude-skills.vsix');

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  return result.status ?? 1;
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
