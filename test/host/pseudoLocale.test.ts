// In the pseudo-locale (runInServer.ts's third pass: VS Code in `qps-ploc`, the extension given its
// generated bundle.l10n.qps-ploc.json), what a user reads comes out accented: a message that bypasses l10n
// stays in plain English and fails here. A publish's confirmation, a delete's, a tree error row and a
// validation problem stand for the rest.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/constants';
import { eventually, extensionLog, useHostSuite } from './hostSuite';
import { PSEUDO_TAG } from './index';

const KEY = 'sk-ant-pseudo-test-8642';

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
    ],
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
});
