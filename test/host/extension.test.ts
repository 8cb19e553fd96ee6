import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds, ContextKeys, ViewContainerId, ViewIds, WorkbenchCommands } from '../../src/constants';
import { eventually, hideViews, useHostSuite } from './hostSuite';

const KEY = 'sk-ant-host-test-key-1234';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('the extension in a real extension host', () => {
  const suite = useHostSuite({ key: KEY, storeKey: false });

  it('activates in a few milliseconds, and says how many (npm run bench reads the line)', () => {
    assert.ok(suite.exports.activationMs > 0 && suite.exports.activationMs < 1000, `${suite.exports.activationMs} ms`);
    console.log(`[host-test] ACTIVATION-MS ${suite.exports.activationMs.toFixed(2)}`);
  });

  it('registers every command it contributes, and contributes every command it registers', async () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, Object.values(CommandIds).sort());
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) assert.ok(registered.has(id), `${id} is not registered`);
  });

  it('contributes the Skills view in its own container', async () => {
    await vscode.commands.executeCommand(`workbench.view.extension.${ViewContainerId}`);
    // VS Code creates `<view id>.focus` for every contributed view.
    await vscode.commands.executeCommand(WorkbenchCommands.focusSkillsView);
    assert.equal(manifest.contributes.views.claudeSkills[0].id, ViewIds.skills);
    await hideViews(suite.exports);
  });

  it("runs from a bundle that carries no undici: requests use VS Code's proxy-aware global fetch", () => {
    const bundle = readFileSync(join(__dirname, '..', '..', '..', 'dist', 'extension.js'), 'utf8');
    assert.ok(bundle.length > 1000);
    for (const marker of ['undici', 'EnvHttpProxyAgent', 'setGlobalDispatcher'])
      assert.ok(!bundle.includes(marker), `the bundle contains ${marker}`);
  });

  it('round-trips the key through SecretStorage, and nothing is left after clearing', async () => {
    assert.equal(process.env.ANTHROPIC_API_KEY, undefined, 'the runner must remove ANTHROPIC_API_KEY');
    await suite.exports.keyStore.store('sk-ant-round-trip');
    assert.deepEqual(await suite.exports.keyStore.get(), { key: 'sk-ant-round-trip', source: 'stored' });
    await suite.exports.keyStore.clear();
    assert.equal(await suite.exports.keyStore.get(), undefined);
  });

  it('Set API Key checks the key with one limit=1 list call before storing it', async () => {
    await vscode.commands.executeCommand(CommandIds.setApiKey, `  ${KEY}\n`);
    assert.deepEqual(await suite.exports.keyStore.get(), { key: KEY, source: 'stored' });
    assert.deepEqual(
      suite.emulator.log.map((r) => [r.method, r.path, r.query.limit, r.authenticated]),
      [['GET', '/v1/skills', '1', true]],
    );
  });

  it("completes the walkthrough's key and folder steps as the key is stored and the folders are found", async () => {
    await suite.exports.keyStore.clear();
    await eventually(
      () => suite.exports.contextValue(ContextKeys.hasKey),
      (has) => has === false,
      'no key',
    );
    await vscode.commands.executeCommand(CommandIds.setApiKey, KEY);
    await eventually(
      () => suite.exports.contextValue(ContextKeys.hasKey),
      (has) => has === true,
      'the Set API Key step done',
    );
    await suite.exports.folders.all();
    assert.equal(suite.exports.contextValue(ContextKeys.hasSkillFolders), true);
    // Every step completes on a key the extension sets, and its image ships in docs/images.
    const [walkthrough] = manifest.contributes.walkthroughs;
    for (const step of walkthrough.steps) {
      const [event] = step.completionEvents as string[];
      assert.ok(Object.values<string>(ContextKeys).includes(event.replace(/^onContext:/, '')), event);
    }
  });

  it('Set API Key does not store a key the API refuses', async () => {
    await suite.exports.keyStore.clear();
    await vscode.commands.executeCommand(CommandIds.setApiKey, 'sk-ant-wrong');
    assert.equal(await suite.exports.keyStore.get(), undefined);
    assert.equal(suite.emulator.log.length, 1);
    assert.equal(suite.emulator.log[0].authenticated, false);
  });

  it('without a stored key, ANTHROPIC_API_KEY is used (read at call time) and the view says so', async () => {
    await suite.exports.keyStore.clear();
    process.env.ANTHROPIC_API_KEY = KEY; // the extension host is this process
    try {
      assert.deepEqual(await suite.exports.keyStore.get(), { key: KEY, source: 'environment' });
      await suite.exports.view.updateKeyState();
      assert.equal(suite.exports.view.treeView.description, '…1234 (ANTHROPIC_API_KEY)');
      // The description is hidden while the view is alone in its container; the message is not.
      assert.equal(suite.exports.view.treeView.message, 'Using the ANTHROPIC_API_KEY environment variable (…1234).');
      await suite.exports.model.refresh();
      assert.ok((await suite.exports.tree.getChildren()).some((n) => n.kind === 'group'));
      assert.equal(suite.emulator.log.at(-1)?.authenticated, true);

      // A stored key wins over the environment; Clear API Key falls back to it again.
      await suite.exports.keyStore.store('sk-ant-stored-9999');
      await suite.exports.view.updateKeyState();
      assert.equal(suite.exports.view.treeView.description, '…9999');
      assert.equal(suite.exports.view.treeView.message, undefined);
      await vscode.commands.executeCommand(CommandIds.clearApiKey);
      assert.deepEqual(await suite.exports.keyStore.get(), { key: KEY, source: 'environment' });
    } finally {
      delete process.env.ANTHROPIC_API_KEY;
      await suite.exports.view.updateKeyState();
    }
    assert.equal(suite.exports.view.treeView.description, undefined);
  });
});
