// The version a node stands for and its files, downloaded once (with a progress while they come).
import * as vscode from 'vscode';
import type { VersionFiles } from '../../skill/versionArchive';
import type { VersionNode } from '../../tree/nodes';
import { describeSkill } from '../../tree/present';
import type { VersionFileSystem } from '../../documents/versionFileSystem';

export interface VersionFilesDeps {
  versionFiles: Pick<VersionFileSystem, 'load'>;
}

/** These commands act on a version in the Skills view; the palette does not offer them. */
export function requireVersionNode(node: unknown, command: string): VersionNode {
  if ((node as VersionNode | undefined)?.kind !== 'version')
    throw new Error(vscode.l10n.t('{0} works on a version: right-click one in the Skills view.', command));
  return node as VersionNode;
}

export function loadVersionFiles(
  deps: VersionFilesDeps,
  node: Pick<VersionNode, 'skill' | 'version'>,
): Thenable<VersionFiles> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Window,
      title: vscode.l10n.t('Downloading {0}', describeSkill(node.skill, node.version, vscode.env.language)),
    },
    () => deps.versionFiles.load(node.skill.id, node.version.id),
  );
}
