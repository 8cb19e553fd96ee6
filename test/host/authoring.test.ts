// The authoring checks in the real editor: the consumers a folder's place implies, a quick fix applied
// through VS Code's code action command removing its Problem, a rename of the folder carrying its publish
// target, the code's link to the README's row, and a key's hover and completion.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { eventually, ruleOf, updateSetting, useHostSuite } from './hostSuite';

describe('authoring checks in the editor', () => {
  const suite = useHostSuite({});
  const root = () => join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'authoring');
  const skillMd = (folder: string) => vscode.Uri.file(join(root(), folder, 'SKILL.md'));

  async function open(folder: string, frontmatter: string, body = '\n# Notes\n'): Promise<vscode.TextDocument> {
    mkdirSync(join(root(), folder), { recursive: true });
    writeFileSync(skillMd(folder).fsPath, `---\n${frontmatter}---\n${body}`);
    return vscode.workspace.openTextDocument(skillMd(folder));
  }

  const ours = (uri: vscode.Uri, rule: string) =>
    vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === rule);

  const problemOf = (uri: vscode.Uri, rule: string) =>
    eventually(
      () => ours(uri, rule),
      (found) => found.length === 1,
      `one ${rule} Problem on ${uri.fsPath}`,
    ).then(([d]) => d);

  async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `"${title}" among ${actions.map((a) => a.title).join(' | ')}`);
    return action;
  }

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  after(async () => {
    await updateSetting('lintTargets', undefined);
    rmSync(root(), { recursive: true, force: true });
  });

  it('knows the consumers from the folder’s place: Claude Code under .claude/skills, VS Code under .github/skills', async () => {
    const claude = await open(
      '.claude/skills/notes',
      'name: notes\ndescription: Takes notes.\nuser-invokable: false\n',
    );
    const forClaude = await problemOf(claude.uri, 'unknown-key');
    assert.match(forClaude.message, /Claude Code ignores it\. .*Did you mean "user-invocable"\?$/);
    assert.equal(forClaude.range.start.line, 3);

    const github = await open(
      '.github/skills/notes',
      'name: notes\ndescription: Takes notes.\nuser-invokable: false\n',
    );
    const forVsCode = await problemOf(github.uri, 'unknown-key');
    assert.match(forVsCode.message, /the Skills API may ignore or refuse it.*VS Code's agent skills takes it\.$/);
    assert.doesNotMatch(forVsCode.message, /Did you mean/);
  });

  it('a quick fix applied through executeCodeActionProvider removes its Problem', async () => {
    const doc = await open('.claude/skills/typo', 'name: typo\ndescription: Takes notes.\nuser-invokable: false\n');
    const problem = await problemOf(doc.uri, 'unknown-key');
    const action = await quickFix(doc.uri, problem, 'Rename "user-invokable" to "user-invocable"');
    assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)));
    assert.equal(doc.lineAt(3).text, 'user-invocable: false');
    // What is left is the Skills API's word on a key it does not document, no longer a misspelling.
    await eventually(
      () => ours(doc.uri, 'unknown-key').map((d) => d.message),
      (left) => left.length === 1 && /Claude Code takes it\.$/.test(left[0]),
      'the misspelling gone',
    );

    const missing = await open(
      'plain/linked',
      'name: linked\ndescription: Links.\n',
      '\nSee [the guide](docs/guide.md).\n',
    );
    const reference = await problemOf(missing.uri, 'reference-missing');
    const create = await quickFix(missing.uri, reference, 'Create "docs/guide.md"');
    assert.ok(create.edit && (await vscode.workspace.applyEdit(create.edit)));
    assert.ok(existsSync(join(root(), 'plain/linked/docs/guide.md')));
    // The folder's files changed, not SKILL.md's text: the check runs again when SKILL.md does.
    const touch = new vscode.WorkspaceEdit();
    touch.insert(missing.uri, missing.lineAt(missing.lineCount - 1).range.end, '\nMore.\n');
    await vscode.workspace.applyEdit(touch);
    await eventually(
      () => ours(missing.uri, 'reference-missing').length,
      (n) => n === 0,
      'the reference resolved',
    );
  });

  it('the code links to its row in the README’s rules table', async () => {
    const doc = await open('plain/coded', 'name: coded\ndescription: Codes.\nauthor: me\n');
    const problem = await problemOf(doc.uri, 'unknown-key');
    assert.ok(typeof problem.code === 'object');
    const { target } = problem.code;
    assert.ok(target.path.endsWith('/README.md'), target.toString());
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    const readme = readFileSync(target.fsPath, 'utf8').split('\n');
    assert.match(readme[line - 1], /^\| `unknown-key` \|/);
  });

  it('renaming the folder to match its name carries where it publishes', async () => {
    await updateSetting('lintTargets', ['api', 'agentskills']);
    const doc = await open('plain/my-notes', 'name: notes\ndescription: Takes notes.\n');
    const folder = vscode.Uri.file(join(root(), 'plain/my-notes'));
    await suite.exports.targets.remember(folder, 'skill_01RenameCarries');
    const problem = await problemOf(doc.uri, 'name-folder');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error, 'skills-ref refuses it');
    const action = await quickFix(doc.uri, problem, 'Rename the folder to "notes"');
    assert.ok(action.command);
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    const renamed = vscode.Uri.file(join(root(), 'plain/notes'));
    assert.ok(existsSync(join(renamed.fsPath, 'SKILL.md')));
    assert.ok(!existsSync(folder.fsPath));
    assert.equal(suite.exports.targets.get(renamed), 'skill_01RenameCarries');
    assert.equal(suite.exports.targets.get(folder), undefined);
    await suite.exports.targets.forget(renamed);
    await updateSetting('lintTargets', undefined);
  });

  it('a key’s hover says who takes it; completion offers the keys of the folder’s consumers', async () => {
    const doc = await open('.claude/skills/hovered', 'name: hovered\ndescription: Hovers.\nuser-invocable: false\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(3, 2),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*user-invocable\*\* — false: the skill is not in the slash-command menu/);
    assert.match(text, /Taken by Claude Code and VS Code's agent skills\./);
    assert.match(text, /The Agent Skills format \(skills-ref\) refuses it\./);
    assert.match(text, /Checked here for the Skills API and Claude Code/);

    const labels = async (uri: vscode.Uri) =>
      (
        await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          new vscode.Position(2, 0),
        )
      ).items
        // Recent VS Code completes SKILL.md's keys itself too: ours are those that say who takes the key.
        .filter((i) => /Skills API|Claude Code|VS Code's agent skills/.test(i.detail ?? ''))
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    const forClaude = await labels(doc.uri);
    assert.ok(forClaude.includes('disable-model-invocation'), forClaude.join(', '));
    assert.ok(!forClaude.includes('name') && !forClaude.includes('user-invocable'), 'keys written already');
    const plain = await open('plain/completed', 'name: completed\ndescription: Completes.\n');
    const forApi = await labels(plain.uri);
    assert.ok(forApi.includes('license') && !forApi.includes('context'), forApi.join(', '));
  });
});
