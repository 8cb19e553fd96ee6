// In the pseudo-locale (runInServer.ts's third pass: VS Code in `qps-ploc`, the extension given its
// generated bundle.l10n.qps-ploc.json), what a user reads comes out accented: a message that bypasses l10n
// stays in plain English and fails here. A publish's confirmation, a delete's, a tree error row, a
// validation problem, a try's run document and an eval run's output and report stand for the rest.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/constants';
import { eventually, extensionLog, useHostSuite, watchedDir } from './hostSuite';
import { PSEUDO_TAG } from './index';

const KEY = 'sk-ant-pseudo-test-8642';
const MODEL = 'claude-emulated-opus-2';
/** Code spans hold ids, commands and the API's words, never ours. */
const withoutCode = (markdown: string) => markdown.replace(/`[^`\n]*`/g, ' ');

/**
 * The runs of three or more ASCII letters left once what a message quotes (names, ids, paths) is taken out:
 * the pseudo-locale accents every letter of a translated message.
 */
function plainWords(text: string, quoted: readonly string[]): string[] {
  let rest = text;
  for (const q of quoted) rest = rest.split(q).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

/** What a modal said, as the test host's refusal of it was logged under the command that opened it. */
async function refusedModal(exports: Parameters<typeof extensionLog>[0], command: string): Promise<string> {
  const log = await eventually(
    () => extensionLog(exports),
    (text) => text.includes(`${command}: `),
    `${command}'s refused modal in the log`,
  );
  const line = log
    .split('\n')
    .filter((l) => l.includes(`${command}: `))
    .at(-1)!;
  const message = line.slice(line.indexOf(`${command}: `) + command.length + 2);
  // VS Code's own words around the modal's text: the test host's, not ours.
  return message.replace(/^.*?refused to show dialog in tests\.\s*(Contents:\s*)?/i, '');
}

