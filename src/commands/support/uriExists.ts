import * as vscode from 'vscode';

/** Whether anything is at `uri`, through VS Code's file system (so any scheme it serves). */
export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
