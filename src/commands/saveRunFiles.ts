// Save Run Files…: writes the files a try produced (those fetched) into a folder the user picks, asking
// before it overwrites any. Their names were made safe when they were fetched: one path segment each.
import * as vscode from 'vscode';
import { firstLines, formatList, plural } from '../shared/words';
import { RUN_SCHEME, type RunFileSystem } from '../documents/runFileSystem';
import { uriExists } from './support/uriExists';

/** For automation and tests, after the argument VS Code passes: the answers, instead of asking. */
export interface SaveRunFilesOptions {
  folder?: vscode.Uri;
  overwrite?: boolean;
}

const OVERWRITE = vscode.l10n.t('Overwrite');
const REVEAL = vscode.l10n.t('Reveal in Explorer');

export function saveRunFiles(deps: { runs: Pick<RunFileSystem, 'view'> }) {
  return async (arg?: vscode.Uri, options: SaveRunFilesOptions = {}): Promise<vscode.Uri[] | undefined> => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const view = uri?.scheme === RUN_SCHEME ? deps.runs.view(uri) : undefined;
    if (!view)
      throw new Error(vscode.l10n.t('Open the run document of a try (Try in Claude…) to save the files it produced.'));
    if (view.fetchingFiles)
      throw new Error(vscode.l10n.t("The run's files are still being fetched: save them when they are listed."));
    const files = (view.files ?? []).filter((f) => f.data);
    if (files.length === 0)
      throw new Error(vscode.l10n.t('The try of "{0}" produced no file that could be fetched.', view.title));

    const folder =
      options.folder ??
      (
        await vscode.window.showOpenDialog({
          title: vscode.l10n.t('Save {0} of the try of "{1}"', plural(files.length, 'file'), view.title),
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
          canSelectFiles: false,
          canSelectFolders: true,
          canSelectMany: false,
          openLabel: vscode.l10n.t('Save Here'),
        })
      )?.[0];
    if (!folder) return undefined;

    const targets = files.map((file) => ({ file, target: vscode.Uri.joinPath(folder, file.name) }));
    const taken = (
      await Promise.all(targets.map(async (t) => ((await uriExists(t.target)) ? t.file.name : undefined)))
    ).filter((name): name is string => name !== undefined);
    if (taken.length > 0 && !options.overwrite) {
      const shown = formatList(firstLines(taken, 5), 'unit');
      const where = folder.path.split('/').pop() ?? '';
      const choice = await vscode.window.showWarningMessage(
        taken.length === 1
          ? vscode.l10n.t('{0} already exists in {1}. Overwrite?', shown, where)
          : vscode.l10n.t('{0} already exist in {1}: {2}. Overwrite?', plural(taken.length, 'file'), where, shown),
        { modal: true },
        OVERWRITE,
      );
      if (choice !== OVERWRITE) return undefined;
    }
    for (const { file, target } of targets) await vscode.workspace.fs.writeFile(target, file.data!);
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Saved {0} of the try to {1}.', plural(files.length, 'file'), folder.path.split('/').pop() ?? ''),
        REVEAL,
      )
      .then((choice) => choice && vscode.commands.executeCommand('revealInExplorer', targets[0].target));
    return targets.map((t) => t.target);
  };
}
