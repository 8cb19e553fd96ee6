import * as vscode from 'vscode';
import type { SkillNode, VersionNode } from '../tree/nodes';
import { describeSkill } from '../tree/present';
import { copyToClipboard } from './support/clipboard';

/** The skill's id, or the version's `skver_…` id: what API calls and the Messages API take. */
export function copyId() {
  return (node: SkillNode | VersionNode) =>
    copyToClipboard(
      node.kind === 'skill' ? node.skill.id : node.version.id,
      `the ID of ${describeSkill(node.skill, node.kind === 'version' ? node.version : undefined, vscode.env.language)}`,
    );
}
