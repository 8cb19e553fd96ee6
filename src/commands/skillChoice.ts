// Which skill or version a command works on when the palette gives it none, and the rule that only the
// user's own skills can be written to.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/client';
import { listAllVersions } from '../api/deleteCascade';
import type { Skill, SkillVersion } from '../api/types';
import { listCustomSkills } from '../skill/target';
import { compareVersionsNewestFirst, relativeAge, skillTitle, versionDescription } from '../tree/present';

/** Publishing and deleting are for `source: custom` skills; any other source is refused, saying why. */
export function requireWritable(skill: Skill, instead: string): void {
  if (skill.source === 'custom') return;
  const whose = skill.source === 'anthropic' ? "Anthropic's skills" : `the skills from "${skill.source}"`;
  throw new Error(`"${skillTitle(skill)}" is one of ${whose}, which are read-only: ${instead}`);
}

/** One of the user's own (`custom`) skills, picked. */
export async function pickCustomSkill(
  client: Pick<SkillsClient, 'skillPages'>,
  title: string,
): Promise<Skill | undefined> {
  const items = listCustomSkills(client).then((skills) => {
    if (skills.length === 0)
      throw new Error('You have no skills of your own yet: publish a folder with a SKILL.md as a new skill.');
    return skills.map((skill) => ({
      label: skillTitle(skill),
      description: skill.id,
      detail: `updated ${relativeAge(skill.updatedAt)}`,
      skill,
    }));
  });
  return (
    await vscode.window.showQuickPick(items, {
      title,
      placeHolder: 'Pick one of your skills',
      matchOnDescription: true,
    })
  )?.skill;
}

/** A version of `skill` picked among all of them, newest first. */
export async function pickVersion(
  client: Pick<SkillsClient, 'versionPages'>,
  skill: Skill,
  title: string,
): Promise<SkillVersion | undefined> {
  const items = listAllVersions(client, skill.id).then((versions) =>
    [...versions].sort(compareVersionsNewestFirst).map((version) => ({
      label: version.version,
      description: versionDescription(skill, version),
      detail: version.name,
      version,
    })),
  );
  return (await vscode.window.showQuickPick(items, { title, placeHolder: `Pick a version of "${skillTitle(skill)}"` }))
    ?.version;
}
