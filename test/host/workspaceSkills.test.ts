// The Workspace Skills view's states against the emulator, through the real commands: published and in
// sync, modified (by a save, by a deletion), newer elsewhere, diverged, problems, not checked and checked by
// Compare with Published; what it costs in requests and in files hashed; the Explorer's badge.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/constants';
import type { WorkspaceSkill } from '../../src/workspace/workspaceSkills';
import { nextEvent, useHostSuite } from './hostSuite';

const KEY = 'sk-ant-workspace-skills-1122';

describe('the Workspace Skills view', () => {
  const suite = useHostSuite({ key: KEY, settings: { confirmPublish: false } });
  const scratchRoot = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'scratch-workspace-skills');
  const skills = () => suite.exports.workspaceSkills;

  /** A skill folder on disk, once the extension's folder watcher has seen it. */
  async function makeSkillFolder(name: string, files: Record<string, string> = {}): Promise<vscode.Uri> {
    const folder = vscode.Uri.joinPath(scratchRoot(), name);
    const all = { 'SKILL.md': `---\nname: ${name}\ndescription: Made by a test.\n---\n\n# ${name}\n`, ...files };
    for (const [file, content] of Object.entries(all)) {
      mkdirSync(join(folder.fsPath, file, '..'), { recursive: true });
      writeFileSync(join(folder.fsPath, file), content);
    }
    const known = async () => (await suite.exports.folders.all()).some((f) => f.toString() === folder.toString());
    while (!(await known())) await nextEvent(suite.exports.folders.onDidChange);
    return folder;
  }

  /** The folder's row once it changed (a save, a deletion), checked again. */
  async function rowAfterChange(folder: vscode.Uri, change: () => Thenable<unknown>): Promise<WorkspaceSkill> {
    await skills().row(folder); // a row the view shows is the one kept current
    const changed = nextEvent(skills().onDidChange, (f) => f?.toString() === folder.toString());
    await change();
    await changed;
    return skills().row(folder);
  }

  async function publishNew(folder: vscode.Uri, displayName: string): Promise<string> {
    await vscode.commands.executeCommand(CommandIds.publishNewSkill, folder, [folder], { displayName });
    return suite.store.all().find((s) => s.displayName === displayName)!.id;
  }

  after(() => rmSync(scratchRoot().fsPath, { recursive: true, force: true }));

  it('says never published, then in sync with the skill a publish made, reading no file again', async () => {
    const folder = await makeSkillFolder('ws-sync', { 'notes.md': 'notes\n' });
    assert.deepEqual((await skills().row(folder)).state.kinds, ['neverPublished']);
    await publishNew(folder, 'WS Sync');
    const hashed = suite.exports.filesHashed();
    const row = await skills().row(folder);
    assert.deepEqual(row.state.kinds, ['inSync']);
    assert.equal(suite.exports.filesHashed(), hashed, 'the publish handed over its digests');
  });

  it('a save marks the folder modified, naming the file, and hashes that file alone; typing hashes nothing', async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`data/f${i}.txt`, `file ${i}\n`]));
    const folder = await makeSkillFolder('ws-save', files);
    await publishNew(folder, 'WS Save');
    assert.deepEqual((await skills().row(folder)).state.kinds, ['inSync']);

    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'data', 'f7.txt'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'typed ');
    await vscode.workspace.applyEdit(edit);
    let hashed = suite.exports.filesHashed();
    skills().reset();
    assert.deepEqual((await skills().row(folder)).state.kinds, ['inSync'], 'an unsaved edit is not the file');
    assert.equal(suite.exports.filesHashed(), hashed, 'typing hashes nothing');

    hashed = suite.exports.filesHashed();
    const row = await rowAfterChange(folder, () => doc.save());
    assert.deepEqual(row.state.kinds, ['modified']);
    assert.deepEqual(row.state.changes, { added: [], removed: [], changed: ['data/f7.txt'] });
    assert.equal(suite.exports.filesHashed() - hashed, 1, 'one save in a 300-file folder hashes one file');
    const badge = await suite.exports.decorations.provideFileDecoration(folder);
    assert.equal(badge?.badge, 'M');

    // Publishing it again: in sync, and the badge goes.
    await vscode.commands.executeCommand(CommandIds.publishNewVersion, folder, [folder]);
    assert.deepEqual((await skills().row(folder)).state.kinds, ['inSync']);
    assert.equal(await suite.exports.decorations.provideFileDecoration(folder), undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a deleted file makes the folder modified', async () => {
    const folder = await makeSkillFolder('ws-delete', { 'gone.md': 'soon gone\n' });
    await publishNew(folder, 'WS Delete');
    const row = await rowAfterChange(folder, () => vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'gone.md')));
    assert.deepEqual(row.state.changes?.removed, ['gone.md']);
    assert.equal(row.state.kinds[0], 'modified');
  });

  it('a file rewritten on disk, as git pull or a script would, makes the folder modified', async () => {
    const folder = await makeSkillFolder('ws-disk', { 'scripts/build.py': 'print("v1")\n' });
    await publishNew(folder, 'WS Disk');
    assert.deepEqual((await skills().row(folder)).state.kinds, ['inSync']);
    const row = await rowAfterChange(folder, async () =>
      writeFileSync(join(folder.fsPath, 'scripts', 'build.py'), 'print("v2, from elsewhere")\n'),
    );
    assert.deepEqual(row.state.kinds, ['modified']);
    assert.deepEqual(row.state.changes?.changed, ['scripts/build.py']);
  });

  it('keeps a published folder that gains files named constructor or __proto__, modified, never gone', async () => {
    const folder = await makeSkillFolder('ws-proto');
    await publishNew(folder, 'WS Proto');
    const row = await rowAfterChange(folder, async () => {
      for (const name of ['constructor', '__proto__', 'toString']) writeFileSync(join(folder.fsPath, name), name);
    });
    assert.equal(row.state.kinds[0], 'modified');
    await skills().row(folder);
    const rows = await skills().all();
    const shown = rows.find((r) => r.folder.toString() === folder.toString());
    assert.ok(shown, 'the folder is still a row');
    assert.deepEqual(shown.state.changes?.added, ['__proto__', 'constructor', 'toString']);
  });

  it('finds a skill folder under a dot folder (as .claude/skills/ holds them), created with its files', async () => {
    const folder = vscode.Uri.joinPath(scratchRoot(), '.claude', 'skills', 'ws-dot');
    mkdirSync(folder.fsPath, { recursive: true });
    writeFileSync(join(folder.fsPath, 'SKILL.md'), '---\nname: ws-dot\ndescription: Under a dot folder.\n---\n');
    const known = async () => (await suite.exports.folders.all()).some((f) => f.toString() === folder.toString());
    while (!(await known())) await nextEvent(suite.exports.folders.onDidChange);
    assert.equal((await skills().row(folder)).name, 'ws-dot');
  });

  it('re-derives the file set when a .skillignore appears: a file it leaves out is no longer published', async () => {
    const folder = await makeSkillFolder('ws-ignore', { 'notes.md': 'kept out soon\n' });
    await publishNew(folder, 'WS Ignore');
    const row = await rowAfterChange(folder, async () => {
      writeFileSync(join(folder.fsPath, '.skillignore'), 'notes.md\n');
    });
    assert.deepEqual(row.state.changes, { added: [], removed: ['notes.md'], changed: [] });
  });

  it('tells a newer version from elsewhere with one GET per folder, and diverged when changed here too', async () => {
    const folder = await makeSkillFolder('ws-remote', { 'notes.md': 'v1\n' });
    const skillId = await publishNew(folder, 'WS Remote');
    const record = suite.store.skill(skillId);
    // A colleague publishes: the emulator makes a version this workspace did not.
    suite.store.addVersion(record, {
      name: 'ws-remote',
      description: 'Made by a test.',
      files: record.versions[0].files,
    });
    suite.emulator.resetLog();
    await suite.exports.model.refresh(); // the Skills view has nothing loaded: the GETs are ours
    await skills().refreshRemote();
    const gets = suite.emulator.log.filter((r) => r.method === 'GET' && r.path === `/v1/skills/${skillId}`);
    assert.equal(gets.length, 1);
    assert.ok(suite.emulator.log.length <= (await suite.exports.folders.all()).length, 'at most one GET per folder');
    assert.deepEqual((await skills().row(folder)).state.kinds, ['newerElsewhere']);

    const row = await rowAfterChange(folder, async () => {
      writeFileSync(join(folder.fsPath, 'added.md'), 'new\n');
    });
    assert.deepEqual(row.state.kinds, ['diverged', 'newerElsewhere', 'modified']);
  });

  it('asks before publishing over a newer version from elsewhere (the test host cancels: nothing is sent)', async () => {
    const folder = await makeSkillFolder('ws-over', { 'notes.md': 'mine\n' });
    const skillId = await publishNew(folder, 'WS Over');
    const record = suite.store.skill(skillId);
    suite.store.addVersion(record, { name: 'ws-over', description: 'Theirs.', files: record.versions[0].files });
    suite.emulator.resetLog();
    assert.equal(await vscode.commands.executeCommand(CommandIds.publishNewVersion, folder, [folder]), undefined);
    assert.deepEqual(
      suite.emulator.log.filter((r) => r.method === 'POST'),
      [],
    );
    assert.equal(record.versions.length, 2);
  });

  it("names the folders a skill is published from in the Skills view's tooltip", async () => {
    const folder = await makeSkillFolder('ws-tooltip');
    const skillId = await publishNew(folder, 'WS Tooltip');
    await suite.exports.model.refresh();
    const node = (await suite.skillNode(skillId))!;
    const item = await suite.exports.tree.resolveTreeItem(suite.exports.tree.getTreeItem(node), node);
    assert.match(
      (item.tooltip as vscode.MarkdownString).value,
      /Published from `scratch-workspace-skills\/ws-tooltip`/,
    );
  });

  it('says how many problems an invalid folder has', async () => {
    const folder = await makeSkillFolder('ws-invalid');
    writeFileSync(join(folder.fsPath, 'SKILL.md'), '---\nname: Not A Valid Name\n---\n');
    skills().reset();
    const row = await skills().row(folder);
    assert.equal(row.state.kinds[0], 'problems');
    assert.ok(row.errors >= 2, `${row.errors} errors`);
  });

  it('not checked without digests; Compare with Published checks it, and a second Compare downloads nothing', async () => {
    const folder = await makeSkillFolder('ws-check', { 'notes.md': 'same\n' });
    const skillId = await publishNew(folder, 'WS Check');
    // As on another machine: the target known, nothing remembered of what was published.
    await suite.exports.targets.forget(folder);
    await suite.exports.targets.remember(folder, skillId);
    assert.deepEqual((await skills().row(folder)).state.kinds, ['notChecked']);

    suite.emulator.resetLog();
    await vscode.commands.executeCommand(CommandIds.compareWithPublished, folder);
    assert.equal(suite.emulator.log.filter((r) => r.path.endsWith('/content')).length, 1);
    assert.deepEqual((await skills().row(folder)).state.kinds, ['inSync']);

    suite.emulator.resetLog();
    writeFileSync(join(folder.fsPath, 'notes.md'), 'changed here\n');
    await vscode.commands.executeCommand(CommandIds.compareWithPublished, folder);
    assert.equal(suite.emulator.log.filter((r) => r.path.endsWith('/content')).length, 0);
    // What the comparison found is remembered: the row says how the folder differs from the latest.
    const node = (await suite.exports.workspaceView.provider.getChildren()).find(
      (n) => n.kind === 'workspaceSkill' && n.folder.toString() === folder.toString(),
    )!;
    assert.match(
      String(suite.exports.workspaceView.provider.getTreeItem(node).description),
      /^differs from the latest version: 1 file · /,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("sends no GET for a skill the Skills view has loaded: its latest version is the view's", async () => {
    const folder = await makeSkillFolder('ws-loaded');
    const skillId = await publishNew(folder, 'WS Loaded');
    await suite.exports.model.refresh();
    await suite.exports.tree.getChildren(); // the root's first page holds the new skill
    assert.ok(suite.exports.model.loadedSkill(skillId));
    suite.emulator.resetLog();
    await skills().refreshRemote();
    assert.deepEqual(
      suite.emulator.log.filter((r) => r.path === `/v1/skills/${skillId}`),
      [],
    );
    assert.deepEqual((await skills().row(folder)).state.kinds, ['inSync']);
  });

  it('New Skill… writes a folder the checks accept, opens its SKILL.md, and refuses a bad name or a taken folder', async () => {
    const options = { name: 'ws-new', description: 'Drafts notes: for "release" days.', parent: scratchRoot() };
    const folder = await vscode.commands.executeCommand<vscode.Uri>(CommandIds.newSkill, undefined, undefined, options);
    assert.equal(folder.toString(), vscode.Uri.joinPath(scratchRoot(), 'ws-new').toString());
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString(),
      vscode.Uri.joinPath(folder, 'SKILL.md').toString(),
    );
    const row = await skills().row(folder);
    assert.equal(row.name, 'ws-new');
    assert.equal(row.errors + row.warnings, 0);
    assert.deepEqual(row.state.kinds, ['neverPublished']);
    // The command wrapper shows a refusal and resolves undefined; nothing is written.
    assert.equal(await vscode.commands.executeCommand(CommandIds.newSkill, undefined, undefined, options), undefined);
    const bad = { ...options, name: 'Bad Name' };
    assert.equal(await vscode.commands.executeCommand(CommandIds.newSkill, undefined, undefined, bad), undefined);
    assert.equal(existsSync(join(scratchRoot().fsPath, 'Bad Name')), false);
    // Names the API takes, but no folder on Windows can have.
    for (const name of ['con', 'nul', 'com1']) {
      const reserved = { ...options, name };
      assert.equal(
        await vscode.commands.executeCommand(CommandIds.newSkill, undefined, undefined, reserved),
        undefined,
      );
      assert.equal(existsSync(join(scratchRoot().fsPath, name)), false, name);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows every skill folder as a row with its state in the description', async () => {
    const folder = await makeSkillFolder('ws-rows');
    const nodes = await suite.exports.workspaceView.provider.getChildren();
    const node = nodes.find((n) => n.kind === 'workspaceSkill' && n.folder.toString() === folder.toString());
    assert.ok(node);
    const item = suite.exports.workspaceView.provider.getTreeItem(node);
    assert.equal(item.label, 'ws-rows');
    assert.equal(item.description, 'never published · scratch-workspace-skills/ws-rows');
    assert.equal(item.contextValue, 'workspaceSkill.neverPublished');
    await vscode.commands.executeCommand(CommandIds.openSkillMd, node);
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString(),
      vscode.Uri.joinPath(folder, 'SKILL.md').toString(),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
