// Compare with Published: a skill folder against the latest version of the skill it publishes to (the one it
// remembers, else the one its name matches), in one multi-file diff. What it finds is remembered for the Workspace Skills view (in sync, or which files
// differ), by version id: a folder published from elsewhere is checked this way, once per version.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import type { VersionComparison } from '../skill/versionArchive';
import { skillTitle } from '../tree/present';
import type { PublishTargets } from '../workspace/publishTargets';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import type { VersionFileSystem } from '../documents/versionFileSystem';
import type { WorkspaceSkills } from '../workspace/workspaceSkills';
import { chooseSkillFolder } from './support/folderChoice';
import { compareFolder, rememberComparison, showComparison } from './support/folderComparison';

export interface CompareWithPublishedDeps {
  client: Pick<SkillsClient, 'getSkill' | 'getVersion'>;
  versionFiles: Pick<VersionFileSystem, 'load'>;
  folders: Pick<SkillFolderWatcher, 'all'>;
  targets: Pick<PublishTargets, 'record'>;
  workspaceSkills: Pick<WorkspaceSkills, 'skillSeen' | 'targetOf'>;
}

export function compareWithPublished(deps: CompareWithPublishedDeps) {
  return async (arg?: unknown): Promise<VersionComparison | undefined> => {
    const folder = await chooseSkillFolder(
      arg,
      deps.folders,
      vscode.l10n.t('Compare which skill folder with its published skill?'),
    );
    if (!folder) return undefined;
    const target = await deps.workspaceSkills.targetOf(folder);
    if ('reason' in target) {
      throw new Error(
        vscode.l10n.t(
          '{0} has no skill to compare with: {1}. Publish it, or use Compare with Local Folder on a version in the Skills view.',
          folder.path.split('/').pop() ?? '',
          target.reason,
        ),
      );
    }
    const skill = await deps.client.getSkill(target.skillId);
    deps.workspaceSkills.skillSeen(skill);
    if (!skill.latestVersionId)
      throw new Error(vscode.l10n.t('"{0}" has no version to compare with.', skillTitle(skill)));
    const versionId = skill.latestVersionId;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Comparing with "{0}"', skillTitle(skill)) },
      async () => {
        const [version, published] = await Promise.all([
          deps.client.getVersion(skill.id, versionId),
          deps.versionFiles.load(skill.id, versionId),
        ]);
        return { version, ...(await compareFolder(folder, published)) };
      },
    );
    await rememberComparison(deps.targets, folder, skill.id, versionId, result);
    await showComparison(folder, skill, result.version, result);
    return result.comparison;
  };
}
