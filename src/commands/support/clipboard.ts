import * as vscode from 'vscode';

/** Copies, then confirms in the status bar: a pop-up for every copy would be noise. */
export async function copyToClipboard(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', what), 5000);
}
