// Which skill or version a command works on when the palette gives it none, and the rule that only the
// user's own skills can be written to.
import * as vscode from 'vscode';
import type { SkillsClient } from '../../api/skillsClient';
import { collectAll } from '../../api/paging';
import type { Skill, SkillVersion } from '../../api/types';
import { listCustomSkills } from '../../operations/skillLookup';
import { isWritable } from '../../operations/skillLookup';
import { skillPickItem, skillTitle, sourcePresentation, versionPickItems } from '../../tree/present';

/** Publishing and deleting are for `source: custom` skills; any other source is refused, saying why. */
export function requireWritable(skill: Skill, instead: string): void {
  if (isWritable(skill)) return;
  throw new Error(
    vscode.l10n.t(
      '"{0}" is not yours to change ({1}): {2}',
      skillTitle(skill),
      sourcePresentation(skill.source).about,
      instead,
    ),
  );
}

/** One of the user's own (`custom`) skills, picked. */
export async function pickCustomSkill(
  client: Pick<SkillsClient, 'skillPages'>,
  title: string,
): Promise<Skill | undefined> {
  const items = listCustomSkills(client).then((skills) => {
    if (skills.length === 0)
      throw new Error(
        vscode.l10n.t('You have no skills of your own yet: publish a folder with a SKILL.md as a new skill.'),
      );
    return skills.map((skill) => ({ ...skillPickItem(skill, undefined, vscode.env.language), skill }));
  });
  return (
    await vscode.window.showQuickPick(items, {
      title,
      placeHolder: vscode.l10n.t('Pick one of your skills'),
      matchOnDescription: true,
    })
  )?.skill;
}

/** A version of `skill` picked among all of them, in the server's order (newest first). */
export async function pickVersion(
  client: Pick<SkillsClient, 'versionPages'>,
  skill: Skill,
  title: string,
): Promise<SkillVersion | undefined> {
  const locale = vscode.env.language;
  const items = collectAll(client.versionPages(skill.id, { limit: 1000 })).then((versions) =>
    versionPickItems(skill, versions, locale),
  );
  return (
    await vscode.window.showQuickPick(items, {
      title,
      placeHolder: vscode.l10n.t('Pick a version of "{0}"', skillTitle(skill)),
    })
  )?.version;
}
