// Install in Claude Code… against the emulator: a version's files into a project's .claude/skills/<name>/
// or the user's (a temporary HOME here), asking before it replaces, refusing a name that is no folder name,
// and the installed folder's Workspace Skills row in sync with the version it came from.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/constants';
import { eventually, extensionLog, useHostSuite } from './hostSuite';

const KEY = 'sk-ant-install-test-1357';

describe('Install in Claude Code', () => {
  const suite = useHostSuite({
    key: KEY,
    skills: [
      {
        id: 'skill_notes',
        name: 'meeting-notes',
        display_name: 'Meeting Notes',
        description: 'Writes meeting notes.',
        files: { 'templates/notes.md': '# Notes\n', '.vscode/settings.json': '{}\n' },
      },
      {
        id: 'pdf',
        source: 'anthropic',
        name: 'pdf',
        display_name: 'pdf',
        description: 'PDF.',
        files: { 'forms.md': '# Forms\n', 'LICENSE.txt': 'Proprietary. All rights reserved.\n' },
      },
      { id: 'skill_hostile', name: 'hostile', display_name: 'Hostile', description: 'A name no folder can take.' },
    ],
  });
  const workspace = () => vscode.workspace.workspaceFolders![0].uri;
  const projectSkills = () => join(workspace().fsPath, '.claude', 'skills');
  const realHome = process.env.HOME;
  let home: string;
  const install = (node: unknown, options: object) =>
    vscode.commands.executeCommand<vscode.Uri | undefined>(CommandIds.installInClaudeCode, node, undefined, options);
  const skillNode = (id: string) => suite.skillNode(id);

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'claude-home-'));
    // Read by os.homedir() at each install, as Claude Code reads it.
    process.env.HOME = home;
  });

  after(async () => {
    process.env.HOME = realHome;
    await vscode.workspace
      .getConfiguration('claudeSkills')
      .update('showPersonalSkills', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(home, { recursive: true, force: true });
    rmSync(join(workspace().fsPath, '.claude'), { recursive: true, force: true });
  });

  it("writes a skill row's latest version into the project, and its Workspace Skills row is in sync", async () => {
    const folder = await install(await skillNode('skill_notes'), { scope: 'project', hiddenFiles: 'leaveOut' });
    assert.equal(folder?.fsPath, join(projectSkills(), 'meeting-notes'));
    assert.deepEqual(readdirSync(folder.fsPath).sort(), ['SKILL.md', 'templates']);
    assert.equal(readFileSync(join(folder.fsPath, 'templates', 'notes.md'), 'utf8'), '# Notes\n');
    assert.equal(existsSync(join(folder.fsPath, '.vscode')), false, 'hidden files left out when told');

    const latest = suite.store
      .all()
      .find((s) => s.id === 'skill_notes')!
      .versions.at(-1)!;
    const row = await eventually(
      async () => (await suite.exports.workspaceSkills.all()).find((r) => r.folder.fsPath === folder.fsPath),
      (r) => r?.state.kinds.includes('inSync') === true,
      'the installed folder listed, in sync',
    );
    assert.equal(row?.record?.versionId, latest.id);
    assert.equal(row?.targetId, 'skill_notes');
  });

  it('replaces an installed folder only when told, after listing what is overwritten and removed', async () => {
    const folder = join(projectSkills(), 'meeting-notes');
    writeFileSync(join(folder, 'templates', 'notes.md'), 'my edit\n');
    writeFileSync(join(folder, 'extra.md'), 'mine\n');
    // The test host cancels every modal: nothing changes.
    assert.equal(
      await install(await skillNode('skill_notes'), { scope: 'project', hiddenFiles: 'leaveOut' }),
      undefined,
    );
    assert.equal(readFileSync(join(folder, 'templates', 'notes.md'), 'utf8'), 'my edit\n');
    assert.ok(existsSync(join(folder, 'extra.md')));

    await install(await skillNode('skill_notes'), { scope: 'project', hiddenFiles: 'leaveOut', replace: true });
    assert.equal(readFileSync(join(folder, 'templates', 'notes.md'), 'utf8'), '# Notes\n');
    assert.equal(existsSync(join(folder, 'extra.md')), false, 'what the version does not hold is removed');
  });

  it("installs a version of Anthropic's for the user, in ~/.claude/skills, after its license is shown; Workspace Skills lists it as Personal", async () => {
    // The watcher of ~/.claude/skills follows the setting, made anew for the HOME of now.
    await vscode.workspace
      .getConfiguration('claudeSkills')
      .update('showPersonalSkills', true, vscode.ConfigurationTarget.Global);
    const [version] = await suite.versionNodes('pdf');
    // Asked (and cancelled by the test host) after the license opens: nothing is written.
    assert.equal(await install(version, { scope: 'personal' }), undefined);
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/pdf\/[^/]+\/LICENSE\.txt$/);
    assert.equal(existsSync(join(home, '.claude', 'skills', 'pdf')), false);

    const folder = await install(version, { scope: 'personal', acceptLicense: true });
    assert.equal(folder?.fsPath, join(home, '.claude', 'skills', 'pdf'));
    assert.deepEqual(readdirSync(folder.fsPath).sort(), ['LICENSE.txt', 'SKILL.md', 'forms.md']);

    const { provider } = suite.exports.workspaceView;
    const personal = await eventually(
      async () => (await provider.getChildren()).find((n) => n.kind === 'personalSkills'),
      (group) => group !== undefined,
      'a Personal group',
    );
    const [row] = await provider.getChildren(personal);
    assert.ok(row?.kind === 'workspaceSkill');
    assert.equal(row.row.folder.fsPath, folder.fsPath);
    const item = provider.getTreeItem(row);
    assert.match(String(item.description), /· ~\/\.claude\/skills\/pdf$/);
    await eventually(
      async () => (await suite.exports.workspaceSkills.row(folder)).state.kinds,
      (kinds) => kinds.includes('inSync'),
      'the personal copy in sync',
    );
    // Turned off, the group goes.
    await vscode.workspace
      .getConfiguration('claudeSkills')
      .update('showPersonalSkills', false, vscode.ConfigurationTarget.Global);
    await eventually(
      async () => (await provider.getChildren()).some((n) => n.kind === 'personalSkills'),
      (shown) => !shown,
      'no Personal group',
    );
  });

  it('refuses a version whose name cannot be a folder name, writing nothing', async () => {
    const stored = suite.store.all().find((s) => s.id === 'skill_hostile')!;
    for (const v of stored.versions) v.name = '../../escape';
    const [version] = await suite.versionNodes('skill_hostile');
    assert.equal(await install(version, { scope: 'project' }), undefined);
    await eventually(
      () => extensionLog(suite.exports),
      (log) => /installInClaudeCode: .*"\.\.\/\.\.\/escape", cannot be a folder of Claude Code's skills/.test(log),
      'the refusal, logged and shown',
    );
    assert.equal(existsSync(join(workspace().fsPath, 'escape')), false);
    assert.equal(existsSync(join(projectSkills(), '..', '..', 'escape')), false);
    mkdirSync(projectSkills(), { recursive: true });
    assert.deepEqual(readdirSync(projectSkills()), ['meeting-notes']);
  });
});
