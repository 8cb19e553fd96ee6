// Delete Version: one version, or every version selected in the tree, behind one modal; each version's
// outcome reported, and the skill offered for deletion when its last version is gone.
import * as vscode from 'vscode';
import { deleteVersions, summarizeVersionDeletes, versionsAsked, type VersionDeletes } from '../api/deleteCascade';
import { describeError } from '../api/errors';
import type { Skill, SkillVersion } from '../api/types';
import type { SkillsTreeNode, VersionNode } from '../tree/nodes';
import { plural, skillTitle } from '../tree/present';
import { withCancellableProgress } from './cancellation';
import { deleteEmptySkill, type DeleteDeps, type DeleteOptions } from './deleteSkill';
import { pickCustomSkill, pickVersion, requireWritable } from './skillChoice';

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

/** "release-notes", created …, the latest version */
function aboutVersion(skill: Skill, version: SkillVersion): string {
  const latest = version.version === skill.latestVersion ? ', the latest version' : '';
  return `"${version.name}", created ${new Date(version.createdAt).toLocaleString()}${latest}`;
}

async function confirmVersionDeletes(chosen: readonly SkillVersions[]): Promise<boolean> {
  const count = chosen.reduce((sum, c) => sum + c.versions.length, 0);
  let message: string;
  let lines: string[];
  if (count === 1) {
    const { skill, versions } = chosen[0];
    message = `Delete version ${versions[0].version} of "${skillTitle(skill)}"?`;
    lines = [`Named ${aboutVersion(skill, versions[0])}.`];
  } else {
    message =
      chosen.length === 1
        ? `Delete ${count} versions of "${skillTitle(chosen[0].skill)}"?`
        : `Delete ${count} versions of ${chosen.length} skills?`;
    const skillPrefix = (skill: Skill) => (chosen.length === 1 ? '' : `${skillTitle(skill)} `);
    const all = chosen.flatMap(({ skill, versions }) =>
      versions.map((v) => `${skillPrefix(skill)}${v.version}: ${aboutVersion(skill, v)}`),
    );
    lines =
      all.length > LISTED_IN_MODAL
        ? [...all.slice(0, LISTED_IN_MODAL), `and ${all.length - LISTED_IN_MODAL} more`]
        : all;
  }
  const detail = [...lines, '', 'This cannot be undone.'].join('\n');
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Delete')) === 'Delete';
}

/** Updates the tree and tells what happened; offers to delete the skill once it has no version left. */
async function report(deps: DeleteDeps, skill: Skill, deletes: VersionDeletes): Promise<void> {
  const title = skillTitle(skill);
  for (const failure of deletes.failed)
    deps.log.warn(`Deleting version ${failure.version} of ${skill.id}: ${describeError(failure.error)}`);
  const asked = versionsAsked(deletes);
  if (deletes.deleted.length !== asked) {
    // Some outcomes are not certain: the skill is read again, versions and all.
    await deps.tree.refreshSkill(skill.id);
    void vscode.window
      .showWarningMessage(`Deleting versions of "${title}": ${summarizeVersionDeletes(deletes)}.`, 'Show Log')
      .then((choice) => choice && deps.log.show());
    return;
  }
  const now = await deps.tree.removeVersions(skill.id, deletes.deleted);
  if (now?.latestVersion === null) {
    const choice = await vscode.window.showWarningMessage(
      `${asked === 1 ? `Deleted version ${deletes.deleted[0]}` : `Deleted ${plural(asked, 'version')}`}. "${title}" has no versions left: delete the skill too?`,
      { modal: true, detail: 'A skill with no versions cannot be used. Deleting it cannot be undone.' },
      'Delete Skill',
    );
    if (choice === 'Delete Skill') await deleteEmptySkill(deps, now);
    return;
  }
  void vscode.window.showInformationMessage(
    asked === 1
      ? `Deleted version ${deletes.deleted[0]} of "${title}".`
      : `Deleted ${plural(asked, 'version')} of "${title}".`,
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
              versions.map((v) => v.version),
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
