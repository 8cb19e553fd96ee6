#!/usr/bin/env node
// `npm start`: the whole extension on this machine with no account. The Skills API emulator seeded with
// sample skills, and the real VS Code server with the freshly built .vsix installed and pointed at it.
// Ctrl-C stops every process it started.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildVsix, compileTests, vsixPath } from './lib/build.mjs';
import { repoRoot } from './lib/host.mjs';

const require = createRequire(import.meta.url);
const out = (path) => require(join(repoRoot, 'out', path));

async function main() {
  compileTests();
  buildVsix();
  const { startScenarioEmulator } = out('test/emulator/main.js');
  const { startVsCodeServer } = out('test/support/vscodeServer.js');

  const { emulator, apiKey } = await startScenarioEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0) });
  const server = await startVsCodeServer({
    vsix: vsixPath,
    settings: { 'claudeSkills.apiBaseUrl': emulator.url },
    workspaceTemplate: join(repoRoot, 'samples', 'workspace'),
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the VS Code server and the emulator…');
    await server.stop();
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);

  console.log(`
Claude Skills demo is running.

  Open VS Code:   ${server.workbenchUrl()}
  Demo API key:   ${apiKey}
  Skills API:     ${emulator.url} (emulator, ${emulator.store.all().length} sample skills)

Click the Claude Skills icon in the activity bar, choose Set API Key and paste the demo key.
Right-click a skill and choose Try in Claude… to run a prompt with it: the emulator's model is a
scripted test double, not Claude (its answers say so), and nothing is billed.
Press Ctrl-C to stop everything.`);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
