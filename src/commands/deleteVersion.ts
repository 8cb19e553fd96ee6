// Delete Version: one version, or every version selected in the tree, behind one modal; each version's
// outcome reported. A skill keeps at least one version: a selection holding every version of a skill sends
// nothing and offers Delete Skill… instead.
import * as vscode from 'vscode';
import {
  deleteVersions,
  holdsEveryVersion,
  summarizeVersionDeletes,
  versionsAsked,
  type VersionDeletes,
} from '../operations/deletes';
import { describeError } from '../api/errors';
import type { Skill } from '../api/types';
import type { SkillsTreeNode, VersionNode } from '../tree/nodes';
import { skillTitle } from '../tree/present';
import { withCancellableProgress } from './support/cancellation';
import { confirmAndDeleteSkill, type DeleteDeps, type DeleteOptions } from './deleteSkill';
import { pickCustomSkill, pickVersion, requireWritable } from './support/skillChoice';
import { plural } from '../shared/words';
import { deletePrompt, groupBySkill, refusalPrompt, type SkillVersions } from './plans/versionDeletion';
import { showWithLog } from './support/messages';

/** The clicked version, or the whole selection when the click was part of it, grouped by skill. */
function chosenInTree(node: VersionNode, selected: readonly SkillsTreeNode[] | undefined): SkillVersions[] {
  const nodes = selected?.includes(node) ? selected.filter((n): n is VersionNode => n.kind === 'version') : [node];
  return groupBySkill(nodes);
}

async function chosenInPalette(deps: DeleteDeps): Promise<SkillVersions[] | undefined> {
  const skill = await pickCustomSkill(deps.client, 'Delete Version: which skill?');
  const version = skill && (await pickVersion(deps.client, skill, 'Delete Version: which version?'));
  return skill && version ? [{ skill, versions: [version] }] : undefined;
}

/** Says why nothing is sent, and offers Delete Skill… in the same modal when one skill is concerned. */
async function refuseLastVersions(deps: DeleteDeps, whole: SkillVersions, alone: boolean): Promise<void> {
  const { message, detail } = refusalPrompt(whole, alone);
  const deleteSkill = vscode.l10n.t('Delete Skill…');
  const choice = await vscode.window.showWarningMessage(
    message,
    { modal: true, detail },
    ...(alone ? [deleteSkill] : []),
  );
  if (choice === deleteSkill) await confirmAndDeleteSkill(deps, whole.skill);
}

async function confirmVersionDeletes(chosen: readonly SkillVersions[]): Promise<boolean> {
  const { message, detail } = deletePrompt(chosen, vscode.env.language);
  const remove = vscode.l10n.t('Delete');
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, remove)) === remove;
}

/** Updates the tree and tells what happened. */
async function report(deps: DeleteDeps, skill: Skill, deletes: VersionDeletes): Promise<void> {
  const title = skillTitle(skill);
  for (const failure of deletes.failed)
    deps.log.warn(`Deleting version ${failure.versionId} of ${skill.id}: ${describeError(failure.error)}`);
  const asked = versionsAsked(deletes);
  if (deletes.deleted.length !== asked) {
    // Some outcomes are not certain: the skill is read again, versions and all.
    await deps.model.refreshSkill(skill.id);
    showWithLog(
      deps.log,
      'warning',
      vscode.l10n.t('Deleting versions of "{0}": {1}.', title, summarizeVersionDeletes(deletes)),
    );
    return;
  }
  await deps.model.removeVersions(skill.id, deletes.deleted);
  void vscode.window.showInformationMessage(
    asked === 1
      ? vscode.l10n.t('Deleted a version of "{0}".', title)
      : vscode.l10n.t('Deleted {0} of "{1}".', plural(asked, 'version'), title),
  );
}

export function deleteVersion(deps: DeleteDeps) {
  return async (
    node?: VersionNode,
    selected?: readonly SkillsTreeNode[],
    options: DeleteOptions = {},
  ): Promise<VersionDeletes[] | undefined> => {
    const chosen = node?.kind === 'version' ? chosenInTree(node, selected) : await chosenInPalette(deps);
    if (!chosen) return undefined;
    for (const { skill } of chosen)
      requireWritable(skill, vscode.l10n.t('only your own skills can have versions deleted.'));
    for (const entry of chosen) {
      if (await holdsEveryVersion(deps.client, entry)) {
        await refuseLastVersions(deps, entry, chosen.length === 1);
        return undefined;
      }
    }
    if (!(await confirmVersionDeletes(chosen))) return undefined;

    const total = chosen.reduce((sum, c) => sum + c.versions.length, 0);
    const results = await withCancellableProgress(
      vscode.l10n.t('Deleting {0}', plural(total, 'version')),
      options.cancellation,
      async (progress, signal) => {
        const all: VersionDeletes[] = [];
        for (const { skill, versions } of chosen) {
          const before = all.reduce((sum, d) => sum + versionsAsked(d), 0);
          all.push(
            await deleteVersions(
              deps.client,
              skill.id,
              versions.map((v) => v.id),
              {
                signal,
                onSettled: (settled) =>
                  progress.report({
                    increment: 100 / total,
                    message: vscode.l10n.t('{0} of {1}', before + settled, total),
                  }),
              },
            ),
          );
        }
        return all;
      },
    );
    for (const [i, { skill }] of chosen.entries()) await report(deps, skill, results[i]);
    return results;
  };
}
