import * as vscode from 'vscode';
import type { SkillsClient } from '../api/client';
import type { PublishableSkillFolder } from '../skill/folder';
import type { PublishTarget } from '../skill/publish';
import { listCustomSkills } from '../skill/target';
import type { SkillDiagnostics } from '../workspace/skillDiagnostics';
import type { SkillFolders } from '../workspace/skillFolders';
import { checkedSkillFolder, chooseSkillFolder, requireTrust } from './skillFolder';
import {
  confirmUpload,
  oncePerFolder,
  skillWarnings,
  uploadAndReport,
  type PublishDeps,
  type PublishOptions,
} from './publishUpload';

export interface PublishNewSkillDeps extends PublishDeps {
  client: PublishDeps['client'] & Pick<SkillsClient, 'skillPages'>;
  folders: Pick<SkillFolders, 'all'>;
  diagnostics: Pick<SkillDiagnostics, 'show'>;
}

export interface NewSkillOptions extends PublishOptions {
  /** The display title, instead of asking (automation and tests). */
  displayTitle?: string;
}

/**
 * Asks the display title (the frontmatter name by default) and refuses one a skill already has before
 * uploading: the API would refuse it only after the whole upload.
 */
async function askDisplayTitle(
  client: Pick<SkillsClient, 'skillPages'>,
  name: string,
  given?: string,
): Promise<string | undefined> {
  const skills = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Reading your skills' },
    () => listCustomSkills(client),
  );
  const owners = new Map(skills.flatMap((s) => (s.displayTitle ? [[s.displayTitle, s.id] as const] : [])));
  const problem = (text: string) => {
    const title = text.trim();
    if (!title) return 'Enter a display title.';
    const owner = owners.get(title);
    return owner
      ? `"${title}" is the title of ${owner} already. Choose another, or publish as a new version of that skill.`
      : undefined;
  };
  if (given !== undefined) {
    const refused = problem(given);
    if (refused) throw new Error(refused);
    return given.trim();
  }
  const title = await vscode.window.showInputBox({
    title: `Publish ${name} as a New Skill`,
    prompt:
      'The display title of the new skill: how it appears in the Skills view and the Console. It must not be taken.',
    value: name,
    validateInput: problem,
  });
  return title?.trim();
}

/** The new-skill flow for a checked folder; Publish as New Version's "Publish as New Skill…" ends here too. */
export async function publishAsNewSkill(
  deps: PublishNewSkillDeps,
  folder: vscode.Uri,
  skill: PublishableSkillFolder,
  options: NewSkillOptions = {},
) {
  const displayTitle = await askDisplayTitle(deps.client, skill.name, options.displayTitle);
  if (!displayTitle) return undefined;
  const target: PublishTarget = { kind: 'skill', displayTitle };
  if (!(await confirmUpload(skill, target, skillWarnings(skill)))) return undefined;
  return uploadAndReport(deps, folder, skill, target, options);
}

/** Publish as New Skill: from the Explorer, the editor of a SKILL.md, or the palette. */
export function publishNewSkill(deps: PublishNewSkillDeps) {
  return async (arg?: unknown, _selected?: unknown, options: NewSkillOptions = {}) => {
    if (!requireTrust()) return undefined;
    const folder = await chooseSkillFolder(arg, deps.folders, 'Which skill folder to publish as a new skill?');
    if (!folder) return undefined;
    return oncePerFolder(folder, async () => {
      const skill = await checkedSkillFolder(folder, deps.diagnostics, 'publish');
      return skill && publishAsNewSkill(deps, folder, skill, options);
    });
  };
}
