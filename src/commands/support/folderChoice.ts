// Which skill folder a command works on, and that folder checked the way a publish sees it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { plural } from '../../shared/words';
import { excludePatterns } from '../../config';
import type { PublishableSkillFolder } from '../../skill/skillFolder';
import { skillBundle } from '../../skillBundle';
import type { SkillDiagnostics } from '../../workspace/skillDiagnostics';
import { isSkillMd } from '../../workspace/skillDiagnostics';
import { folderOf, type SkillFolderWatcher } from '../../workspace/skillFolderWatcher';
import type { WorkspaceSkillNode } from '../../tree/workspaceSkillsProvider';
import { showWithProblems } from './messages';

/**
 * The folder a command was run on: the Explorer's folder, the folder of a SKILL.md (Explorer or editor), a
 * Workspace Skills row,
 * else one picked among the workspace's skill folders (`preferred` first), or the only one.
 */
export async function chooseSkillFolder(
  arg: unknown,
  folders: Pick<SkillFolderWatcher, 'all'>,
  placeHolder: string,
  options: { preferred?: readonly string[]; alwaysAsk?: boolean } = {},
): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return isSkillMd(arg) ? folderOf(arg) : arg;
  if ((arg as WorkspaceSkillNode | undefined)?.kind === 'workspaceSkill') return (arg as WorkspaceSkillNode).folder;
  const all = await folders.all();
  if (all.length === 0) {
    throw new Error(
      vscode.l10n.t(
        'This workspace has no skill folder, that is a folder holding a SKILL.md. Open the folder of your skill, or add a SKILL.md to one.',
      ),
    );
  }
  if (all.length === 1 && !options.alwaysAsk) return all[0];
  const preferred = new Set(options.preferred ?? []);
  const items = all
    .map((uri) => ({
      label: path.basename(uri.fsPath),
      description: vscode.workspace.asRelativePath(uri, true),
      detail: preferred.has(uri.toString()) ? vscode.l10n.t('Published to this skill before') : undefined,
      uri,
    }))
    .sort((a, b) => Number(preferred.has(b.uri.toString())) - Number(preferred.has(a.uri.toString())));
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.uri;
}

/** Saves, or after asking leaves, the unsaved editors of files in `folder`. Undefined when the user cancels. */
async function settleUnsavedEditors(folder: vscode.Uri): Promise<boolean> {
  const prefix = folder.fsPath.endsWith(path.sep) ? folder.fsPath : folder.fsPath + path.sep;
  const dirty = vscode.workspace.textDocuments.filter(
    (d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath.startsWith(prefix),
  );
  if (dirty.length === 0) return true;
  const save = vscode.l10n.t('Save All and Continue');
  const choice = await vscode.window.showWarningMessage(
    dirty.length === 1
      ? vscode.l10n.t('A file in {0} has unsaved changes.', path.basename(folder.fsPath))
      : vscode.l10n.t('{0} in {1} have unsaved changes.', plural(dirty.length, 'file'), path.basename(folder.fsPath)),
    { modal: true, detail: dirty.map((d) => vscode.workspace.asRelativePath(d.uri)).join('\n') },
    save,
    vscode.l10n.t('Continue Without Them'),
  );
  if (choice === undefined) return false;
  if (choice === save) await Promise.all(dirty.map((d) => d.save()));
  return true;
}

/**
 * The folder checked as a publish sees it (unsaved editors settled first); its problems go to the
 * Problems panel. Undefined, after saying why, when it cannot be published.
 */
export async function checkedSkillFolder(
  folder: vscode.Uri,
  diagnostics: Pick<SkillDiagnostics, 'show'>,
  doing: string,
): Promise<PublishableSkillFolder | undefined> {
  if (!(await settleUnsavedEditors(folder))) return undefined;
  const { inspectSkillFolder, formatProblem } = skillBundle();
  const skill = await inspectSkillFolder(folder.fsPath, { exclude: excludePatterns() });
  diagnostics.show(folder, skill.problems);
  const errors = skill.problems.filter((p) => p.severity === 'error');
  // Without errors the frontmatter's name is valid, so it is known.
  if (errors.length === 0) return { ...skill, name: skill.name! };
  const more = errors.length > 1 ? vscode.l10n.t(' (and {0} more: see the Problems panel)', errors.length - 1) : '';
  showWithProblems(`Cannot ${doing} ${path.basename(folder.fsPath)}: ${formatProblem(errors[0])}${more}`);
  return undefined;
}
