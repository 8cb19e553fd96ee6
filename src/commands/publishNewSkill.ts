import * as vscode from 'vscode';
import { plural } from '../shared/words';
import { confirmPublish } from '../config';
import type { SkillsClient } from '../api/skillsClient';
import type { PublishableSkillFolder } from '../skill/skillFolder';
import type { PublishTarget } from '../operations/publish';
import { listCustomSkills } from '../operations/skillLookup';
import type { SkillDiagnostics } from '../workspace/skillDiagnostics';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import { checkedSkillFolder, chooseSkillFolder } from './support/folderChoice';
import { requireTrust } from '../workspace/workspaceTrust';
import { confirmAndUpload, oncePerFolder, type PublishDeps, type PublishOptions } from './support/publishUpload';

export interface PublishNewSkillDeps extends PublishDeps {
  client: PublishDeps['client'] & Pick<SkillsClient, 'skillPages'>;
  folders: Pick<SkillFolderWatcher, 'all'>;
  diagnostics: Pick<SkillDiagnostics, 'show'>;
}

export interface NewSkillOptions extends PublishOptions {
  /** The display title, instead of asking (automation and tests). */
  displayName?: string;
}

/** Sent as `display_name`: one line, at most 255 characters (the API's rule). */
const MAX_TITLE_LENGTH = 255;

function titleProblem(text: string): string | undefined {
  const title = text.trim();
  if (!title) return vscode.l10n.t('Enter a display title.');
  if (/[\r\n]/.test(title)) return vscode.l10n.t('A display title is one line.');
  if (title.length > MAX_TITLE_LENGTH)
    return vscode.l10n.t('A display title has at most {0} characters.', MAX_TITLE_LENGTH);
  return undefined;
}

/** Asks the display title (the frontmatter name by default). Titles are not unique: any valid one goes. */
async function askDisplayName(name: string, given?: string): Promise<string | undefined> {
  if (given !== undefined) {
    const refused = titleProblem(given);
    if (refused) throw new Error(refused);
    return given.trim();
  }
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('Publish {0} as a New Skill', name),
    prompt: vscode.l10n.t('The display title of the new skill: how it appears in the Skills view and the Console.'),
    value: name,
    validateInput: titleProblem,
  });
  return title?.trim();
}

/** The skills of yours that already carry this title: allowed, but worth a line in the confirmation. */
async function namesakes(client: Pick<SkillsClient, 'skillPages'>, displayName: string): Promise<string[]> {
  const skills = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading your skills') },
    () => listCustomSkills(client),
  );
  const same = skills.filter((s) => s.displayName === displayName);
  if (same.length === 0) return [];
  const ids = same.map((s) => s.id).join(', ');
  return [
    same.length === 1
      ? vscode.l10n.t(
          'Another skill of yours already has the title "{0}" ({1}). Titles need not be unique, but the two will look alike.',
          displayName,
          ids,
        )
      : vscode.l10n.t(
          '{0} of yours already have the title "{1}" ({2}). Titles need not be unique, but they will look alike.',
          plural(same.length, 'other skill'),
          displayName,
          ids,
        ),
  ];
}

/** The new-skill flow for a checked folder; Publish as New Version's "Publish as New Skill…" ends here too. */
export async function publishAsNewSkill(
  deps: PublishNewSkillDeps,
  folder: vscode.Uri,
  skill: PublishableSkillFolder,
  options: NewSkillOptions = {},
) {
  const displayName = await askDisplayName(skill.name, options.displayName);
  if (!displayName) return undefined;
  const target: PublishTarget = { kind: 'skill', displayName };
  const notes = confirmPublish() ? await namesakes(deps.client, displayName) : [];
  return confirmAndUpload(deps, folder, skill, target, options, notes);
}

/** Publish as New Skill: from the Explorer, the editor of a SKILL.md, or the palette. */
export function publishNewSkill(deps: PublishNewSkillDeps) {
  return async (arg?: unknown, _selected?: unknown, options: NewSkillOptions = {}) => {
    if (!requireTrust('publish')) return undefined;
    const folder = await chooseSkillFolder(
      arg,
      deps.folders,
      vscode.l10n.t('Which skill folder to publish as a new skill?'),
    );
    if (!folder) return undefined;
    return oncePerFolder(folder, async () => {
      const skill = await checkedSkillFolder(folder, deps.diagnostics, 'publish');
      return skill && publishAsNewSkill(deps, folder, skill, options);
    });
  };
}
