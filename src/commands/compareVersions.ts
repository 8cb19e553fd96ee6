// Compare Versions: two published versions of a skill in one multi-file diff, the older on the left. From
// two selected version rows, or one row and a pick of another version of its skill.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import type { SkillVersion } from '../api/types';
import type { VersionComparison } from '../skill/versionArchive';
import { skillBundle } from '../skillBundle';
import type { SkillsTreeNode, VersionNode } from '../tree/nodes';
import { describeSkill, versionLabel } from '../tree/present';
import { emptyFileUri, versionFileUri, type VersionFileSystem } from '../documents/versionFileSystem';
import { pickVersion } from './support/skillChoice';
import { requireVersionNode } from './support/versionNode';

export interface CompareVersionsDeps {
  client: Pick<SkillsClient, 'versionPages'>;
  versionFiles: Pick<VersionFileSystem, 'load'>;
}

/** For automation and tests: the other version, instead of asking. */
export interface CompareVersionsOptions {
  other?: SkillVersion;
}

export function compareVersions(deps: CompareVersionsDeps) {
  return async (
    arg?: unknown,
    selected?: readonly SkillsTreeNode[],
    options: CompareVersionsOptions = {},
  ): Promise<VersionComparison | undefined> => {
    const node = requireVersionNode(arg, vscode.l10n.t('Compare Versions'));
    const { skill } = node;
    const others = (selected ?? []).filter(
      (n): n is VersionNode => n.kind === 'version' && n !== node && n.skill.id === skill.id,
    );
    if ((selected ?? []).filter((n) => n.kind === 'version').length > 2) {
      throw new Error(vscode.l10n.t('Compare Versions compares two versions: select two rows of one skill, or one.'));
    }
    const other =
      options.other ??
      others[0]?.version ??
      (await pickVersion(
        deps.client,
        skill,
        `Compare ${describeSkill(skill, node.version, vscode.env.language)} with…`,
      ));
    if (!other) return undefined;
    if (other.id === node.version.id)
      throw new Error(vscode.l10n.t('Pick another version: a version is the same as itself.'));
    // The older on the left, as a history reads.
    const [before, after] = [node.version, other].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    const [beforeFiles, afterFiles] = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Downloading two versions of {0}', describeSkill(skill)),
      },
      () => Promise.all([deps.versionFiles.load(skill.id, before.id), deps.versionFiles.load(skill.id, after.id)]),
    );
    const comparison = skillBundle().compareFiles(beforeFiles, afterFiles);
    const label = (v: SkillVersion) => versionLabel(v, true, vscode.env.language);
    const { added, removed, changed, unchanged } = comparison;
    if (added.length + removed.length + changed.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'The versions of {0} and {1} hold the same {2} files.',
          label(before),
          label(after),
          unchanged.length,
        ),
      );
      return comparison;
    }
    const uri = (v: SkillVersion, file: string) => versionFileUri(skill.id, v.id, file);
    const resources = [
      ...changed.map((file) => [uri(after, file), uri(before, file), uri(after, file)]),
      ...added.map((file) => [uri(after, file), emptyFileUri(file), uri(after, file)]),
      ...removed.map((file) => [uri(before, file), uri(before, file), emptyFileUri(file)]),
    ];
    const counts = vscode.l10n.t('{0} added, {1} removed, {2} changed', added.length, removed.length, changed.length);
    await vscode.commands.executeCommand('vscode.changes', `${label(before)} ↔ ${label(after)} (${counts})`, resources);
    return comparison;
  };
}
