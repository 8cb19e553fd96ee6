// Try in Claude against the emulator's scripted model, in the real extension host: the run document's
// content, its read-only files, Save Run Files…, an Anthropic skill, and the key nowhere to be read.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds, ContextKeys } from '../../src/constants';
import type { TrySkillOptions } from '../../src/commands/trySkill';
import { WorkspaceSkillNode } from '../../src/tree/workspaceSkillsProvider';
import { eventually, extensionLog, useHostSuite } from './hostSuite';

const KEY = 'sk-ant-try-test-8642';
const MODEL = 'claude-emulated-opus-2';
const answers = (prompt: string): TrySkillOptions => ({ model: MODEL, prompt, acceptBilling: true });

describe('Try in Claude', () => {
  const suite = useHostSuite({
    key: KEY,
    skills: [
      {
        id: 'skill_try',
        name: 'try-skill',
        display_name: 'Try Me',
        description: 'Summarizes. Use to try.',
        versionCount: 2,
      },
      {
        id: 'skill_pdf',
        source: 'anthropic',
        name: 'pdf',
        display_name: 'pdf',
        description: 'PDF.',
        versions: [{ legacyVersion: '20251013' }],
      },
    ],
  });
  const scratch = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'scratch-run-files');
  const text = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  let runUri: vscode.Uri;
  const tryFrom = async (node: unknown, prompt: string) =>
    (await vscode.commands.executeCommand<vscode.Uri>(CommandIds.trySkill, node, undefined, answers(prompt)))!;

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(scratch().fsPath, { recursive: true, force: true });
  });

  it("streams a version row's run into a read-only document beside: answer, step, file link, footer", async () => {
    const [, older] = await suite.versionNodes('skill_try');
    runUri = (await tryFrom(older, 'Summarize this skill.'))!;
    assert.equal(runUri.scheme, 'claude-skills-run');
    const markdown = await text(runUri);
    assert.match(markdown, /^# Try in Claude: Try Me/);
    assert.match(markdown, /> Summarize this skill\./);
    assert.match(markdown, /scripted test double/);
    assert.match(markdown, /```bash\ncat \/skills\/try-skill\/SKILL\.md/);
    assert.match(markdown, /\[summary\.md\]\(<files\/summary\.md>\)/);
    assert.match(markdown, new RegExp(`\\*\\*Skill version that ran:\\*\\* \`skill_try\` \`${older.version.id}\``));
    assert.match(markdown, /\*\*Stop reason:\*\* end_turn/);
    assert.match(markdown, /\*\*Request ids:\*\* `req_011C/);
    assert.equal(suite.exports.contextValue(ContextKeys.hasTried), true, "the walkthrough's Try step is done");

    const post = suite.emulator.log.find((r) => r.method === 'POST' && r.path === '/v1/messages')!;
    assert.deepEqual((post.json as { container: unknown }).container, {
      skills: [{ type: 'custom', skill_id: 'skill_try', version: older.version.id }],
    });
    assert.ok(
      suite.emulator.log.some((r) => r.path === '/v1/models'),
      'the model cap comes from the list',
    );

    // The open editor shows the same document, a Markdown one, and it cannot be written.
    const editor = await eventually(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === runUri.toString()),
      (e) => e !== undefined && e.document.getText() === markdown,
      'the run document is open beside and up to date',
    );
    assert.equal(editor!.document.languageId, 'markdown');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(runUri, new Uint8Array())), /read-only/);

    // The file the document links to is served under the run.
    const summary = await text(vscode.Uri.joinPath(runUri, '..', 'files', 'summary.md'));
    assert.match(summary, /^# Summary of try-skill\n/);
    assert.match(summary, new RegExp(`version: ${older.version.id}`));
  });

  it('leaves no command: or file: link in a run whose model wrote them, in the text editor or as raw HTML', async () => {
    const [, older] = await suite.versionNodes('skill_try');
    const uri = await tryFrom(older, 'Write links [hostile-links]');
    const markdown = await text(uri);
    assert.match(markdown, /Click me `command:workbench\.action\.terminal\.new`/);
    assert.doesNotMatch(markdown, /<script|<a href|!\[beacon\]/);
    await vscode.window.showTextDocument(uri);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const schemes = links.map((l) => l.target?.scheme);
    assert.ok(
      schemes.every((scheme) => scheme !== 'command' && scheme !== 'file' && scheme !== 'vscode'),
      JSON.stringify(links.map((l) => l.target?.toString())),
    );
    assert.ok(
      links.some((l) => l.target?.toString().startsWith('https://docs.anthropic.com')),
      'an https link stays one',
    );
  });

  it('Save Run Files… writes the files into a folder, and overwrites only when told', async () => {
    const folder = scratch();
    mkdirSync(folder.fsPath, { recursive: true });
    const written = await vscode.commands.executeCommand<vscode.Uri[]>(CommandIds.saveRunFiles, runUri, { folder });
    assert.deepEqual(
      written?.map((u) => u.path.split('/').pop()),
      ['summary.md'],
    );
    const target = join(folder.fsPath, 'summary.md');
    assert.match(readFileSync(target, 'utf8'), /^# Summary of try-skill/);

    writeFileSync(target, 'mine\n');
    // The overwrite modal is dismissed in the test host: nothing is written.
    assert.equal(await vscode.commands.executeCommand(CommandIds.saveRunFiles, runUri, { folder }), undefined);
    assert.equal(readFileSync(target, 'utf8'), 'mine\n');
    await vscode.commands.executeCommand(CommandIds.saveRunFiles, runUri, { folder, overwrite: true });
    assert.match(readFileSync(target, 'utf8'), /^# Summary of try-skill/);
  });

  it("tries an Anthropic skill as type anthropic, its skill row's latest", async () => {
    const node = await suite.skillNode('skill_pdf');
    const uri = await tryFrom(node, 'Read a PDF.');
    const markdown = await text(uri);
    assert.match(markdown, /\*\*Skill version that ran:\*\* `skill_pdf` `20251013` \(asked for `skill_pdf` `latest`\)/);
    const post = suite.emulator.log.find((r) => r.method === 'POST' && r.path === '/v1/messages')!;
    assert.deepEqual((post.json as { container: unknown }).container, {
      skills: [{ type: 'anthropic', skill_id: 'skill_pdf', version: 'latest' }],
    });
  });

  it("tries a published Workspace Skills row as its skill's latest, and refuses a folder never published", async () => {
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'skills', 'hello-world');
    const { targets, workspaceSkills } = suite.exports;
    assert.equal(await tryFrom(new WorkspaceSkillNode(await workspaceSkills.row(folder)), 'Hi.'), undefined);
    assert.equal(suite.emulator.log.filter((r) => r.path === '/v1/messages').length, 0, 'nothing is run');
    await targets.remember(folder, 'skill_try');
    try {
      const uri = await tryFrom(new WorkspaceSkillNode(await workspaceSkills.row(folder)), 'Hi.');
      assert.match(await text(uri), /\(asked for `skill_try` `latest`\)/);
    } finally {
      await targets.forget(folder);
    }
  });

  it('ends the document with the API error and its request id', async () => {
    const node = await suite.skillNode('skill_try');
    const uri = await tryFrom(node, 'x [error]');
    assert.match(
      await text(uri),
      /\*\*Error:\*\* The Messages API stopped the answer: Overloaded \(request req_011C\w+\)\n$/,
    );
  });

  it('writes the key into neither the run document nor the log', async () => {
    assert.ok(!(await text(runUri)).includes(KEY));
    const log = await eventually(
      () => extensionLog(suite.exports),
      (all) => all.includes('POST /v1/messages'),
      "the extension's log records the runs",
    );
    assert.ok(!log.includes(KEY), 'the key is not in the log');
  });
});
