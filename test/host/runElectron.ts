// `npm run test:electron`: the same host suite in desktop VS Code through @vscode/test-electron, where
// VS Code can be downloaded (not on machines without internet; there `npm run test:host` is the way).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../support/vscodeServer';

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'claude-skills-ws-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  delete process.env.ANTHROPIC_API_KEY;
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'test', 'host', 'index'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
