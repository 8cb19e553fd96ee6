// The version a node stands for and its files, downloaded once (with a progress while they come).
import * as vscode from 'vscode';
import type { SkillVersion, Skill } from '../api/types';
import type { VersionFiles } from '../skill/versionFiles';
import type { VersionNode } from '../tree/nodes';
import { skillTitle } from '../tree/present';
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

/** "version 1759… of "Release Notes Writer"" */
export function describeVersion(skill: Skill, version: SkillVersion): string {
  return `version ${version.version} of "${skillTitle(skill)}"`;
}

export function loadVersionFiles(deps: VersionFilesDeps, node: VersionNode): Thenable<VersionFiles> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Downloading ${describeVersion(node.skill, node.version)}` },
    () => deps.versionFiles.load(node.skill.id, node.version.version),
  );
}
