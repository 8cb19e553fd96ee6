import * as vscode from 'vscode';
import type { VersionComparison } from '../skill/versionArchive';
import type { PublishTargets } from '../workspace/publishTargets';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import { chooseSkillFolder } from './support/folderChoice';
import { describeSkill } from '../tree/present';
import { compareFolder, showComparison } from './support/folderComparison';
import { loadVersionFiles, requireVersionNode, type VersionFilesDeps } from './support/versionNode';

export interface CompareDeps extends VersionFilesDeps {
  folders: Pick<SkillFolderWatcher, 'all'>;
  targets: Pick<PublishTargets, 'foldersOf'>;
}

/** For automation and tests, after the arguments VS Code passes: the folder, instead of asking. */
export interface CompareOptions {
  folder?: vscode.Uri;
}

/**
 * Compare with Local Folder: the published files against a local skill folder as a publish would send it
 * (the excludes applied), in one multi-file diff. Returns what differs.
 */
export function compareWithLocal(deps: CompareDeps) {
  return async (
    arg?: unknown,
    _selected?: unknown,
    options: CompareOptions = {},
  ): Promise<VersionComparison | undefined> => {
    const node = requireVersionNode(arg, vscode.l10n.t('Compare with Local Folder'));
    const what = describeSkill(node.skill, node.version, vscode.env.language);
    const folder =
      options.folder ??
      (await chooseSkillFolder(undefined, deps.folders, `Compare ${what} with which folder?`, {
        preferred: deps.targets.foldersOf(node.skill.id),
      }));
    if (!folder) return undefined;
    const result = await compareFolder(folder, await loadVersionFiles(deps, node));
    await showComparison(folder, node.skill, node.version, result);
    return result.comparison;
  };
}
