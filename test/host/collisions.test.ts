// Trigger collisions in the real host: two skill folders of the workspace whose descriptions are nearly
// the same get a warning each, on their description line, naming the other, and the warnings go when the
// descriptions part. (The same-slug exception is the unit tests'.)
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { eventually, nextEvent, ruleOf, useHostSuite, watchedDir } from './hostSuite';

const DIGEST = 'Drafts the weekly engineering digest from merged pull requests and incident reports.';

describe('trigger collisions between the workspace’s skills', () => {
  const suite = useHostSuite({});
  const root = () => join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'collide');
  const skillMd = (folder: string) => vscode.Uri.file(join(root(), folder, 'SKILL.md'));
  const warnings = (folder: string) =>
    vscode.languages
      .getDiagnostics(skillMd(folder))
      .filter((d) => ruleOf(d) === 'trigger-collision')
      .map((d) => `${d.range.start.line}: ${d.message}`)
      .join(' | ');

  async function write(folder: string, name: string, description: string): Promise<void> {
    await watchedDir(suite.exports, join(root(), folder));
    const known = () => suite.exports.folders.all().then((all) => all.some((f) => f.fsPath === join(root(), folder)));
    const seen = known().then((k) => (k ? undefined : nextEvent(suite.exports.folders.onDidChange)));
    writeFileSync(
      join(root(), folder, 'SKILL.md'),
      `---\nname: ${name}\ndescription: ${description}\n---\n\n# ${name}\n`,
    );
    await seen;
  }

  after(() => rmSync(root(), { recursive: true, force: true }));

  it('warns on both near-duplicates, naming the other, and on neither once they part', async () => {
    await write('changelog', 'weekly-digest', DIGEST);
    await write('notes-copy', 'team-digest', `${DIGEST} For the team.`);
    await vscode.window.showTextDocument(skillMd('changelog'));
    await eventually(
      () => warnings('changelog'),
      (w) => /^2: This description is much like that of .*collide\/notes-copy \(\d+% of their content words/.test(w),
      'the changelog folder names the other',
    );
    assert.match(warnings('notes-copy'), /^2: .*collide\/changelog/);

    const doc = await vscode.workspace.openTextDocument(skillMd('notes-copy'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(2).range, 'description: Reviews SQL migrations for locking and missing indexes.');
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    await eventually(
      () => warnings('changelog') + warnings('notes-copy'),
      (w) => w === '',
      'no collision once the descriptions part',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
