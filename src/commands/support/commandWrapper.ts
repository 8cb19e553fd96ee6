import * as vscode from 'vscode';
import type { CommandId } from '../../constants';
import type { Log } from '../../log';
import { guardCommand } from '../plans/commandFailure';
import { showWithLog } from './messages';

/**
 * Registers a command behind the one wrapper every command shares: a cancel is quiet; an error is logged
 * with its request id and shown once, with Show Log.
 */
export function registerCommand(id: CommandId, handler: (...args: never[]) => unknown, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand(
    id,
    guardCommand(id, handler, { log, showError: (message) => showWithLog(log, 'error', message) }),
  );
}
