import type * as vscode from 'vscode';

/** An AbortSignal that aborts when the token is cancelled: the client and page loaders take signals. */
export function abortSignalFor(token: vscode.CancellationToken): AbortSignal {
  const abort = new AbortController();
  if (token.isCancellationRequested) abort.abort();
  else token.onCancellationRequested(() => abort.abort());
  return abort.signal;
}
