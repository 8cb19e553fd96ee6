// What uploads the workspace's files (a publish, an eval run's draft and inputs) waits in Restricted Mode
// until the user trusts the workspace; browsing goes on meanwhile.
import * as vscode from 'vscode';
import { WorkbenchCommands } from '../constants';

/** Each waiting action's warning, a whole sentence for translators. */
const WAITS = {
  publish: () =>
    vscode.l10n.t(
      'Publishing uploads files from this workspace, so it waits until you trust the workspace. Browsing your skills works meanwhile.',
    ),
  evals: () =>
    vscode.l10n.t(
      'Running Skill Evals uploads files from this workspace, so it waits until you trust the workspace. Browsing your skills works meanwhile.',
    ),
};

/** True in a trusted workspace; else a warning offering to manage trust, and false. */
export function requireTrust(action: keyof typeof WAITS): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(WAITS[action](), manage)
    .then((choice) => choice && vscode.commands.executeCommand(WorkbenchCommands.manageTrust));
  return false;
}
