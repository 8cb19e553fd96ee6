import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { excludePatterns } from '../config';
import type { VersionComparison } from '../skill/versionArchive';
import { skillModule } from '../skillModule';
import { emptyFileUri, versionFileUri } from '../workspace/versionFileSystem';
import type { PublishTargets } from '../workspace/publishTargets';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import { chooseSkillFolder } from './support/folderChoice';
import { versionLabel, describeSkill } from '../tree/present';
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
    const node = requireVersionNode(arg, 'Compare with Local Folder');
    const what = describeSkill(node.skill, node.version, vscode.env.language);
    const folder =
      options.folder ??
      (await chooseSkillFolder(undefined, deps.folders, `Compare ${what} with which folder?`, {
        preferred: deps.targets.foldersOf(node.skill.id),
      }));
    if (!folder) return undefined;
    const [published, localFolder] = await Promise.all([
      loadVersionFiles(deps, node),
      skillModule().inspectSkillFolder(folder.fsPath, { exclude: excludePatterns(), scanContents: false }),
    ]);
    const local = new Map(
      await Promise.all(
        localFolder.files.map(async (f) => [f.relativePath, new Uint8Array(await readFile(f.absolutePath))] as const),
      ),
    );
    const comparison = skillModule().compareFiles(published, local);
    const name = path.basename(folder.fsPath);
    const counts = [
      `${comparison.added.length} added`,
      `${comparison.removed.length} removed`,
      `${comparison.changed.length} changed`,
    ].join(', ');
    if (comparison.added.length + comparison.removed.length + comparison.changed.length === 0) {
      void vscode.window.showInformationMessage(
        `${name} holds the same ${comparison.unchanged.length} files as ${what}.`,
      );
      return comparison;
    }
    const publishedUri = (file: string) => versionFileUri(node.skill.id, node.version.id, file);
    const localUri = (file: string) => vscode.Uri.joinPath(folder, ...file.split('/'));
    // [label, published side, local side]; a side where the file does not exist is an empty file.
    const resources = [
      ...comparison.changed.map((file) => [localUri(file), publishedUri(file), localUri(file)]),
      ...comparison.added.map((file) => [localUri(file), emptyFileUri(file), localUri(file)]),
      ...comparison.removed.map((file) => [publishedUri(file), publishedUri(file), emptyFileUri(file)]),
    ];
    await vscode.commands.executeCommand(
      'vscode.changes',
      `${versionLabel(node.version, true, vscode.env.language)} ↔ ${name} (${counts})`,
      resources,
    );
    return comparison;
  };
}
