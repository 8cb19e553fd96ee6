// Deleting through the real commands in the test host. The test host answers every modal with Cancel, so
// what needs a confirmation is tested in the UI layer (test/ui/delete.test.ts); here, that nothing goes
// without one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandIds, ContextValues, ViewIds } from '../../src/constants';
import type { SkillsTreeNode } from '../../src/tree/nodes';
import type { ScenarioSkill } from '../emulator/scenario';
import { useHostSuite } from './hostSuite';

const KEY = 'sk-ant-delete-test-1357';

const custom = (id: string, title: string, versionCount: number): ScenarioSkill => ({
  id,
  name: id.replace('skill_', '').replace(/_/g, '-'),
  display_name: title,
  description: `${title}, for the delete tests.`,
  versionCount,
});

describe('deleting versions and skills', () => {
  const suite = useHostSuite({
    key: KEY,
    skills: [
      custom('skill_small', 'Small', 3),
      { id: 'pdf', source: 'anthropic', name: 'pdf', display_name: 'pdf', description: 'PDF.' },
    ],
  });
  const { skillNode, versionNodes } = suite;
  const store = suite.store;
  const deletes = () => suite.emulator.log.filter((r) => r.method === 'DELETE');
  const stored = (id: string) => store.all().find((s) => s.id === id);
  const storedVersions = (id: string) =>
    stored(id)
      ?.versions.map((v) => v.id)
      .sort() ?? [];

  const run = <T>(command: string, node: SkillsTreeNode, selected: SkillsTreeNode[] = [node]) =>
    vscode.commands.executeCommand<T>(command, node, selected);

  beforeEach(async () => {
    await suite.exports.model.refresh();
    await suite.exports.tree.getChildren();
    suite.emulator.resetLog();
  });

  it('deletes nothing unless its modal is confirmed (the test host answers every modal with Cancel)', async () => {
    const [version] = await versionNodes('skill_small');
    const small = (await skillNode('skill_small'))!;
    suite.emulator.resetLog();
    assert.equal(await run(CommandIds.deleteVersion, version), undefined);
    assert.equal(await run(CommandIds.deleteSkill, small), undefined);
    assert.equal(deletes().length, 0);
    assert.deepEqual(
      suite.emulator.log.map((r) => `${r.method} ${r.path} ${r.query.limit}`),
      ['GET /v1/skills/skill_small/versions 2', 'GET /v1/skills/skill_small/versions 1000'],
      'Delete Version asks whether one version is all there is; Delete Skill… counts them in one request',
    );
    assert.equal(storedVersions('skill_small').length, 3);
  });

  it("refuses Anthropic's skills and versions before any modal or request", async () => {
    const pdf = (await skillNode('pdf'))!;
    const [version] = await versionNodes('pdf');
    suite.emulator.resetLog();
    assert.equal(await run(CommandIds.deleteSkill, pdf), undefined);
    assert.equal(await run(CommandIds.deleteVersion, version), undefined);
    assert.equal(suite.emulator.log.length, 0);
    assert.ok(stored('pdf'));
  });

  it('offers delete on custom nodes only', async () => {
    const small = (await skillNode('skill_small'))!;
    const pdf = (await skillNode('pdf'))!;
    assert.equal(small.toTreeItem().contextValue, ContextValues.customSkill);
    assert.equal(pdf.toTreeItem().contextValue, ContextValues.readOnlySkill);
    assert.equal((await versionNodes('pdf'))[0].toTreeItem().contextValue, ContextValues.readOnlyVersion);
    const menus = vscode.extensions.getExtension('claude-skills.claude-skills')!.packageJSON.contributes.menus[
      'view/item/context'
    ] as { command: string; when: string }[];
    const inSkillsView = menus.filter((e) => e.when.startsWith(`view == ${ViewIds.skills} `));
    for (const entry of inSkillsView.filter((e) => /delete|publish/i.test(e.command)))
      assert.match(entry.when, /viewItem == (skill|version)\.custom$/, entry.command);
  });
});
