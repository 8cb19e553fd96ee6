import * as vscode from 'vscode';
import type { UnwatchedLoad } from './pageLoader';

/** How long a tree load runs before it shows a notification: a moment, so a quick page never flashes one. */
export const SLOW_LOAD_MS = 1500;

/**
 * A tree row's load that takes more than a moment (a slow server, one that drips its answer) shows a
 * notification with Cancel: the view's own progress bar offers none. A cancelled load leaves the row's
 * error, with Retry.
 */
export function noticeWhenSlow(title: () => string, delayMs = SLOW_LOAD_MS): UnwatchedLoad {
  return (load, cancel) => {
    const timer = setTimeout(() => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: title(), cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(cancel);
          return load;
        },
      );
    }, delayMs);
    void load.finally(() => clearTimeout(timer));
  };
}
