import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SkillDiagnostics } from '../workspace/skillDiagnostics';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import { checkedSkillFolder, chooseSkillFolder } from './support/folderChoice';
import { skillBundle } from '../skillBundle';
import { plural } from '../shared/words';

/** The checks of a publish, without the upload: problems in the Problems panel, a summary message. */
export function validateSkill(deps: {
  folders: Pick<SkillFolderWatcher, 'all'>;
  diagnostics: Pick<SkillDiagnostics, 'show'>;
}) {
  return async (arg?: unknown) => {
    const folder = await chooseSkillFolder(arg, deps.folders, vscode.l10n.t('Which skill folder to validate?'));
    if (!folder) return undefined;
    const skill = await checkedSkillFolder(folder, deps.diagnostics, 'validate');
    if (!skill) return undefined;
    const warnings = skill.problems.length;
    void vscode.window.showInformationMessage(
      warnings
        ? vscode.l10n.t(
            '{0} is ready to publish as {1} ({2}), with {3} in the Problems panel.',
            path.basename(folder.fsPath),
            skill.name,
            skillBundle().describeFiles(skill),
            plural(warnings, 'warning'),
          )
        : vscode.l10n.t(
            '{0} is ready to publish as {1} ({2}).',
            path.basename(folder.fsPath),
            skill.name,
            skillBundle().describeFiles(skill),
          ),
    );
    return skill;
  };
}
