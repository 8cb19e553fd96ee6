import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PublishTargets } from '../workspace/publishTargets';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import { chooseSkillFolder } from './support/folderChoice';

/** The folder no longer publishes to its remembered skill: the next publish looks for its target again. */
export function forgetPublishTarget(deps: {
  folders: Pick<SkillFolderWatcher, 'all'>;
  targets: Pick<PublishTargets, 'forget'>;
}) {
  return async (arg?: unknown) => {
    const folder = await chooseSkillFolder(
      arg,
      deps.folders,
      vscode.l10n.t('Which skill folder should forget where it publishes?'),
    );
    if (!folder) return;
    const name = path.basename(folder.fsPath);
    const forgot = await deps.targets.forget(folder);
    void vscode.window.showInformationMessage(
      forgot
        ? vscode.l10n.t(
            '{0} no longer publishes to a remembered skill; its next publish looks for its target again.',
            name,
          )
        : vscode.l10n.t('{0} had no remembered skill to publish to.', name),
    );
  };
}
