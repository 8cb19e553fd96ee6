// A local skill folder against a published version, in one multi-file diff: what Compare with Local Folder
// and Compare with Published share. The folder is read as a publish would send it (the excludes applied).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Skill, SkillVersion } from '../../api/types';
import { excludePatterns } from '../../config';
import type { SkillFile } from '../../skill/files';
import type { VersionComparison, VersionFiles } from '../../skill/versionArchive';
import { forEachLimited } from '../../skill/concurrency';
import { skillBundle } from '../../skillBundle';
import { describeSkill, versionLabel } from '../../tree/present';
import { emptyFileUri, versionFileUri } from '../../documents/versionFileSystem';
import type { PublishTargets } from '../../workspace/publishTargets';

/** Files read at once: enough to keep the disk busy, few enough for the file handles. */
const READS_IN_FLIGHT = 16;

export interface FolderComparison {
  comparison: VersionComparison;
  published: VersionFiles;
  /** The folder's files as compared, and their bytes by relative path. */
  files: SkillFile[];
  local: ReadonlyMap<string, Uint8Array>;
}

/** Reads the folder's files (each a regular file, as large as it was when listed) and compares them. */
export async function compareFolder(folder: vscode.Uri, published: VersionFiles): Promise<FolderComparison> {
  const m = skillBundle();
  const inspected = await m.inspectSkillFolder(folder.fsPath, { exclude: excludePatterns(), scanContents: false });
  const local = new Map<string, Uint8Array>();
  await forEachLimited(inspected.files, READS_IN_FLIGHT, async (file) => {
    local.set(file.relativePath, await m.readRegularFileHead(file.absolutePath, file.size));
  });
  return { comparison: m.compareFiles(published, local), published, files: inspected.files, local };
}

/** Remembers that `folder` was compared with that version: its Workspace Skills row reads the result. */
export async function rememberComparison(
  targets: Pick<PublishTargets, 'record'>,
  folder: vscode.Uri,
  skillId: string,
  versionId: string,
  result: FolderComparison,
): Promise<void> {
  const m = skillBundle();
  const digests = (files: ReadonlyMap<string, Uint8Array>) =>
    new Map([...files].map(([file, bytes]) => [file, m.sha256Hex(bytes)]));
  await targets.record(
    folder,
    m.makeRecord(skillId, versionId, 'compared', digests(result.published), result.files, digests(result.local)),
  );
}

/** Says the two are the same, or opens the diff of what differs. */
export async function showComparison(
  folder: vscode.Uri,
  skill: Skill,
  version: SkillVersion,
  { comparison }: FolderComparison,
): Promise<void> {
  const what = describeSkill(skill, version, vscode.env.language);
  const name = path.basename(folder.fsPath);
  const { added, removed, changed, unchanged } = comparison;
  if (added.length + removed.length + changed.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} holds the same {1} files as {2}.', name, unchanged.length, what),
    );
    return;
  }
  const counts = vscode.l10n.t('{0} added, {1} removed, {2} changed', added.length, removed.length, changed.length);
  const publishedUri = (file: string) => versionFileUri(skill.id, version.id, file);
  const localUri = (file: string) => vscode.Uri.joinPath(folder, ...file.split('/'));
  // [label, published side, local side]; a side where the file does not exist is an empty file.
  const resources = [
    ...changed.map((file) => [localUri(file), publishedUri(file), localUri(file)]),
    ...added.map((file) => [localUri(file), emptyFileUri(file), localUri(file)]),
    ...removed.map((file) => [publishedUri(file), publishedUri(file), emptyFileUri(file)]),
  ];
  await vscode.commands.executeCommand(
    'vscode.changes',
    `${versionLabel(version, true, vscode.env.language)} ↔ ${name} (${counts})`,
    resources,
  );
}
