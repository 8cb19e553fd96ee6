// Create Evals File: writes skill-creator's `evals/evals.json` and `evals/trigger-eval.json` templates into a
// skill folder (each only when missing: an author's evals are never overwritten), then opens evals.json.
import * as vscode from 'vscode';
import { skillBundle } from '../skillBundle';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import type { WorkspaceSkills } from '../workspace/workspaceSkills';
import { uriExists } from './support/uriExists';
import { chooseSkillFolder } from './support/folderChoice';

export interface CreateEvalsDeps {
  folders: Pick<SkillFolderWatcher, 'all'>;
  workspaceSkills: Pick<WorkspaceSkills, 'row'>;
}

export function createEvals(deps: CreateEvalsDeps) {
  return async (arg?: unknown): Promise<vscode.Uri[] | undefined> => {
    const folder = await chooseSkillFolder(arg, deps.folders, vscode.l10n.t('The skill folder to add evals to'));
    if (!folder) return undefined;
    const row = await deps.workspaceSkills.row(folder);
    const { qualityEvalsTemplate, triggerQueriesTemplate } = skillBundle();
    const files: [vscode.Uri, string][] = [
      [vscode.Uri.joinPath(folder, 'evals', 'evals.json'), qualityEvalsTemplate(row.frontmatterName ?? row.name)],
      [vscode.Uri.joinPath(folder, 'evals', 'trigger-eval.json'), triggerQueriesTemplate()],
    ];
    const written: vscode.Uri[] = [];
    for (const [uri, text] of files) {
      if (await uriExists(uri)) continue;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      written.push(uri);
    }
    await vscode.window.showTextDocument(files[0][0]);
    void vscode.window.showInformationMessage(
      written.length === 0
        ? vscode.l10n.t('{0} has its eval files already: nothing was overwritten.', row.name)
        : vscode.l10n.t(
            'Wrote {0}: replace the placeholders with real tasks and queries, then run them from the Testing view.',
            written.map((u) => vscode.workspace.asRelativePath(u, false)).join(' and '),
          ),
    );
    return written;
  };
}
