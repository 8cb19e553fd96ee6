// Messages that offer where to look next: the log (a failure's details and request ids), or the Problems
// panel (a folder's problems).
import * as vscode from 'vscode';
import { WorkbenchCommands } from '../../constants';
import type { Log } from '../../log';

export const SHOW_LOG = vscode.l10n.t('Show Log');
export const SHOW_PROBLEMS = 'Show Problems';

/** An error or a warning with Show Log; not awaited, so the command ends while it shows. */
export function showWithLog(log: Pick<Log, 'show'>, severity: 'error' | 'warning', message: string): void {
  const shown =
    severity === 'error'
      ? vscode.window.showErrorMessage(message, SHOW_LOG)
      : vscode.window.showWarningMessage(message, SHOW_LOG);
  void shown.then((choice) => choice && log.show());
}

/** An error with Show Problems, which opens the Problems panel. */
export function showWithProblems(message: string): void {
  void vscode.window
    .showErrorMessage(message, SHOW_PROBLEMS)
    .then((choice) => choice && vscode.commands.executeCommand(WorkbenchCommands.showProblems));
}
