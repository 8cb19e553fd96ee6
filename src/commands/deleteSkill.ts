// Delete Skill…: the API deletes a skill only once it has no versions, so every version goes first, a few
// at a time, behind a modal that says how many (and, past 10, the skill's title typed to confirm).
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/client';
import {
  DELETES_IN_FLIGHT,
  deleteSkillAndVersions,
  listAllVersions,
  summarizeVersionDeletes,
  type SkillDeleteClient,
  type SkillDeletes,
} from '../api/deleteCascade';
import { describeError } from '../api/errors';
import type { Skill, SkillVersion } from '../api/types';
import type { SkillNode } from '../tree/nodes';
import { plural, skillTitle } from '../tree/present';
import type { SkillsTreeProvider } from '../tree/skillsTreeProvider';
import { withCancellableProgress } from './cancellation';
import { pickCustomSkill, requireWritable } from './skillChoice';

export interface DeleteDeps {
  client: SkillDeleteClient & Pick<SkillsClient, 'skillPages' | 'versionPages'>;
  tree: Pick<SkillsTreeProvider, 'removeVersions' | 'removeSkill' | 'refreshSkill'>;
  log: Pick<vscode.LogOutputChannel, 'warn' | 'show'>;
}

/** For automation and tests, after the arguments VS Code passes: a token that cancels like the progress's Cancel. */
export interface DeleteOptions {
  cancellation?: vscode.CancellationToken;
}

/** Past this many versions, the modal is not enough: the user types the skill's title. */
const TYPE_TITLE_ABOVE = 10;

async function confirmSkillDelete(skill: Skill, versions: readonly SkillVersion[]): Promise<boolean> {
  const title = skillTitle(skill);
  const typeTitle = versions.length > TYPE_TITLE_ABOVE;
  const detail = [
    versions.length === 0
      ? 'It has no versions.'
      : `The API deletes a skill only once it has no versions, so its ${plural(versions.length, 'version')} go first, ${DELETES_IN_FLIGHT} at a time.`,
    'This cannot be undone.',
    ...(typeTitle ? ["Next, you type the skill's title to confirm."] : []),
  ].join(' ');
  const message =
    versions.length === 0 ? `Delete "${title}"?` : `Delete "${title}" and its ${plural(versions.length, 'version')}?`;
  const confirmed = await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Delete');
  if (confirmed !== 'Delete') return false;
  if (!typeTitle) return true;
  const typed = await vscode.window.showInputBox({
    title: `Delete "${title}" and its ${plural(versions.length, 'version')}`,
    prompt: `Type ${title} to confirm`,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value === title ? undefined : `Type "${title}" exactly, or press Escape to keep the skill.`,
  });
  return typed === title;
}

/** Deletes a skill that has no versions left (the modal that offered it was the confirmation). */
export async function deleteEmptySkill(deps: DeleteDeps, skill: Skill): Promise<void> {
  await deps.client.deleteSkill(skill.id);
  deps.tree.removeSkill(skill.id);
  void vscode.window.showInformationMessage(`Deleted "${skillTitle(skill)}".`);
}

/** Why the skill is still there, and what became of every version. */
function notDeletedMessage(title: string, result: SkillDeletes): string {
  if (result.skillError && !result.cancelled) {
    return `All the versions of "${title}" were deleted, but the skill was not: ${describeError(result.skillError)}`;
  }
  const why = result.cancelled ? 'Cancelled' : 'A version could not be deleted';
  return `${why}: "${title}" was kept; ${summarizeVersionDeletes(result)}.`;
}

export function deleteSkill(deps: DeleteDeps) {
  return async (
    node?: SkillNode,
    _selected?: unknown,
    options: DeleteOptions = {},
  ): Promise<SkillDeletes | undefined> => {
    const skill = node?.kind === 'skill' ? node.skill : await pickCustomSkill(deps.client, 'Delete Skill…');
    if (!skill) return undefined;
    requireWritable(skill, 'only your own skills can be deleted.');
    const title = skillTitle(skill);
    const versions = await withCancellableProgress(
      `Counting the versions of "${title}"…`,
      options.cancellation,
      (_progress, signal) => listAllVersions(deps.client, skill.id, signal),
    );
    if (!(await confirmSkillDelete(skill, versions))) return undefined;

    const result = await withCancellableProgress(`Deleting "${title}"`, options.cancellation, (progress, signal) =>
      deleteSkillAndVersions(
        deps.client,
        skill.id,
        versions.map((v) => v.version),
        {
          signal,
          onSettled: (settled, total) =>
            progress.report({ increment: 100 / (total + 1), message: `${settled} of ${plural(total, 'version')}` }),
        },
      ),
    );
    for (const failure of result.failed)
      deps.log.warn(`Deleting version ${failure.version} of ${skill.id}: ${describeError(failure.error)}`);
    if (result.skillDeleted) {
      deps.tree.removeSkill(skill.id);
      void vscode.window.showInformationMessage(
        versions.length === 0
          ? `Deleted "${title}".`
          : `Deleted "${title}" and its ${plural(versions.length, 'version')}.`,
      );
    } else {
      await deps.tree.refreshSkill(skill.id);
      void vscode.window
        .showWarningMessage(notDeletedMessage(title, result), 'Show Log')
        .then((choice) => choice && deps.log.show());
    }
    return result;
  };
}
