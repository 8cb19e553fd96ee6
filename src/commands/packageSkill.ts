import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatBytes } from '../shared/words';
import type { SkillDiagnostics } from '../workspace/skillDiagnostics';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import { checkedSkillFolder, chooseSkillFolder } from './support/folderChoice';
import { skillBundle } from '../skillBundle';

export interface PackageOptions {
  /** Where to write the zip, instead of asking (automation and tests). */
  target?: vscode.Uri;
}

/**
 * `<name>.zip` holding `<name>/…` (the layout the Claude apps accept), after the checks of a publish;
 * next to the folder unless the user picks another place.
 */
export function packageSkill(deps: {
  folders: Pick<SkillFolderWatcher, 'all'>;
  diagnostics: Pick<SkillDiagnostics, 'show'>;
}) {
  return async (arg?: unknown, _selected?: unknown, options: PackageOptions = {}) => {
    const folder = await chooseSkillFolder(arg, deps.folders, vscode.l10n.t('Which skill folder to package?'));
    if (!folder) return undefined;
    const skill = await checkedSkillFolder(folder, deps.diagnostics, 'package');
    if (!skill) return undefined;
    const target =
      options.target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Package {0} as .zip', skill.name),
        defaultUri: vscode.Uri.joinPath(folder, '..', `${skill.name}.zip`),
        filters: { 'Zip archives': ['zip'] },
        saveLabel: 'Package',
      }));
    if (!target) return undefined;
    const { buildZip } = skillBundle();
    const zip = await buildZip(skill);
    await vscode.workspace.fs.writeFile(target, zip);
    const reveal = vscode.l10n.t('Reveal in Explorer');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Packaged {0}: {1} files under {2}/, {3}.',
          path.basename(target.fsPath),
          skill.files.length,
          skill.name,
          formatBytes(zip.length),
        ),
        reveal,
      )
      .then((choice) => choice && vscode.commands.executeCommand('revealInExplorer', target));
    return target;
  };
}
