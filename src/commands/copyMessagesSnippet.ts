import * as vscode from 'vscode';
import type { SkillNode, VersionNode } from '../tree/nodes';
import { describeSkill, messagesApiSnippet } from '../tree/present';
import { copyToClipboard } from './support/clipboard';

/** The `container.skills` entry: the latest version from a skill node, that version from a version node. */
export function copyMessagesSnippet() {
  return (node: SkillNode | VersionNode) =>
    copyToClipboard(
      messagesApiSnippet(node.skill, node.kind === 'version' ? node.version : undefined),
      `the Messages API entry for ${describeSkill(node.skill, node.kind === 'version' ? node.version : undefined, vscode.env.language)}`,
    );
}
