import * as path from 'node:path';
import * as vscode from 'vscode';
import { evalResultsFolder } from '../config';
import { skillBundle } from '../skillBundle';

/** Where a folder's eval iterations go: `claudeSkills.evalResultsFolder`/<folder's name>, else `<folder>-workspace` beside it. */
export function resultsFolderOf(folder: vscode.Uri): string {
  const set = evalResultsFolder();
  if (!set) return skillBundle().defaultResultsFolder(folder.fsPath);
  const base = vscode.workspace.getWorkspaceFolder(folder)?.uri.fsPath ?? path.dirname(folder.fsPath);
  return path.join(path.resolve(base, set), path.basename(folder.fsPath));
}
