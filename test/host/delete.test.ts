// Deleting through the real commands in the test host. The test host answers every modal with Cancel, so
// what needs a confirmation is tested in the UI layer (test/ui/delete.test.ts); here, that nothing goes
// without one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClaudeSkillsExports } from '../../src/extension';
import type { SkillNode, SkillsTreeNode, VersionNode } from '../../src/tree/nodes';
import { seed, type ScenarioSkill } from '../emulator/scenario';
import { startEmulator, type SkillsEmulator } from '../emulator/server';
import { SkillStore } from '../emulator/store';

const KEY = 'sk-ant-delete-test-1357';

const custom = (id: string, title: string, versionCount: number): ScenarioSkill => ({
  id,
  name: id.replace('skill_', '').replace(/_/g, '-'),
  display_name: title,
  description: `${title}, for the delete tests.`,
  versionCount,
});

describe('deleting versions and skills', () => {
  let exports: ClaudeSkillsExports;
  let emulator: SkillsEmulator;
  const store = new SkillStore();
  const deletes = () => emulator.log.filter((r) => r.method === 'DELETE');
  const stored = (id: string) => store.all().find((s) => s.id === id);
  const storedVersions = (id: string) =>
    stored(id)
      ?.versions.map((v) => v.id)
      .sort() ?? [];

  const isSkill = (n: SkillsTreeNode): n is SkillNode => n.kind === 'skill';
  const isVersion = (n: SkillsTreeNode): n is VersionNode => n.kind === 'version';
  async function skillNode(id: string): Promise<SkillNode | undefined> {
    const root = await exports.tree.getChildren();
    const group = root.find((n) => n.kind === 'group');
    const all = [...root, ...(group ? await exports.tree.getChildren(group) : [])];
    return all.filter(isSkill).find((n) => n.skill.id === id);
  }
  async function versionNodes(id: string): Promise<VersionNode[]> {
    return (await exports.tree.getChildren(await skillNode(id))).filter(isVersion);
  }
  const run = <T>(command: string, node: SkillsTreeNode, selected: SkillsTreeNode[] = [node]) =>
    vscode.commands.executeCommand<T>(command, node, selected);

  before(async () => {
    exports = (await vscode.extensions.getExtension<ClaudeSkillsExports>('claude-skills.claude-skills')!.activate())!;
    seed(store, {
      skills: [
        custom('skill_small', 'Small', 3),
        {
          id: 'pdf',
          source: 'anthropic',
          name: 'pdf',
          display_name: 'pdf',
          description: 'PDF.',
        },
      ],
    });
    emulator = await startEmulator({ apiKeys: [KEY], store });
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.workspace
      .getConfiguration('claudeSkills')
      .update('apiBaseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    await exports.keyStore.store(KEY);
    await new Promise((r) => setTimeout(r, 300)); // let the key and settings events settle
  });

  beforeEach(async () => {
    emulator.faults.length = 0;
    emulator.latencyMs = 0;
    await exports.tree.refresh();
    await exports.tree.getChildren();
    emulator.resetLog();
  });

  after(async () => {
    await exports.keyStore.clear();
    await vscode.workspace
      .getConfiguration('claudeSkills')
      .update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    await emulator.close();
  });

  it('deletes nothing unless its modal is confirmed (the test host answers every modal with Cancel)', async () => {
    const [version] = await versionNodes('skill_small');
    const small = (await skillNode('skill_small'))!;
    emulator.resetLog();
    assert.equal(await run('claudeSkills.deleteVersion', version), undefined);
    assert.equal(await run('claudeSkills.deleteSkill', small), undefined);
    assert.equal(deletes().length, 0);
    assert.deepEqual(
      emulator.log.map((r) => `${r.method} ${r.path} ${r.query.limit}`),
      ['GET /v1/skills/skill_small/versions 2', 'GET /v1/skills/skill_small/versions 1000'],
      'Delete Version asks whether one version is all there is; Delete Skill… counts them in one request',
    );
    assert.equal(storedVersions('skill_small').length, 3);
  });

  it("refuses Anthropic's skills and versions before any modal or request", async () => {
    const pdf = (await skillNode('pdf'))!;
    const [version] = await versionNodes('pdf');
    emulator.resetLog();
    assert.equal(await run('claudeSkills.deleteSkill', pdf), undefined);
    assert.equal(await run('claudeSkills.deleteVersion', version), undefined);
    assert.equal(emulator.log.length, 0);
    assert.ok(stored('pdf'));
  });

  it('offers delete on custom nodes only', async () => {
    const small = (await skillNode('skill_small'))!;
    const pdf = (await skillNode('pdf'))!;
    assert.equal(small.toTreeItem().contextValue, 'skill.custom');
    assert.equal(pdf.toTreeItem().contextValue, 'skill.readonly');
    assert.equal((await versionNodes('pdf'))[0].toTreeItem().contextValue, 'version.readonly');
    const menus = vscode.extensions.getExtension('claude-skills.claude-skills')!.packageJSON.contributes.menus[
      'view/item/context'
    ] as { command: string; when: string }[];
    for (const entry of menus.filter((e) => /delete|publish/i.test(e.command)))
      assert.match(entry.when, /viewItem == (skill|version)\.custom$/, entry.command);
  });
});
