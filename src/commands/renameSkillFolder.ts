import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { resultsFolderOf } from '../testing/resultsFolder';
import type { PublishTargets } from '../workspace/publishTargets';

/** A folder name a quick fix may give: the skill names the checks accept (so no path, no `..`). */
const FOLDER_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * The quick fix's folder rename: the skill folder renamed (open editors follow), its eval results folder
 * with it when that is named after the folder, and its publish target and record carried to the new path.
 * Its eval draft is found by the skill's name, which a folder rename leaves alone.
 */
export function renameSkillFolder(deps: { targets: Pick<PublishTargets, 'move'> }) {
  return async (folder?: unknown, name?: unknown) => {
    if (!(folder instanceof vscode.Uri) || typeof name !== 'string' || !FOLDER_NAME.test(name)) {
      throw new Error(
        vscode.l10n.t('Rename Skill Folder needs a skill folder and a name of lowercase letters, digits and hyphens.'),
      );
    }
    const renamed = vscode.Uri.joinPath(folder, '..', name);
    const was = path.basename(folder.fsPath);
    if (existsSync(renamed.fsPath)) {
      throw new Error(
        vscode.l10n.t('"{0}" was not renamed: a "{1}" is there already beside it. Move that one first.', was, name),
      );
    }
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(folder, renamed, { overwrite: false });
    // Taken from the paths before the rename: the results folder follows the folder's name.
    const [results, renamedResults] = [resultsFolderOf(folder), resultsFolderOf(renamed)];
    if (existsSync(results) && !existsSync(renamedResults))
      edit.renameFile(vscode.Uri.file(results), vscode.Uri.file(renamedResults), { overwrite: false });
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new Error(
        vscode.l10n.t(
          '"{0}" could not be renamed to "{1}": check that nothing holds the folder open, then try again.',
          was,
          name,
        ),
      );
    }
    await deps.targets.move(folder, renamed);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Renamed "{0}" to "{1}"; where it publishes and its last publish came with it.', was, name),
    );
  };
}
