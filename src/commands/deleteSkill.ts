// Delete Skill…: one DELETE removes the skill with all its versions, behind a modal that says how many go
// (counted with one request) and, past 10 versions, the skill's title typed to confirm.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import { countVersions, deleteSkill as deleteSkillRequest, type SkillDeleteClient } from '../operations/deletes';
import { describeError } from '../api/errors';
import type { Skill } from '../api/types';
import type { SkillNode } from '../tree/nodes';
import { skillTitle } from '../tree/present';
import type { SkillsModel } from '../tree/skillsModel';
import { withCancellableProgress } from './support/cancellation';
import { pickCustomSkill, requireWritable } from './support/skillChoice';
import { plural } from '../shared/words';
import { showWithLog } from './support/messages';

export interface DeleteDeps {
  client: SkillDeleteClient &
    Pick<
      SkillsClient,
      'skillPages' | 'versionPages' | 'listVersions' | 'deleteVersion' | 'getVersion' | 'onServerDelay'
    >;
  model: Pick<SkillsModel, 'removeVersions' | 'removeSkill' | 'refreshSkill'>;
  log: Pick<vscode.LogOutputChannel, 'warn' | 'show'>;
}

/** For automation and tests, after the arguments VS Code passes: a token that cancels like the progress's Cancel. */
export interface DeleteOptions {
  cancellation?: vscode.CancellationToken;
}

/** Past this many versions, the modal is not enough: the user types the skill's title. */
const TYPE_TITLE_ABOVE = 10;

/** "45 versions", "more than 1,000 versions". */
function versionCount({ count, more }: { count: number; more: boolean }): string {
  return more ? `more than ${plural(count, 'version')}` : plural(count, 'version');
}

async function confirmSkillDelete(skill: Skill, versions: { count: number; more: boolean }): Promise<boolean> {
  const title = skillTitle(skill);
  const typeTitle = versions.more || versions.count > TYPE_TITLE_ABOVE;
  const detail = [
    vscode.l10n.t('Its {0} go with it.', versionCount(versions)),
    vscode.l10n.t('This cannot be undone.'),
    ...(typeTitle ? [vscode.l10n.t("Next, you type the skill's title to confirm.")] : []),
  ].join(' ');
  const remove = vscode.l10n.t('Delete');
  const confirmed = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete "{0}" and its {1}?', title, versionCount(versions)),
    { modal: true, detail },
    remove,
  );
  if (confirmed !== remove) return false;
  if (!typeTitle) return true;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Delete "{0}" and its {1}', title, versionCount(versions)),
    prompt: vscode.l10n.t('Type {0} to confirm', title),
    ignoreFocusOut: true,
    validateInput: (value) =>
      value === title ? undefined : vscode.l10n.t('Type "{0}" exactly, or press Escape to keep the skill.', title),
  });
  return typed === title;
}

/** Deletes a confirmed skill; false (and a message) when it could not be. */
async function deleteConfirmedSkill(
  deps: DeleteDeps,
  skill: Skill,
  versions: { count: number; more: boolean },
  cancellation?: vscode.CancellationToken,
): Promise<boolean> {
  const title = skillTitle(skill);
  const outcome = await withCancellableProgress(
    vscode.l10n.t('Deleting "{0}"', title),
    cancellation,
    (_progress, signal) => deleteSkillRequest(deps.client, skill.id, signal),
  );
  if (outcome.status === 'deleted') {
    deps.model.removeSkill(skill.id);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Deleted "{0}" and its {1}.', title, versionCount(versions)),
    );
    return true;
  }
  await deps.model.refreshSkill(skill.id);
  const cancelled = outcome.error.kind === 'cancelled';
  const message =
    outcome.status === 'unknown'
      ? vscode.l10n.t(
          'Deleting "{0}" was cancelled while under way, and whether it happened is not known: {1}. Refresh the Skills view to see.',
          title,
          describeError(outcome.error),
        )
      : cancelled
        ? vscode.l10n.t('Deleting "{0}" was cancelled: the skill was kept.', title)
        : vscode.l10n.t('"{0}" was not deleted: {1}', title, describeError(outcome.error));
  deps.log.warn(message);
  showWithLog(deps.log, 'warning', message);
  return false;
}

/** The versions counted, the modal (and the title typed past 10), then the one DELETE. */
export async function confirmAndDeleteSkill(
  deps: DeleteDeps,
  skill: Skill,
  options: DeleteOptions = {},
): Promise<boolean | undefined> {
  requireWritable(skill, vscode.l10n.t('only your own skills can be deleted.'));
  const versions = await withCancellableProgress(
    vscode.l10n.t('Counting the versions of "{0}"…', skillTitle(skill)),
    options.cancellation,
    (_progress, signal) => countVersions(deps.client, skill.id, signal),
  );
  if (!(await confirmSkillDelete(skill, versions))) return undefined;
  return deleteConfirmedSkill(deps, skill, versions, options.cancellation);
}

export function deleteSkill(deps: DeleteDeps) {
  return async (node?: SkillNode, _selected?: unknown, options: DeleteOptions = {}): Promise<boolean | undefined> => {
    const skill = node?.kind === 'skill' ? node.skill : await pickCustomSkill(deps.client, 'Delete Skill…');
    return skill && confirmAndDeleteSkill(deps, skill, options);
  };
}
