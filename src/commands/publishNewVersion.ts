import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import type { Skill } from '../api/types';
import type { PublishTarget } from '../operations/publish';
import type { PublishableSkillFolder } from '../skill/skillFolder';
import { skillBundle } from '../skillBundle';
import { slugOf, type SlugMemory } from '../operations/skillLookup';
import { choosePublishTarget, publishedElsewhereSince } from '../operations/publishTarget';
import type { SkillNode } from '../tree/nodes';
import { skillPickItem, skillTitle } from '../tree/present';
import type { PublishTargets } from '../workspace/publishTargets';
import type { SkillDiagnostics } from '../workspace/skillDiagnostics';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import { checkedSkillFolder, chooseSkillFolder } from './support/folderChoice';
import { requireTrust } from '../workspace/workspaceTrust';
import { confirmAndUpload, oncePerFolder, type PublishDeps, type PublishOptions } from './support/publishUpload';
import { publishAsNewSkill } from './publishNewSkill';
import { requireWritable } from './support/skillChoice';
import { CommandIds, WorkbenchCommands } from '../constants';
import { SHOW_PROBLEMS } from './support/messages';

export interface PublishNewVersionDeps extends PublishDeps {
  client: PublishDeps['client'] & Pick<SkillsClient, 'getSkill' | 'getVersion' | 'skillPages'>;
  folders: Pick<SkillFolderWatcher, 'all'>;
  targets: PublishDeps['targets'] & Pick<PublishTargets, 'get' | 'forget' | 'foldersOf' | 'recordOf'>;
  diagnostics: Pick<SkillDiagnostics, 'show'>;
  slugs: PublishDeps['slugs'] & SlugMemory;
}

type Choice = { kind: 'version'; skill: Skill; slug?: string } | { kind: 'newSkill' };

/** The skill to publish to (choosePublishTarget), or the user's pick when none is the folder's. */
async function chooseTarget(
  deps: PublishNewVersionDeps,
  folder: vscode.Uri,
  name: string,
): Promise<Choice | undefined> {
  const choice = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Finding the skill to publish to') },
    () =>
      choosePublishTarget(
        {
          client: deps.client,
          remembered: { get: () => deps.targets.get(folder), forget: () => deps.targets.forget(folder) },
          slugs: deps.slugs,
        },
        name,
      ),
  );
  if (choice.kind === 'found') return { kind: 'version', skill: choice.skill, slug: choice.slug };
  type Item = vscode.QuickPickItem & { choice: Choice };
  const items: Item[] = [
    ...choice.skills.map((skill) => ({
      ...skillPickItem(skill, undefined, vscode.env.language),
      choice: { kind: 'version', skill } as Choice,
    })),
    { label: vscode.l10n.t('$(add) Publish as New Skill…'), alwaysShow: true, choice: { kind: 'newSkill' } },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Publish {0} as a new version of…', name),
    placeHolder: vscode.l10n.t('None of your skills is named "{0}": pick the skill, or publish a new one', name),
    matchOnDescription: true,
  });
  return picked?.choice;
}

/**
 * Refuses, before anything is uploaded, a folder whose `name` is not the target skill's slug: the API
 * keeps a skill's name for good. The problem goes on the `name` line; the message offers a new skill.
 * True when the folder may be published to the skill.
 */
async function matchesSlug(
  deps: PublishNewVersionDeps,
  folder: vscode.Uri,
  skill: PublishableSkillFolder,
  target: Skill,
  knownSlug: string | undefined,
  options: PublishOptions,
): Promise<boolean> {
  const slug = knownSlug ?? (await slugOf(deps.client, target, deps.slugs));
  if (slug === skill.name) return true;
  const problem = skillBundle().slugMismatch(skill, slug, skillTitle(target));
  deps.diagnostics.show(folder, [...skill.problems, problem]);
  const asNewSkill = vscode.l10n.t('Publish as New Skill…');
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t('Cannot publish {0} as a new version: {1}', skill.name, problem.message),
      asNewSkill,
      SHOW_PROBLEMS,
    )
    .then((choice) => {
      if (choice === asNewSkill) return publishAsNewSkill(deps, folder, skill, options);
      if (choice) return vscode.commands.executeCommand(WorkbenchCommands.showProblems);
      return undefined;
    });
  return false;
}

/**
 * Asks first when someone published a newer version from elsewhere since this folder's last publish: the
 * upload would replace their files as the latest. False when the user would rather compare, or cancels.
 */
async function overNewerVersion(deps: PublishNewVersionDeps, folder: vscode.Uri, target: Skill): Promise<boolean> {
  if (!publishedElsewhereSince(deps.targets.recordOf(folder), target)) return true;
  const compare = vscode.l10n.t('Compare with Published');
  const anyway = vscode.l10n.t('Publish Anyway');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'A newer version of "{0}" was published elsewhere since this folder last published.',
      skillTitle(target),
    ),
    {
      modal: true,
      detail: vscode.l10n.t(
        "Publishing now makes this folder's files the latest version, over the newer one. Compare them first to see what it holds.",
      ),
    },
    compare,
    anyway,
  );
  if (choice === compare) await vscode.commands.executeCommand(CommandIds.compareWithPublished, folder);
  return choice === anyway;
}

/**
 * Publish as New Version: from the Explorer (a skill folder or SKILL.md), the editor of a SKILL.md, a
 * skill node (asks which folder) or the palette (asks which folder, if there are several).
 */
export function publishNewVersion(deps: PublishNewVersionDeps) {
  return async (arg?: unknown, _selected?: unknown, options: PublishOptions = {}) => {
    if (!requireTrust('publish')) return undefined;
    const fromNode = (arg as SkillNode | undefined)?.kind === 'skill' ? (arg as SkillNode).skill : undefined;
    if (fromNode) requireWritable(fromNode, vscode.l10n.t('publish your folder as a new skill instead.'));
    const folder = await chooseSkillFolder(
      fromNode ? undefined : arg,
      deps.folders,
      fromNode
        ? vscode.l10n.t('Which folder to publish as a new version of "{0}"?', skillTitle(fromNode))
        : vscode.l10n.t('Which skill folder to publish?'),
      {
        preferred: fromNode && deps.targets.foldersOf(fromNode.id),
        alwaysAsk: fromNode !== undefined,
      },
    );
    if (!folder) return undefined;
    return oncePerFolder(folder, async () => {
      const skill = await checkedSkillFolder(folder, deps.diagnostics, 'publish');
      if (!skill) return undefined;
      const choice: Choice | undefined = fromNode
        ? { kind: 'version', skill: fromNode }
        : await chooseTarget(deps, folder, skill.name);
      if (!choice) return undefined;
      if (choice.kind === 'newSkill') return publishAsNewSkill(deps, folder, skill, options);
      if (!(await matchesSlug(deps, folder, skill, choice.skill, choice.slug, options))) return undefined;
      if (!(await overNewerVersion(deps, folder, choice.skill))) return undefined;
      const target: PublishTarget = { kind: 'version', skill: choice.skill };
      return confirmAndUpload(deps, folder, skill, target, options);
    });
  };
}
