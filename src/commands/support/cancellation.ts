import * as vscode from 'vscode';

/** An AbortSignal that aborts when any of the tokens is cancelled: the client and page loaders take signals. */
export function abortSignalFor(...tokens: (vscode.CancellationToken | undefined)[]): AbortSignal {
  const abort = new AbortController();
  for (const token of tokens) {
    if (token?.isCancellationRequested) abort.abort();
    else token?.onCancellationRequested(() => abort.abort());
  }
  return abort.signal;
}

/** Runs `task` in a notification with Cancel; its signal aborts on that Cancel or on `cancellation`. */
export function withCancellableProgress<T>(
  title: string,
  cancellation: vscode.CancellationToken | undefined,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, signal: AbortSignal) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => task(progress, abortSignalFor(token, cancellation)),
  );
}