describe(`the extension in the pseudo-locale ${PSEUDO_TAG}`, () => {
  const suite = useHostSuite({
    key: KEY,
    skills: [
      { id: 'skill_hello', name: 'hello-world', display_name: 'Hello World', description: 'Greets.', versionCount: 2 },
      { id: 'skill_notes', name: 'release-notes', description: 'Writes release notes.', versionCount: 1 },
    ],
    settings: { evalModel: MODEL },
  });
  const helloWorld = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'skills', 'hello-world');

  before(function () {
    if (vscode.env.language !== 'qps-ploc') this.skip();
  });

  it("asks before a publish in the pseudo-locale's words", async () => {
    await vscode.commands.executeCommand(CommandIds.publishNewVersion, helloWorld(), [helloWorld()]);
    const modal = await refusedModal(suite.exports, CommandIds.publishNewVersion);
    assert.ok(modal.length > 20, modal);
    assert.deepEqual(plainWords(modal, ['hello-world', 'Hello World', 'SKILL.md', KEY.slice(-4)]), [], modal);
  });

  it("asks before a delete in the pseudo-locale's words", async () => {
    const [version] = await suite.versionNodes('skill_hello');
    await vscode.commands.executeCommand(CommandIds.deleteVersion, version);
    const modal = await refusedModal(suite.exports, CommandIds.deleteVersion);
    assert.ok(modal.length > 20, modal);
    // Dates are Intl's, in the display language (which Intl knows no words of for the pseudo-locale).
    const date = new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(
      Date.parse(version.version.createdAt),
    );
    assert.deepEqual(plainWords(modal, ['Hello World', 'skill_hello', version.version.id, date]), [], modal);
  });

  it("says why a list failed in the tree's error row in the pseudo-locale's words", async () => {
    suite.emulator.apiKeys.delete(KEY);
    try {
      await suite.exports.model.refresh();
      const [row] = await suite.exports.tree.getChildren();
      assert.equal(row?.kind, 'message');
      // What follows the colon is the API's own message, in its own language.
      const ours = row.kind === 'message' ? row.text.split(':')[0] : '';
      assert.deepEqual(plainWords(ours, []), [], row.kind === 'message' ? row.text : '');
    } finally {
      suite.emulator.apiKeys.add(KEY);
      await suite.exports.model.refresh();
    }
  });

  it("names a folder's validation problem in the pseudo-locale's words", async () => {
    const skillMd = vscode.Uri.joinPath(
      vscode.workspace.workspaceFolders![0].uri,
      'skills',
      'broken-skill',
      'SKILL.md',
    );
    await vscode.workspace.openTextDocument(skillMd);
    const [problem] = await eventually(
      () => vscode.languages.getDiagnostics(skillMd).filter((d) => d.source === 'Claude Skills'),
      (found) => found.length > 0,
      "broken-skill's problems",
    );
    // The suggested name is the folder's own words.
    assert.deepEqual(plainWords(problem.message, ['"C"', '"H"', 'helper']), [], problem.message);
  });

  it("writes a try's run document in the pseudo-locale's words", async () => {
    const [version] = await suite.versionNodes('skill_hello');
    const uri = await vscode.commands.executeCommand<vscode.Uri>(CommandIds.trySkill, version, undefined, {
      model: MODEL,
      prompt: 'Say hello.',
      acceptBilling: true,
    });
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri!));
    const lines = markdown.split('\n');
    // The heading, the prompt's label and the footer are ours; between them, the model's answer and output.
    const ours = [lines[0], ...lines.filter((l) => l.startsWith('**')), ...lines.slice(lines.lastIndexOf('---'))];
    assert.ok(ours.length > 6, markdown);
    assert.deepEqual(
      plainWords(withoutCode(ours.join('\n')), ['Hello World', '**stdout**', '**stderr**']),
      [],
      markdown,
    );
  });

  it("reports an eval run in the Testing view and its report in the pseudo-locale's words", async () => {
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'skills', 'release-notes');
    const evalsDir = join(folder.fsPath, 'evals');
    const results = join(folder.fsPath, '..', 'release-notes-workspace');
    await watchedDir(suite.exports, evalsDir);
    const prompt = 'Write the release notes for 2.0';
    const query = 'Draft the release notes for this sprint';
    const expectation = 'It names "Summary of release-notes"';
    writeFileSync(
      join(evalsDir, 'evals.json'),
      JSON.stringify({ skill_name: 'release-notes', evals: [{ id: 1, prompt, expectations: [expectation] }] }),
    );
    writeFileSync(join(evalsDir, 'trigger-eval.json'), JSON.stringify([{ query, should_trigger: true }]));
    await suite.exports.targets.remember(folder, 'skill_notes');
    try {
      const { tests, runs } = suite.exports.evals;
      await tests.rediscover();
      const item = tests.controller.items.get(folder.toString())!;
      const never = new vscode.CancellationTokenSource().token;
      const outcome = await runs.run(new vscode.TestRunRequest([item]), never, 'draft', { acceptCost: true });
      const evalResult = outcome.get(`${folder.toString()}#eval-1`);
      assert.equal(evalResult?.state, 'passed', JSON.stringify(evalResult));
      // The line after the transcripts says the result against the baseline.
      const said = evalResult.output.at(-1)!;
      assert.deepEqual(plainWords(said, []), [], said);
      const queryResult = outcome.get(`${folder.toString()}#query-0`);
      const readIt = queryResult?.output.at(-1) ?? '';
      assert.ok(readIt.length > 10, JSON.stringify(queryResult));
      assert.deepEqual(plainWords(readIt, []), [], readIt);

      const report = await vscode.commands.executeCommand<vscode.Uri>(CommandIds.showEvalReport);
      const markdown = readFileSync(report!.fsPath, 'utf8');
      // Headings, the facts at the top and the sentences are ours; a table's body rows hold the evals' words.
      const lines = markdown.split('\n');
      const ours = lines.filter((l, i) => !l.startsWith('|') || lines[i + 1]?.startsWith('| ---'));
      const quoted = [expectation, 'release-notes', MODEL, 'with_skill', 'old_skill', prompt, query];
      assert.deepEqual(plainWords(withoutCode(ours.join('\n')).replace(/\b\w*_\w+\b/g, ' '), quoted), [], markdown);
    } finally {
      await suite.exports.targets.forget(folder);
      rmSync(evalsDir, { recursive: true, force: true });
      rmSync(results, { recursive: true, force: true });
    }
  });
});
