import * as vscode from 'vscode';
import type { WorkspaceSkillNode } from '../tree/workspaceSkillsProvider';

/** Open SKILL.md, from a Workspace Skills row (a click on the row does the same). */
export function openSkillMd() {
  return async (node: WorkspaceSkillNode) => {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(node.folder, 'SKILL.md'));
  };
}
