import * as vscode from 'vscode';
import type { SkillNode, VersionNode } from '../tree/nodes';
import { messagesApiSnippet, skillTitle, versionLabel } from '../tree/present';

/** Copies, then confirms in the status bar: a pop-up for every copy would be noise. */
async function copy(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) Copied ${what}`, 5000);
}

function describeNode(node: SkillNode | VersionNode): string {
  const title = skillTitle(node.skill);
  return node.kind === 'skill' ? title : `${title} as of ${versionLabel(node.version, true, vscode.env.language)}`;
}

/** The skill's id, or the version's `skver_…` id: what API calls and the Messages API take. */
export function copyId() {
  return (node: SkillNode | VersionNode) =>
    copy(node.kind === 'skill' ? node.skill.id : node.version.id, `the ID of ${describeNode(node)}`);
}

/** The `container.skills` entry: the latest version from a skill node, that version from a version node. */
export function copyMessagesSnippet() {
  return (node: SkillNode | VersionNode) =>
    copy(
      messagesApiSnippet(node.skill, node.kind === 'version' ? node.version : undefined),
      `the Messages API entry for ${describeNode(node)}`,
    );
}
