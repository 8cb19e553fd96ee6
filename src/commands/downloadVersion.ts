import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeSkill } from '../tree/present';
import { loadVersionFiles, requireVersionNode, type VersionFilesDeps } from './support/versionNode';
import { firstLines, plural } from '../shared/words';
import { uriExists } from './support/uriExists';

/** For automation and tests, after the arguments VS Code passes. */
export interface DownloadOptions {
  /** The folder, instead of asking. */
  folder?: vscode.Uri;
  /** What to do with hidden files (`.vscode/`, `.env`…), instead of asking. */
  hiddenFiles?: 'include' | 'leaveOut';
}

/** A Git folder's entries are never written: they would rewrite a repository's history or hooks. */
const isGitEntry = (file: string) => file.split('/').includes('.git');
/** Hidden files act when a folder is opened (`.vscode/tasks.json`, `.envrc`): written only when the user says. */
const isHidden = (file: string) => file.split('/').some((segment) => segment.startsWith('.'));

/**
 * Whether to write the version's hidden files, asked with a list of them (and of the .git entries, which
 * are never written); undefined when the user cancels.
 */
async function includeHidden(
  hidden: readonly string[],
  git: readonly string[],
  what: string,
): Promise<boolean | undefined> {
  if (hidden.length === 0 && git.length === 0) return false;
  const listed = firstLines(hidden);
  const gitLine = git.length > 0 ? [`Its .git entries (${git.length}) are never written.`] : [];
  const detail = [...listed, ...(listed.length > 0 && gitLine.length > 0 ? [''] : []), ...gitLine].join('\n');
  if (hidden.length === 0) {
    const download = 'Download';
    const choice = await vscode.window.showWarningMessage(
      `${what} holds a .git folder.`,
      { modal: true, detail },
      download,
    );
    return choice === undefined ? undefined : false;
  }
  const include = 'Download Them Too';
  const leaveOut = 'Leave Them Out';
  const choice = await vscode.window.showWarningMessage(
    `${what} holds hidden files, which editors and tools may act on when the folder is opened.`,
    { modal: true, detail },
    include,
    leaveOut,
  );
  return choice === undefined ? undefined : choice === include;
}

/**
 * Download Version to Folder…: the version's files written into a folder the user picks, after asking
 * before any file there is overwritten. Returns the paths written.
 */
export function downloadVersion(deps: VersionFilesDeps) {
  return async (arg?: unknown, _selected?: unknown, options: DownloadOptions = {}): Promise<string[] | undefined> => {
    const node = requireVersionNode(arg, 'Download Version to Folder…');
    const what = describeSkill(node.skill, node.version, vscode.env.language);
    const folder =
      options.folder ??
      (
        await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          openLabel: 'Download Here',
          title: `Download ${what} into…`,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        })
      )?.[0];
    if (!folder) return undefined;
    const all = await loadVersionFiles(deps, node);
    const gitEntries = [...all.keys()].filter(isGitEntry);
    const hidden = [...all.keys()].filter((file) => !isGitEntry(file) && isHidden(file));
    const withHidden =
      options.hiddenFiles === undefined
        ? await includeHidden(hidden, gitEntries, what)
        : options.hiddenFiles === 'include';
    if (withHidden === undefined) return undefined;
    const files = new Map([...all].filter(([file]) => !isGitEntry(file) && (withHidden || !isHidden(file))));
    const target = (file: string) => vscode.Uri.joinPath(folder, ...file.split('/'));
    const present = (
      await Promise.all([...files.keys()].map(async (file) => ((await uriExists(target(file))) ? file : undefined)))
    ).filter((file): file is string => file !== undefined);
    if (present.length > 0) {
      const listed = firstLines(present);
      const overwrite = await vscode.window.showWarningMessage(
        `${present.length} of the files of ${what} already exist in ${path.basename(folder.fsPath)}. Overwrite them?`,
        { modal: true, detail: listed.join('\n') },
        'Overwrite',
      );
      if (overwrite !== 'Overwrite') return undefined;
    }
    for (const [file, data] of files) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target(file), '..'));
      await vscode.workspace.fs.writeFile(target(file), data);
    }
    const openSkillMd = 'Open SKILL.md';
    const leftOut = all.size - files.size;
    const gitNote = gitEntries.length > 0 ? ' Its .git entries are never written.' : '';
    void vscode.window
      .showInformationMessage(
        `Downloaded ${what} into ${vscode.workspace.asRelativePath(folder, true)}: ${plural(files.size, 'file')}${leftOut > 0 ? `, ${leftOut} left out` : ''}.${gitNote}`,
        ...(files.has('SKILL.md') ? [openSkillMd] : []),
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(target('SKILL.md'));
      });
    return [...files.keys()];
  };
}
