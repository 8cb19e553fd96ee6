// Delete Version: one version, or every version selected in the tree, behind one modal; each version's
// outcome reported. A skill keeps at least one version: a selection holding every version of a skill sends
// nothing and offers Delete Skill… instead.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/client';
import { deleteVersions, summarizeVersionDeletes, versionsAsked, type VersionDeletes } from '../operations/deletes';
import { describeError } from '../api/errors';
import type { Skill, SkillVersion } from '../api/types';
import type { SkillsTreeNode, VersionNode } from '../tree/nodes';
import { skillTitle, versionLabel } from '../tree/present';
import { withCancellableProgress } from './support/cancellation';
import { confirmAndDeleteSkill, type DeleteDeps, type DeleteOptions } from './deleteSkill';
import { pickCustomSkill, pickVersion, requireWritable } from './support/skillChoice';
import { firstLines, plural } from '../shared/words';
import { showWithLog } from './support/messages';

interface SkillVersions {
  skill: Skill;
  versions: SkillVersion[];
}

/** Lines of a modal's detail beyond which the list is cut short. */
const LISTED_IN_MODAL = 10;

/** The clicked version, or the whole selection when the click was part of it, grouped by skill. */
function chosenInTree(node: VersionNode, selected: readonly SkillsTreeNode[] | undefined): SkillVersions[] {
  const nodes = selected?.includes(node) ? selected.filter((n): n is VersionNode => n.kind === 'version') : [node];
  const bySkill = new Map<string, SkillVersions>();
  for (const n of nodes) {
    const entry = bySkill.get(n.skill.id) ?? { skill: n.skill, versions: [] };
    entry.versions.push(n.version);
    bySkill.set(n.skill.id, entry);
  }
  return [...bySkill.values()];
}

async function chosenInPalette(deps: DeleteDeps): Promise<SkillVersions[] | undefined> {
  const skill = await pickCustomSkill(deps.client, 'Delete Version: which skill?');
  const version = skill && (await pickVersion(deps.client, skill, 'Delete Version: which version?'));
  return skill && version ? [{ skill, versions: [version] }] : undefined;
}

/** "Oct 3, 2026, 2:22:05 PM (the latest)" */
function aboutVersion(skill: Skill, version: SkillVersion): string {
  const latest = version.id === skill.latestVersionId ? ' (the latest)' : '';
  return `${versionLabel(version, true, vscode.env.language)}${latest}`;
}

/**
 * Whether `versions` are every version `skill` has, asked with one request a version longer than the
 * selection: the API refuses to delete a skill's only version.
 */
async function holdsEveryVersion(
  client: Pick<SkillsClient, 'listVersions'>,
  skill: Skill,
  versions: readonly SkillVersion[],
): Promise<boolean> {
  const page = await client.listVersions(skill.id, { limit: Math.min(versions.length + 1, 1000) });
  const chosen = new Set(versions.map((v) => v.id));
  return page.nextPage === null && page.data.every((v) => chosen.has(v.id));
}

/** Says why nothing is sent, and offers Delete Skill… in the same modal when one skill is concerned. */
async function refuseLastVersions(deps: DeleteDeps, whole: SkillVersions, alone: boolean): Promise<void> {
  const title = skillTitle(whole.skill);
  const message =
    whole.versions.length === 1
      ? `This is the only version of "${title}": a skill keeps at least one version.`
      : `These are all the versions of "${title}": a skill keeps at least one version.`;
  const detail = alone
    ? 'Nothing was deleted. To replace it, publish a new version first; or delete the whole skill.'
    : 'Nothing was deleted. Leave one version of that skill out of the selection, or delete the whole skill.';
  const deleteSkill = 'Delete Skill…';
  const choice = await vscode.window.showWarningMessage(
    message,
    { modal: true, detail },
    ...(alone ? [deleteSkill] : []),
  );
  if (choice === deleteSkill) await confirmAndDeleteSkill(deps, whole.skill);
}

async function confirmVersionDeletes(chosen: readonly SkillVersions[]): Promise<boolean> {
  const count = chosen.reduce((sum, c) => sum + c.versions.length, 0);
  let message: string;
  let lines: string[];
  if (count === 1) {
    const { skill, versions } = chosen[0];
    const [version] = versions;
    message = `Delete the version of "${skillTitle(skill)}" from ${versionLabel(version, true, vscode.env.language)}?`;
    lines = [
      version.id,
      ...(version.id === skill.latestVersionId
        ? ['It is the latest version: the one before it becomes the latest.']
        : []),
    ];
  } else {
    message =
      chosen.length === 1
        ? `Delete ${count} versions of "${skillTitle(chosen[0].skill)}"?`
        : `Delete ${count} versions of ${chosen.length} skills?`;
    const skillPrefix = (skill: Skill) => (chosen.length === 1 ? '' : `${skillTitle(skill)} `);
    const all = chosen.flatMap(({ skill, versions }) =>
      versions.map((v) => `${skillPrefix(skill)}${aboutVersion(skill, v)}`),
    );
    lines = firstLines(all, LISTED_IN_MODAL);
  }
  const detail = [...lines, '', 'This cannot be undone.'].join('\n');
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Delete')) === 'Delete';
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
    showWithLog(deps.log, 'warning', `Deleting versions of "${title}": ${summarizeVersionDeletes(deletes)}.`);
    return;
  }
  await deps.model.removeVersions(skill.id, deletes.deleted);
  void vscode.window.showInformationMessage(
    asked === 1 ? `Deleted a version of "${title}".` : `Deleted ${plural(asked, 'version')} of "${title}".`,
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
    for (const { skill } of chosen) requireWritable(skill, 'only your own skills can have versions deleted.');
    for (const entry of chosen) {
      if (await holdsEveryVersion(deps.client, entry.skill, entry.versions)) {
        await refuseLastVersions(deps, entry, chosen.length === 1);
        return undefined;
      }
    }
    if (!(await confirmVersionDeletes(chosen))) return undefined;

    const total = chosen.reduce((sum, c) => sum + c.versions.length, 0);
    const results = await withCancellableProgress(
      `Deleting ${plural(total, 'version')}`,
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
                  progress.report({ increment: 100 / total, message: `${before + settled} of ${total}` }),
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
