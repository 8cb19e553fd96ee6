// Writing a published version's files to disk, for Download Version to Folder… and Install in Claude Code…:
// a Git folder's entries never, hidden files only when the user says, the folders made as needed.
import * as vscode from 'vscode';
import type { VersionFiles } from '../../skill/versionArchive';
import { firstLines } from '../../shared/words';

/** A Git folder's entries are never written: they would rewrite a repository's history or hooks. */
const isGitEntry = (file: string) => file.split('/').includes('.git');
/** Hidden files act when a folder is opened (`.vscode/tasks.json`, `.envrc`): written only when the user says. */
const isHidden = (file: string) => file.split('/').some((segment) => segment.startsWith('.'));

export type HiddenFiles = 'include' | 'leaveOut';

/** The modal's buttons in the command's words: "Download" and "Download Them Too". */
export interface WriteButtons {
  go: string;
  include: string;
}

/**
 * Whether to write the version's hidden files, asked with a list of them (and of the .git entries, which
 * are never written); undefined when the user cancels. `buttons` name the command's act: Download, Install.
 */
async function includeHidden(
  hidden: readonly string[],
  git: readonly string[],
  what: string,
  buttons: WriteButtons,
): Promise<boolean | undefined> {
  if (hidden.length === 0 && git.length === 0) return false;
  const listed = firstLines(hidden);
  const gitLine = git.length > 0 ? [vscode.l10n.t('Its .git entries ({0}) are never written.', git.length)] : [];
  const detail = [...listed, ...(listed.length > 0 && gitLine.length > 0 ? [''] : []), ...gitLine].join('\n');
  if (hidden.length === 0) {
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} holds a .git folder.', what),
      { modal: true, detail },
      buttons.go,
    );
    return choice === undefined ? undefined : false;
  }
  const include = buttons.include;
  const leaveOut = vscode.l10n.t('Leave Them Out');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} holds hidden files, which editors and tools may act on when the folder is opened.', what),
    { modal: true, detail },
    include,
    leaveOut,
  );
  return choice === undefined ? undefined : choice === include;
}

export interface FilesToWrite {
  files: VersionFiles;
  /** How many of the version's files are not written (its .git entries, hidden files left out). */
  leftOut: number;
  /** Whether the version held .git entries. */
  hadGit: boolean;
}

/** The files of `all` to write, after asking about hidden files unless `hiddenFiles` says; undefined: cancelled. */
export async function chooseFilesToWrite(
  all: VersionFiles,
  what: string,
  buttons: WriteButtons,
  hiddenFiles?: HiddenFiles,
): Promise<FilesToWrite | undefined> {
  const gitEntries = [...all.keys()].filter(isGitEntry);
  const hidden = [...all.keys()].filter((file) => !isGitEntry(file) && isHidden(file));
  const withHidden =
    hiddenFiles === undefined ? await includeHidden(hidden, gitEntries, what, buttons) : hiddenFiles === 'include';
  if (withHidden === undefined) return undefined;
  const files = new Map([...all].filter(([file]) => !isGitEntry(file) && (withHidden || !isHidden(file))));
  return { files, leftOut: all.size - files.size, hadGit: gitEntries.length > 0 };
}

/** Where a version's relative path goes under `folder`. */
export const targetOf = (folder: vscode.Uri, file: string) => vscode.Uri.joinPath(folder, ...file.split('/'));

/** Writes each file under `folder`, making the folders it needs. */
export async function writeFiles(folder: vscode.Uri, files: VersionFiles): Promise<void> {
  for (const [file, data] of files) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(targetOf(folder, file), '..'));
    await vscode.workspace.fs.writeFile(targetOf(folder, file), data);
  }
}
