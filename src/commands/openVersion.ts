import * as vscode from 'vscode';
import { versionFileUri } from '../documents/versionFileSystem';
import { describeSkill } from '../tree/present';
import { loadVersionFiles, requireVersionNode, type VersionFilesDeps } from './support/versionNode';

const SKILL_MD = 'SKILL.md';

/** Open Version Files: SKILL.md first, read-only; the other files a click away. Returns the file paths. */
export function openVersion(deps: VersionFilesDeps) {
  return async (arg?: unknown): Promise<string[]> => {
    const node = requireVersionNode(arg, vscode.l10n.t('Open Version Files'));
    const files = await loadVersionFiles(deps, node);
    const paths = [...files.keys()];
    const first = files.has(SKILL_MD) ? SKILL_MD : paths[0];
    if (first === undefined)
      throw new Error(
        vscode.l10n.t('{0} holds no files.', describeSkill(node.skill, node.version, vscode.env.language)),
      );
    const uriOf = (path: string) => versionFileUri(node.skill.id, node.version.id, path);
    await vscode.window.showTextDocument(uriOf(first), { preview: false });
    const others = paths.filter((p) => p !== first);
    if (others.length > 0) {
      const openOthers = vscode.l10n.t('Open Other Files…');
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t(
            'Opened {0}, read-only: {1} and {2} more.',
            describeSkill(node.skill, node.version, vscode.env.language),
            first,
            others.length,
          ),
          openOthers,
        )
        .then(async (choice) => {
          if (!choice) return;
          const picked = await vscode.window.showQuickPick(others, {
            canPickMany: true,
            title: vscode.l10n.t('Open files of {0}', describeSkill(node.skill, node.version, vscode.env.language)),
          });
          for (const path of picked ?? []) await vscode.window.showTextDocument(uriOf(path), { preview: false });
        });
    }
    return paths;
  };
}
