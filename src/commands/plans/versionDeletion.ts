// Delete Version's decisions and wording, apart from VS Code: which versions go, grouped by skill; whether
// they are all a skill has (then nothing is sent: a skill keeps one); what the modals say.
import type { Skill, SkillVersion } from '../../api/types';
import * as l10n from '@vscode/l10n';
import { firstLines, plural } from '../../shared/words';
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
        ? l10n.t('This is the only version of "{0}": a skill keeps at least one version.', title)
        : l10n.t('These are all the versions of "{0}": a skill keeps at least one version.', title),
    detail: alone
      ? l10n.t('Nothing was deleted. To replace it, publish a new version first; or delete the whole skill.')
      : l10n.t('Nothing was deleted. Leave one version of that skill out of the selection, or delete the whole skill.'),
  };
}

/** "Oct 3, 2026, 2:22:05 PM (the latest)" */
function aboutVersion(skill: Skill, version: SkillVersion, locale?: string): string {
  const label = versionLabel(version, true, locale);
  return version.id === skill.latestVersionId ? l10n.t('{0} (the latest)', label) : label;
}

/** The confirmation: one version by its date and id, several listed (the first ten), never undoable. */
export function deletePrompt(chosen: readonly SkillVersions[], locale?: string): Prompt {
  const count = chosen.reduce((sum, c) => sum + c.versions.length, 0);
  let message: string;
  let lines: string[];
  if (count === 1) {
    const { skill, versions } = chosen[0];
    const [version] = versions;
    message = l10n.t('Delete the version of "{0}" from {1}?', skillTitle(skill), versionLabel(version, true, locale));
    lines = [
      version.id,
      ...(version.id === skill.latestVersionId
        ? [l10n.t('It is the latest version: the one before it becomes the latest.')]
        : []),
    ];
  } else {
    message =
      chosen.length === 1
        ? l10n.t('Delete {0} of "{1}"?', plural(count, 'version'), skillTitle(chosen[0].skill))
        : l10n.t('Delete {0} of {1}?', plural(count, 'version'), plural(chosen.length, 'skill'));
    const all = chosen.flatMap(({ skill, versions }) =>
      versions.map((v) =>
        chosen.length === 1
          ? aboutVersion(skill, v, locale)
          : l10n.t({
              message: '{0} {1}',
              args: [skillTitle(skill), aboutVersion(skill, v, locale)],
              comment: ['A line of the delete modal: {0} is a skill title, {1} one of its versions'],
            }),
      ),
    );
    lines = firstLines(all, LISTED_IN_MODAL);
  }
  return { message, detail: [...lines, '', l10n.t('This cannot be undone.')].join('\n') };
}
