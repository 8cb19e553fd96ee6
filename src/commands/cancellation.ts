import type * as vscode from 'vscode';

/** An AbortSignal that aborts when any of the tokens is cancelled: the client and page loaders take signals. */
export function abortSignalFor(...tokens: (vscode.CancellationToken | undefined)[]): AbortSignal {
  const abort = new AbortController();
  for (const token of tokens) {
    if (token?.isCancellationRequested) abort.abort();
    else token?.onCancellationRequested(() => abort.abort());
  }
  return abort.signal;
}
