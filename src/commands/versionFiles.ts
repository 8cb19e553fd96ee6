// The version a node stands for and its files, downloaded once (with a progress while they come).
import * as vscode from 'vscode';
import type { SkillVersion, Skill } from '../api/types';
import type { VersionFiles } from '../skill/versionFiles';
import type { VersionNode } from '../tree/nodes';
import { skillTitle, versionLabel } from '../tree/present';
import type { VersionFileSystem } from '../workspace/versionFileSystem';

export interface VersionFilesDeps {
  versionFiles: Pick<VersionFileSystem, 'load'>;
}

/** These commands act on a version in the Skills view; the palette does not offer them. */
export function requireVersionNode(node: unknown, command: string): VersionNode {
  if ((node as VersionNode | undefined)?.kind !== 'version')
    throw new Error(`${command} works on a version: right-click one in the Skills view.`);
  return node as VersionNode;
}

/** ""Release Notes Writer" as of Oct 3, 2026, 2:22:05 PM" */
export function describeVersion(skill: Skill, version: SkillVersion): string {
  return `"${skillTitle(skill)}" as of ${versionLabel(version, true, vscode.env.language)}`;
}

export function loadVersionFiles(deps: VersionFilesDeps, node: VersionNode): Thenable<VersionFiles> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Downloading ${describeVersion(node.skill, node.version)}` },
    () => deps.versionFiles.load(node.skill.id, node.version.id),
  );
}
