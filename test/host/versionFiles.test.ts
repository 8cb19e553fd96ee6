// Open Version Files, Download Version to Folder… and Compare with Local Folder against the emulator.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/constants';
import type { VersionNode } from '../../src/tree/nodes';
import { useHostSuite } from './hostSuite';

const KEY = 'sk-ant-files-test-9753';

describe("a published version's files", () => {
  const suite = useHostSuite({
    key: KEY,
    skills: [
      {
        id: 'skill_files',
        name: 'files-skill',
        display_name: 'Files',
        description: 'Has files.',
        files: { 'scripts/run.py': 'print(1)\n', 'notes.md': 'old\n' },
      },
      {
        id: 'skill_dotted',
        name: 'dotted-skill',
        display_name: 'Dotted',
        description: 'Has hidden files, and a .git folder no one should unpack.',
        files: { 'guide.md': '# Guide\n', '.vscode/tasks.json': '{}\n', '.git/hooks/post-checkout': 'rm -rf ~\n' },
      },
      {
        id: 'pdf',
        source: 'anthropic',
        name: 'pdf',
        display_name: 'pdf',
        description: 'PDF.',
        files: { 'forms.md': '# Forms\n' },
      },
    ],
  });
  const scratch = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'scratch-versions');
  const downloads = () => suite.emulator.log.filter((r) => r.path.endsWith('/content'));

  const versionNode = async (skillId: string): Promise<VersionNode> => (await suite.versionNodes(skillId))[0];

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(scratch().fsPath, { recursive: true, force: true });
  });

  it('opens SKILL.md first, read-only, and downloads a version only once', async () => {
    const node = await versionNode('skill_files');
    const paths = await vscode.commands.executeCommand<string[]>(CommandIds.openVersion, node);
    assert.deepEqual(paths, ['SKILL.md', 'notes.md', 'scripts/run.py']);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'claude-skill-version');
    assert.ok(editor.document.uri.path.endsWith('/SKILL.md'));
    assert.match(editor.document.getText(), /^---\nname: files-skill\n/);

    // A write is refused by the file system, so a changed document cannot be saved either.
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('changed'))),
      /read-only/i,
    );
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 0), 'changed');
    await vscode.workspace.applyEdit(edit);
    assert.equal(await editor.document.save(), false);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.match(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri)),
      /^---\nname: files-skill\n/,
    );
    const nested = vscode.Uri.joinPath(editor.document.uri, '..', 'scripts', 'run.py');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(nested)), 'print(1)\n');

    await vscode.commands.executeCommand(CommandIds.openVersion, node);
    assert.equal(downloads().length, 1, 'the second open comes from the cache');
  });

  it("downloads a version, Anthropic's too, into an empty folder", async () => {
    const folder = vscode.Uri.joinPath(scratch(), 'my-pdf');
    mkdirSync(folder.fsPath, { recursive: true });
    const written = await vscode.commands.executeCommand<string[]>(
      CommandIds.downloadVersion,
      await versionNode('pdf'),
      undefined,
      { folder },
    );
    assert.deepEqual(written, ['SKILL.md', 'forms.md']);
    assert.equal(readFileSync(join(folder.fsPath, 'forms.md'), 'utf8'), '# Forms\n');
    assert.match(readFileSync(join(folder.fsPath, 'SKILL.md'), 'utf8'), /^---\nname: pdf\n/);
  });

  it('overwrites nothing without a confirmed modal (the test host cancels every modal)', async () => {
    const folder = vscode.Uri.joinPath(scratch(), 'existing');
    mkdirSync(folder.fsPath, { recursive: true });
    writeFileSync(join(folder.fsPath, 'notes.md'), 'mine\n');
    const written = await vscode.commands.executeCommand(
      CommandIds.downloadVersion,
      await versionNode('skill_files'),
      undefined,
      { folder },
    );
    assert.equal(written, undefined);
    assert.equal(readFileSync(join(folder.fsPath, 'notes.md'), 'utf8'), 'mine\n');
    assert.equal(existsSync(join(folder.fsPath, 'SKILL.md')), false, 'nothing else was written either');
  });

  it('writes hidden files only when told, names them first, and never writes a .git entry', async () => {
    const node = await versionNode('skill_dotted');
    const download = (name: string, hiddenFiles?: 'include' | 'leaveOut') => {
      const folder = vscode.Uri.joinPath(scratch(), name);
      mkdirSync(folder.fsPath, { recursive: true });
      const written = vscode.commands.executeCommand<string[] | undefined>(
        CommandIds.downloadVersion,
        node,
        undefined,
        {
          folder,
          hiddenFiles,
        },
      );
      return { folder: folder.fsPath, written };
    };
    const asked = download('asked'); // the modal that names them is cancelled by the test host
    assert.equal(await asked.written, undefined);
    assert.deepEqual(readdirSync(asked.folder), []);

    const included = download('included', 'include');
    assert.deepEqual((await included.written)?.sort(), ['.vscode/tasks.json', 'SKILL.md', 'guide.md']);
    assert.ok(existsSync(join(included.folder, '.vscode', 'tasks.json')));
    assert.equal(existsSync(join(included.folder, '.git')), false, 'a .git entry is never written');

    const leftOut = download('left-out', 'leaveOut');
    assert.deepEqual((await leftOut.written)?.sort(), ['SKILL.md', 'guide.md']);
    assert.deepEqual(readdirSync(leftOut.folder).sort(), ['SKILL.md', 'guide.md']);
  });

  it('compares a version with a modified local copy: one added, one removed, one changed, excludes applied', async () => {
    const node = await versionNode('skill_files');
    const folder = vscode.Uri.joinPath(scratch(), 'files-skill');
    mkdirSync(folder.fsPath, { recursive: true });
    await vscode.commands.executeCommand(CommandIds.downloadVersion, node, undefined, { folder });
    writeFileSync(join(folder.fsPath, 'notes.md'), 'new\n');
    rmSync(join(folder.fsPath, 'scripts', 'run.py'));
    writeFileSync(join(folder.fsPath, 'extra.md'), 'added\n');
    mkdirSync(join(folder.fsPath, 'node_modules'), { recursive: true });
    writeFileSync(join(folder.fsPath, 'node_modules', 'left-out.js'), '');

    const comparison = await vscode.commands.executeCommand<Record<string, string[]>>(
      CommandIds.compareWithLocal,
      node,
      undefined,
      { folder },
    );
    assert.deepEqual(comparison, {
      added: ['extra.md'],
      removed: ['scripts/run.py'],
      changed: ['notes.md'],
      unchanged: ['SKILL.md'],
    });
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.match(tab?.label ?? '', /↔ files-skill \(1 added, 1 removed, 1 changed\)/);
  });

  it('Compare Versions diffs two selected versions of a skill, the older on the left, downloading each once', async () => {
    const record = suite.store.skill('skill_files');
    suite.store.addVersion(record, {
      name: 'files-skill',
      description: 'Has files.',
      files: [
        ...record.versions[0].files.filter((f) => f.path !== 'notes.md'),
        { path: 'notes.md', data: Buffer.from('new\n') },
        { path: 'added.md', data: Buffer.from('added\n') },
      ],
    });
    await suite.exports.model.refresh();
    const [newer, older] = await suite.versionNodes('skill_files');
    suite.emulator.resetLog();
    const comparison = await vscode.commands.executeCommand<{ added: string[]; changed: string[]; removed: string[] }>(
      CommandIds.compareVersions,
      newer,
      [newer, older],
    );
    assert.deepEqual([comparison.added, comparison.changed, comparison.removed], [['added.md'], ['notes.md'], []]);
    assert.equal(downloads().length, 1, 'the older version was downloaded before; the newer once');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Restore as New Version publishes nothing without its confirmation, and refuses the latest version', async () => {
    const [latest, older] = await suite.versionNodes('skill_files');
    suite.emulator.resetLog();
    assert.equal(await vscode.commands.executeCommand(CommandIds.restoreVersion, older), undefined);
    assert.equal(await vscode.commands.executeCommand(CommandIds.restoreVersion, latest), undefined);
    assert.deepEqual(
      suite.emulator.log.filter((r) => r.method === 'POST'),
      [],
    );
  });
});
