import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeVersion, loadVersionFiles, requireVersionNode, type VersionFilesDeps } from './versionFiles';

/** For automation and tests, after the arguments VS Code passes: the folder, instead of asking. */
export interface DownloadOptions {
  folder?: vscode.Uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Download Version to Folder…: the version's files written into a folder the user picks, after asking
 * before any file there is overwritten. Returns the paths written.
 */
export function downloadVersion(deps: VersionFilesDeps) {
  return async (arg?: unknown, _selected?: unknown, options: DownloadOptions = {}): Promise<string[] | undefined> => {
    const node = requireVersionNode(arg, 'Download Version to Folder…');
    const what = describeVersion(node.skill, node.version);
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
    const files = await loadVersionFiles(deps, node);
    const target = (file: string) => vscode.Uri.joinPath(folder, ...file.split('/'));
    const present = (
      await Promise.all([...files.keys()].map(async (file) => ((await exists(target(file))) ? file : undefined)))
    ).filter((file): file is string => file !== undefined);
    if (present.length > 0) {
      const listed = present.length > 10 ? [...present.slice(0, 10), `and ${present.length - 10} more`] : present;
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
    void vscode.window
      .showInformationMessage(
        `Downloaded ${what} into ${vscode.workspace.asRelativePath(folder, true)}: ${files.size} ${files.size === 1 ? 'file' : 'files'}.`,
        ...(files.has('SKILL.md') ? [openSkillMd] : []),
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(target('SKILL.md'));
      });
    return [...files.keys()];
  };
}
