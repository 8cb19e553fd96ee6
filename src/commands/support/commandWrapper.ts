import * as vscode from 'vscode';
import { SkillsApiError, describeError } from '../../api/errors';
import type { Log } from '../../log';
import type { CommandId } from '../../constants';
import { showWithLog } from './messages';

function isCancellation(err: unknown): boolean {
  return (err instanceof SkillsApiError && err.kind === 'cancelled') || err instanceof vscode.CancellationError;
}

/**
 * Registers a command behind the one wrapper every command shares: a cancel is quiet; an error is logged
 * with its request id and shown once, with Show Log.
 */
export function registerCommand(id: CommandId, handler: (...args: never[]) => unknown, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: never[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isCancellation(err)) return undefined;
      const message = describeError(err);
      log.error(`${id}: ${message}`);
      showWithLog(log, 'error', message);
      return undefined;
    }
  });
}
