// The gates `npm test` runs first must bite: the layer rules fire on an import that runs upward, and the
// format check refuses what Prettier would change.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { repoRoot } from '../../support/vscodeServer';

/** Lints `text` as if it were the file at `path` (an existing file, so the type-aware parser knows it). */
async function restrictedImports(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(repoRoot, path) });
  return result.messages.map((m) => `${m.line}:${m.ruleId ?? m.message}`);
}

let eslint: ESLint;

describe('lint and format gates', function () {
  this.timeout(60_000);
  before(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  it('refuses vscode and the upper layers in src/api, src/skill, src/operations, src/evals, src/runs and src/cli', async () => {
    for (const file of [
      'src/api/paging.ts',
      'src/skill/rules.ts',
      'src/operations/publish.ts',
      'src/evals/evalRun.ts',
      'src/runs/runMarkdown.ts',
      'src/cli/main.ts',
    ]) {
      const text = [
        "import * as vscode from 'vscode';",
        "import { SkillNode } from '../tree/nodes';",
        "import { refresh } from '../commands/refresh';",
        "import { SkillFolderWatcher } from '../workspace/skillFolderWatcher';",
        "import { ApiKeyStore } from '../auth/apiKeyStore';",
        "import { apiBaseUrl } from '../config';",
        "import { RunFileSystem } from '../documents/runFileSystem';",
        "import { chooseModel } from '../ui/modelChoice';",
        'export const all = [vscode, SkillNode, refresh, SkillFolderWatcher, ApiKeyStore, apiBaseUrl, RunFileSystem, chooseModel];',
      ].join('\n');
      assert.deepEqual(
        await restrictedImports(file, text),
        [1, 2, 3, 4, 5, 6, 7, 8].map((line) => `${line}:no-restricted-imports`),
        file,
      );
    }
  });

  it('refuses src/operations in src/api and src/skill, and allows it above', async () => {
    const text = "import { publishFiles } from '../operations/publish';\nexport const all = [publishFiles];";
    for (const file of ['src/api/paging.ts', 'src/skill/rules.ts']) {
      assert.deepEqual(await restrictedImports(file, text), ['1:no-restricted-imports'], file);
    }
    assert.deepEqual(await restrictedImports('src/tree/nodes.ts', text), []);
  });

  it('keeps src/shared below every layer: no vscode, no import of another folder of src', async () => {
    const text = [
      "import * as vscode from 'vscode';",
      "import { describeError } from '../api/errors';",
      'export const all = [vscode, describeError];',
    ].join('\n');
    assert.deepEqual(await restrictedImports('src/shared/words.ts', text), [
      '1:no-restricted-imports',
      '2:no-restricted-imports',
    ]);
  });

  it('lets src/commands/plans import the types of VS Code modules, never the modules', async () => {
    const text = [
      "import * as vscode from 'vscode';",
      "import { showWithLog } from '../support/messages';",
      "import { SkillsModel } from '../../tree/skillsModel';",
      "import type { LoadMoreNode } from '../../tree/nodes';",
      "import type * as types from 'vscode';",
      "import { skillTitle } from '../../tree/present';",
      'export const all: [unknown, unknown, unknown, LoadMoreNode?, types.Uri?, unknown?] = [vscode, showWithLog, SkillsModel, undefined, undefined, skillTitle];',
    ].join('\n');
    assert.deepEqual(
      await restrictedImports('src/commands/plans/versionDeletion.ts', text),
      [1, 2, 3].map((line) => `${line}:@typescript-eslint/no-restricted-imports`),
    );
  });

  it('refuses src/commands in src/tree, src/workspace, src/documents, src/ui and src/testing, and allows the neutral constants', async () => {
    for (const file of [
      'src/tree/nodes.ts',
      'src/workspace/skillFolderWatcher.ts',
      'src/documents/runFileSystem.ts',
      'src/ui/modelChoice.ts',
      'src/testing/evalRuns.ts',
    ]) {
      const text = [
        "import { refresh } from '../commands/refresh';",
        "import { CommandIds } from '../constants';",
        'export const all = [refresh, CommandIds];',
      ].join('\n');
      assert.deepEqual(await restrictedImports(file, text), ['1:no-restricted-imports'], file);
    }
  });

  it('fails the format check on a misformatted file, at the print width of 120', async () => {
    const options = { ...(await prettier.resolveConfig(join(repoRoot, 'src/api/paging.ts'))), filepath: 'x.ts' };
    assert.equal(options.printWidth, 120);
    assert.equal(await prettier.check("export const a = {b:1,  c:'x'}\n", options), false);
    const call = (width: number) =>
      `export const value = compute(${'x'.repeat(width - 'export const value = compute();'.length)});\n`;
    assert.equal(await prettier.check(call(120), options), true);
    assert.equal(await prettier.check(call(121), options), false);
  });
});
