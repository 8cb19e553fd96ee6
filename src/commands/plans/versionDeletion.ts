// Delete Version's decisions and wording, apart from VS Code: which versions go, grouped by skill; whether
// they are all a skill has (then nothing is sent: a skill keeps one); what the modals say.
import type { Skill, SkillVersion } from '../../api/types';
import { firstLines } from '../../shared/words';
import { skillTitle, versionLabel } from '../../tree/present';

export interface SkillVersions {
  skill: Skill;
  versions: SkillVersion[];
}

export interface Prompt {
  message: string;
  detail: string;
}

/** Lines of a modal's detail beyond which the list is cut short. */
const LISTED_IN_MODAL = 10;

/** The versions chosen, grouped by skill in the order they first appear. */
export function groupBySkill(chosen: readonly { skill: Skill; version: SkillVersion }[]): SkillVersions[] {
  const bySkill = new Map<string, SkillVersions>();
  for (const { skill, version } of chosen) {
    const entry = bySkill.get(skill.id) ?? { skill, versions: [] };
    entry.versions.push(version);
    bySkill.set(skill.id, entry);
  }
  return [...bySkill.values()];
}

/** Why nothing is sent for a selection of every version of a skill; `alone` when it is the only skill. */
export function refusalPrompt({ skill, versions }: SkillVersions, alone: boolean): Prompt {
  const title = skillTitle(skill);
  return {
    message:
      versions.length === 1
        ? `This is the only version of "${title}": a skill keeps at least one version.`
        : `These are all the versions of "${title}": a skill keeps at least one version.`,
    detail: alone
      ? 'Nothing was deleted. To replace it, publish a new version first; or delete the whole skill.'
      : 'Nothing was deleted. Leave one version of that skill out of the selection, or delete the whole skill.',
  };
}

/** "Oct 3, 2026, 2:22:05 PM (the latest)" */
function aboutVersion(skill: Skill, version: SkillVersion, locale?: string): string {
  const latest = version.id === skill.latestVersionId ? ' (the latest)' : '';
  return `${versionLabel(version, true, locale)}${latest}`;
}

/** The confirmation: one version by its date and id, several listed (the first ten), never undoable. */
export function deletePrompt(chosen: readonly SkillVersions[], locale?: string): Prompt {
  const count = chosen.reduce((sum, c) => sum + c.versions.length, 0);
  let message: string;
  let lines: string[];
  if (count === 1) {
    const { skill, versions } = chosen[0];
    const [version] = versions;
    message = `Delete the version of "${skillTitle(skill)}" from ${versionLabel(version, true, locale)}?`;
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
      versions.map((v) => `${skillPrefix(skill)}${aboutVersion(skill, v, locale)}`),
    );
    lines = firstLines(all, LISTED_IN_MODAL);
  }
  return { message, detail: [...lines, '', 'This cannot be undone.'].join('\n') };
}
