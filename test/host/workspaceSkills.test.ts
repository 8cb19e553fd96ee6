// The Workspace Skills view's states against the emulator, through the real commands: published and in
// sync, modified (by a save, by a deletion), newer elsewhere, diverged, problems, not checked and checked by
// Compare with Published; what it costs in requests and in files hashed; the Explorer's badge.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds, ViewIds } from '../../src/constants';
import type { WorkspaceSkill } from '../../src/workspace/workspaceSkills';
import { eventually, extensionLog, hideViews, nextEvent, useHostSuite, watchedDir } from './hostSuite';

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
    await skills().refreshRemote(); // as when the view shows: until its name is looked up, it is not known
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

  /**
   * `dir` made on disk one level at a time, each level once the OS watcher watches it: inotify watches a
   * folder only after its creation is seen, so what is made inside it before then goes unseen. A checkout
   * that VS Code opened, or a folder made a while ago, is watched already.
   */
  const makeWatchedDir = (dir: string) => watchedDir(suite.exports, dir);

  it('a file rewritten on disk, as git pull or a script would, makes the folder modified', async () => {
    await makeWatchedDir(join(scratchRoot().fsPath, 'ws-disk', 'scripts'));
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

  it('tells a newer version from elsewhere with one list or one GET per folder, and diverged when changed here too', async () => {
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
    // Its latest version comes from the list the name lookups read, when some folder has no target; else
    // from a GET of its own.
    const gets = suite.emulator.log.filter((r) => r.method === 'GET' && r.path === `/v1/skills/${skillId}`);
    const lists = suite.emulator.log.filter((r) => r.path === '/v1/skills');
    assert.equal(gets.length + Math.min(lists.length, 1), 1);
    const skillGets = suite.emulator.log.filter((r) => /^\/v1\/skills\/[^/]+$/.test(r.path));
    assert.ok(skillGets.length <= (await suite.exports.folders.all()).length, 'at most one GET per folder');
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

  it("a folder whose name is a skill's, as in a fresh clone: not checked, compared by name, each slug read once", async () => {
    const name = 'ws-clone';
    const skillMd = `---\nname: ${name}\ndescription: Made by a test.\n---\n\n# ${name}\n`;
    // Published from another machine: the emulator has it, this workspace remembers nothing of it.
    const files = { 'SKILL.md': skillMd, 'notes.md': 'same\n' };
    const published = suite.store.createSkill(
      {
        name,
        description: 'Made by a test.',
        files: Object.entries(files).map(([path, text]) => ({ path, data: Buffer.from(text) })),
      },
      'WS Clone',
    );
    suite.emulator.resetLog();
    const folder = await makeSkillFolder(name, { 'notes.md': 'same\n' });
    assert.equal(suite.exports.targets.get(folder), undefined);
    await skills().refreshRemote(); // as when the view shows
    const row = await skills().row(folder);
    assert.deepEqual(row.state.kinds, ['notChecked']);
    assert.equal(row.targetId, published.id);
    const node = (await suite.exports.workspaceView.provider.getChildren()).find(
      (n) => n.kind === 'workspaceSkill' && n.folder.toString() === folder.toString(),
    )!;
    const item = suite.exports.workspaceView.provider.getTreeItem(node);
    assert.match(String(item.description), /^matches "WS Clone" by name, not checked here/);
    assert.equal(item.contextValue, 'workspaceSkill.notChecked.matched');
    const versionReads = suite.emulator.log.filter((r) => r.path.includes('/versions/')).map((r) => r.path);
    assert.ok(versionReads.includes(`/v1/skills/${published.id}/versions/${published.versions[0].id}`));
    assert.equal(new Set(versionReads).size, versionReads.length, 'no slug read twice');

    suite.emulator.resetLog();
    await skills().refreshRemote();
    assert.deepEqual(
      suite.emulator.log.filter((r) => r.path.includes('/versions/')),
      [],
      'a slug once read is read no more',
    );

    await vscode.commands.executeCommand(CommandIds.compareWithPublished, folder);
    assert.deepEqual((await skills().row(folder)).state.kinds, ['inSync']);
    assert.equal(suite.exports.targets.get(folder), undefined, 'a comparison is no publish: no target remembered');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // Published from here: the version it made is the latest, not one "from elsewhere".
    await vscode.commands.executeCommand(CommandIds.publishNewVersion, folder, [folder]);
    assert.equal(suite.exports.targets.get(folder), published.id);
    assert.deepEqual((await skills().row(folder)).state.kinds, ['inSync']);
  });

  it('a folder not checked for want of a key is looked up again once the key is set', async () => {
    const name = 'ws-keyless';
    const published = suite.store.createSkill(
      {
        name,
        description: 'Made by a test.',
        files: [{ path: 'SKILL.md', data: Buffer.from(`---\nname: ${name}\n---\n`) }],
      },
      'WS Keyless',
    );
    const folder = await makeSkillFolder(name);
    await suite.exports.keyStore.clear();
    try {
      await skills().refreshRemote();
      const keyless = await skills().row(folder);
      assert.deepEqual(keyless.state.kinds, ['notChecked']);
      assert.match(String(keyless.lookup?.kind === 'unknown' && keyless.lookup.reason), /No Anthropic API key is set/);
    } finally {
      const dropped = nextEvent(skills().onDidChange);
      await suite.exports.keyStore.store(KEY);
      await dropped;
    }
    // The view is hidden: nothing is sent until it shows.
    const hidden = await skills().row(folder);
    assert.match(
      String(hidden.lookup?.kind === 'unknown' && hidden.lookup.reason),
      /when the Workspace Skills view shows/,
    );
    await vscode.commands.executeCommand(`${ViewIds.workspaceSkills}.focus`);
    try {
      const row = await eventually(
        () => skills().row(folder),
        (r) => r.targetId === published.id,
        'the row matches its skill once the key is set and the view shows',
      );
      assert.deepEqual(row.state.kinds, ['notChecked']);
    } finally {
      await hideViews(suite.exports);
    }
  });

  it('Compare with Published on a folder no skill is named as says so, and compares nothing', async () => {
    const folder = await makeSkillFolder('ws-nobody');
    suite.emulator.resetLog();
    assert.equal(await vscode.commands.executeCommand(CommandIds.compareWithPublished, folder), undefined);
    await eventually(
      () => extensionLog(suite.exports),
      (log) => log.includes('ws-nobody has no skill to compare with: none of your skills is named ws-nobody'),
      'the failure is logged as shown',
    );
    assert.deepEqual(
      suite.emulator.log.filter((r) => r.path.endsWith('/content')),
      [],
    );
  });

  it('keeps a folder whose stored target and record are of no shape this version writes', async () => {
    const folder = await makeSkillFolder('ws-stored', { 'notes.md': 'kept\n' });
    const skillId = await publishNew(folder, 'WS Stored');
    const state = suite.exports.workspaceState;
    const key = folder.toString();
    const records = state.get<Record<string, unknown>>('claudeSkills.publishRecords') ?? {};
    const good = records[key] as { files: Record<string, string> };
    const shapes: unknown[] = [
      42,
      'a string',
      [],
      { ...good, files: [] },
      { ...good, files: { 'SKILL.md': 7 } },
      { ...good, local: { 'SKILL.md': 'not a pair' } },
      JSON.parse('{"__proto__": {"skillId": "x"}}'),
    ];
    for (const shape of shapes) {
      await state.update('claudeSkills.publishRecords', { ...records, [key]: shape });
      await state.update('claudeSkills.publishTargets', { [key]: skillId, other: { an: 'object' } });
      skills().reset();
      const row = (await skills().all()).find((r) => r.folder.toString() === key);
      assert.ok(row, `the folder is a row with a record of ${JSON.stringify(shape)}`);
      assert.deepEqual(row.state.kinds, ['notChecked'], JSON.stringify(shape));
    }
    // A target that is no skill id is none: the folder is matched by its name instead.
    await state.update('claudeSkills.publishTargets', { [key]: 12 });
    await skills().refreshRemote();
    const row = (await skills().all()).find((r) => r.folder.toString() === key);
    assert.equal(row?.targetId, skillId);
    assert.equal(row?.lookup?.kind, 'matched');
    assert.deepEqual(row?.state.kinds, ['notChecked']);
    await state.update('claudeSkills.publishRecords', records);
    await state.update('claudeSkills.publishTargets', { [key]: skillId });
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
    await skills().refreshRemote();
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
