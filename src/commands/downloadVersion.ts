import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeSkill } from '../tree/present';
import { loadVersionFiles, requireVersionNode, type VersionFilesDeps } from './support/versionNode';
import { firstLines, plural } from '../shared/words';
import { uriExists } from './support/uriExists';
import { chooseFilesToWrite, targetOf, writeFiles, type HiddenFiles } from './support/versionFilesWrite';

/** For automation and tests, after the arguments VS Code passes. */
export interface DownloadOptions {
  /** The folder, instead of asking. */
  folder?: vscode.Uri;
  /** What to do with hidden files (`.vscode/`, `.env`…), instead of asking. */
  hiddenFiles?: HiddenFiles;
}

const DOWNLOAD_BUTTONS = { go: vscode.l10n.t('Download'), include: vscode.l10n.t('Download Them Too') };

/**
 * Download Version to Folder…: the version's files written into a folder the user picks, after asking
 * before any file there is overwritten. Returns the paths written.
 */
export function downloadVersion(deps: VersionFilesDeps) {
  return async (arg?: unknown, _selected?: unknown, options: DownloadOptions = {}): Promise<string[] | undefined> => {
    const node = requireVersionNode(arg, vscode.l10n.t('Download Version to Folder…'));
    const what = describeSkill(node.skill, node.version, vscode.env.language);
    const folder =
      options.folder ??
      (
        await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          openLabel: vscode.l10n.t('Download Here'),
          title: vscode.l10n.t('Download {0} into…', what),
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        })
      )?.[0];
    if (!folder) return undefined;
    const chosen = await chooseFilesToWrite(
      await loadVersionFiles(deps, node),
      what,
      DOWNLOAD_BUTTONS,
      options.hiddenFiles,
    );
    if (!chosen) return undefined;
    const { files, leftOut, hadGit } = chosen;
    const present = (
      await Promise.all(
        [...files.keys()].map(async (file) => ((await uriExists(targetOf(folder, file))) ? file : undefined)),
      )
    ).filter((file): file is string => file !== undefined);
    if (present.length > 0) {
      const listed = firstLines(present);
      const overwriteLabel = vscode.l10n.t('Overwrite');
      const overwrite = await vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} of the files of {1} already exist in {2}. Overwrite them?',
          present.length,
          what,
          path.basename(folder.fsPath),
        ),
        { modal: true, detail: listed.join('\n') },
        overwriteLabel,
      );
      if (overwrite !== overwriteLabel) return undefined;
    }
    await writeFiles(folder, files);
    const openSkillMd = vscode.l10n.t('Open SKILL.md');
    const gitNote = hadGit ? vscode.l10n.t(' Its .git entries are never written.') : '';
    void vscode.window
      .showInformationMessage(
        `Downloaded ${what} into ${vscode.workspace.asRelativePath(folder, true)}: ${plural(files.size, 'file')}${leftOut > 0 ? `, ${leftOut} left out` : ''}.${gitNote}`,
        ...(files.has('SKILL.md') ? [openSkillMd] : []),
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(targetOf(folder, 'SKILL.md'));
      });
    return [...files.keys()];
  };
}
