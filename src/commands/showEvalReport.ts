// Show Eval Report: the report of a folder's last eval run (report.md in its iteration), in the Markdown
// preview, which is read-only. The folder: the one asked for, the only one with evals, or one picked.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkbenchCommands } from '../constants';
import type { EvalRuns } from '../testing/evalRuns';
import type { EvalTests } from '../testing/evalTests';

export interface ShowEvalReportDeps {
  tests: Pick<EvalTests, 'discover' | 'allFolders'>;
  runs: Pick<EvalRuns, 'lastReport'>;
}

export function showEvalReport(deps: ShowEvalReportDeps) {
  return async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    await deps.tests.discover();
    let folders = deps.tests.allFolders().map((f) => f.folder);
    if (arg instanceof vscode.Uri)
      folders = folders.filter((f) => f.toString() === arg.toString() || arg.path.startsWith(`${f.path}/`));
    const withReports = (
      await Promise.all(folders.map(async (folder) => ({ folder, report: await deps.runs.lastReport(folder) })))
    ).filter((f): f is { folder: vscode.Uri; report: vscode.Uri } => f.report !== undefined);
    if (withReports.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'No eval report yet: run a skill folder’s evals from the Testing view, and its report shows here.',
        ),
      );
      return undefined;
    }
    const picked =
      withReports.length === 1
        ? withReports[0]
        : await vscode.window.showQuickPick(
            withReports.map((f) => ({
              label: path.basename(f.folder.fsPath),
              description: vscode.workspace.asRelativePath(f.report, true),
              ...f,
            })),
            { placeHolder: vscode.l10n.t('The skill folder whose last eval report to show') },
          );
    if (!picked) return undefined;
    await vscode.commands.executeCommand(WorkbenchCommands.markdownPreview, picked.report);
    return picked.report;
  };
}
