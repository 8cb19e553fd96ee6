import * as vscode from 'vscode';
import { versionFileUri } from '../documents/versionFileSystem';
import { describeSkill } from '../tree/present';
import { loadVersionFiles, requireVersionNode, type VersionFilesDeps } from './support/versionNode';

const SKILL_MD = 'SKILL.md';

/** Open Version Files: SKILL.md first, read-only; the other files a click away. Returns the file paths. */
export function openVersion(deps: VersionFilesDeps) {
  return async (arg?: unknown): Promise<string[]> => {
    const node = requireVersionNode(arg, 'Open Version Files');
    const files = await loadVersionFiles(deps, node);
    const paths = [...files.keys()];
    const first = files.has(SKILL_MD) ? SKILL_MD : paths[0];
    if (first === undefined)
      throw new Error(`${describeSkill(node.skill, node.version, vscode.env.language)} holds no files.`);
    const uriOf = (path: string) => versionFileUri(node.skill.id, node.version.id, path);
    await vscode.window.showTextDocument(uriOf(first), { preview: false });
    const others = paths.filter((p) => p !== first);
    if (others.length > 0) {
      const openOthers = 'Open Other Files…';
      void vscode.window
        .showInformationMessage(
          `Opened ${describeSkill(node.skill, node.version, vscode.env.language)}, read-only: ${first} and ${others.length} more.`,
          openOthers,
        )
        .then(async (choice) => {
          if (!choice) return;
          const picked = await vscode.window.showQuickPick(others, {
            canPickMany: true,
            title: `Open files of ${describeSkill(node.skill, node.version, vscode.env.language)}`,
          });
          for (const path of picked ?? []) await vscode.window.showTextDocument(uriOf(path), { preview: false });
        });
    }
    return paths;
  };
}
