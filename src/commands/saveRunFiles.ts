// Save Run Files…: writes the files a try produced (those fetched) into a folder the user picks, asking
// before it overwrites any. Their names were made safe when they were fetched: one path segment each.
import * as vscode from 'vscode';
import { plural } from '../shared/words';
import { RUN_SCHEME, type RunFileSystem } from '../documents/runFileSystem';
import { uriExists } from './support/uriExists';

/** For automation and tests, after the argument VS Code passes: the answers, instead of asking. */
export interface SaveRunFilesOptions {
  folder?: vscode.Uri;
  overwrite?: boolean;
}

const OVERWRITE = 'Overwrite';
const REVEAL = 'Reveal in Explorer';

export function saveRunFiles(deps: { runs: Pick<RunFileSystem, 'view'> }) {
  return async (arg?: vscode.Uri, options: SaveRunFilesOptions = {}): Promise<vscode.Uri[] | undefined> => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const view = uri?.scheme === RUN_SCHEME ? deps.runs.view(uri) : undefined;
    if (!view) throw new Error('Open the run document of a try (Try in Claude…) to save the files it produced.');
    if (view.fetchingFiles) throw new Error("The run's files are still being fetched: save them when they are listed.");
    const files = (view.files ?? []).filter((f) => f.data);
    if (files.length === 0) throw new Error(`The try of "${view.title}" produced no file that could be fetched.`);

    const folder =
      options.folder ??
      (
        await vscode.window.showOpenDialog({
          title: `Save ${plural(files.length, 'file')} of the try of "${view.title}"`,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
          canSelectFiles: false,
          canSelectFolders: true,
          canSelectMany: false,
          openLabel: 'Save Here',
        })
      )?.[0];
    if (!folder) return undefined;

    const targets = files.map((file) => ({ file, target: vscode.Uri.joinPath(folder, file.name) }));
    const taken = (
      await Promise.all(targets.map(async (t) => ((await uriExists(t.target)) ? t.file.name : undefined)))
    ).filter((name): name is string => name !== undefined);
    if (taken.length > 0 && !options.overwrite) {
      const shown = taken.slice(0, 5).join(', ') + (taken.length > 5 ? `, and ${taken.length - 5} more` : '');
      const choice = await vscode.window.showWarningMessage(
        `${plural(taken.length, 'file')} already exist${taken.length === 1 ? 's' : ''} in ${folder.path.split('/').pop()}: ${shown}. Overwrite?`,
        { modal: true },
        OVERWRITE,
      );
      if (choice !== OVERWRITE) return undefined;
    }
    for (const { file, target } of targets) await vscode.workspace.fs.writeFile(target, file.data!);
    void vscode.window
      .showInformationMessage(
        `Saved ${plural(files.length, 'file')} of the try to ${folder.path.split('/').pop()}.`,
        REVEAL,
      )
      .then((choice) => choice && vscode.commands.executeCommand('revealInExplorer', targets[0].target));
    return targets.map((t) => t.target);
  };
}
