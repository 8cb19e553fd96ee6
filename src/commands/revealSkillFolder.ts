import * as vscode from 'vscode';
import type { WorkspaceSkillNode } from '../tree/workspaceSkillsProvider';

/** Reveal in Explorer, from a Workspace Skills row: the folder, selected in the Explorer. */
export function revealSkillFolder() {
  return (node: WorkspaceSkillNode) => vscode.commands.executeCommand('revealInExplorer', node.folder);
}
