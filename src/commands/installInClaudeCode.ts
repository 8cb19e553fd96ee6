// Install in Claude Code…: a published version's files written where Claude Code finds skills, a project's
// `.claude/skills/<name>/` or the user's `~/.claude/skills/<name>/`, with the rules of Download Version to
// Folder…, a skill of Anthropic's license shown first, and a folder already there replaced only when the
// user says, after listing what goes. The folder is then remembered as holding that version: in sync.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import type { Skill, SkillVersion } from '../api/types';
import { versionFileUri } from '../documents/versionFileSystem';
import { isWritable } from '../operations/skillLookup';
import { firstLines, formatNumber, plural } from '../shared/words';
import { skillBundle } from '../skillBundle';
import type { SkillsTreeNode } from '../tree/nodes';
import { describeSkill, skillTitle } from '../tree/present';
import { isPersonalSkill, personalSkillsRoot } from '../workspace/personalSkills';
import type { PublishTargets } from '../workspace/publishTargets';
import { compareFolder, rememberComparison } from './support/folderComparison';
import { chooseFilesToWrite, targetOf, writeFiles, type HiddenFiles } from './support/versionFilesWrite';
import { loadVersionFiles, type VersionFilesDeps } from './support/versionNode';

/** For automation and tests, after the arguments VS Code passes. */
export interface InstallOptions {
  /** Where, instead of asking: a workspace folder's `.claude/skills` (the first, unless `workspaceFolder`), or the user's. */
  scope?: 'project' | 'personal';
  workspaceFolder?: vscode.Uri;
  hiddenFiles?: HiddenFiles;
  /** The answer to the modal before a folder already there is replaced. */
  replace?: boolean;
  /** The answer to the license of a skill of Anthropic's. */
  acceptLicense?: boolean;
}

export interface InstallDeps extends VersionFilesDeps {
  client: Pick<SkillsClient, 'getVersion'>;
  targets: Pick<PublishTargets, 'remember' | 'record'>;
}

/** Claude Code's skill folders are named by the skill's `name`: only a slug can be one, on every OS. */
const SAFE_FOLDER_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 64;
/** A license file at the root of a version, as skills (Anthropic's among them) name it. */
const LICENSE_FILE = /^(licen[cs]e|copying)(\.(txt|md))?$/i;
/** A folder already installed is listed this far: a hostile one cannot make the walk endless. */
const MAX_LISTED_ENTRIES = 20_000;

async function chosenVersion(
  arg: unknown,
  client: InstallDeps['client'],
): Promise<{ skill: Skill; version: SkillVersion }> {
  const node = arg as SkillsTreeNode | undefined;
  if (node?.kind === 'version') return { skill: node.skill, version: node.version };
  if (node?.kind === 'skill') {
    const latest = node.skill.latestVersionId;
    if (!latest) throw new Error(vscode.l10n.t('"{0}" has no version to install.', skillTitle(node.skill)));
    return { skill: node.skill, version: await client.getVersion(node.skill.id, latest) };
  }
  throw new Error(
    vscode.l10n.t('Install in Claude Code… works on a skill or a version: right-click one in the Skills view.'),
  );
}

/** The `.claude/skills` folder to install into, asked unless the options say; undefined: cancelled. */
async function chooseRoot(name: string, options: InstallOptions): Promise<vscode.Uri | undefined> {
  const projects = vscode.workspace.workspaceFolders ?? [];
  const project = (folder: vscode.Uri) => vscode.Uri.joinPath(folder, '.claude', 'skills');
  if (options.scope === 'personal') return personalSkillsRoot();
  if (options.scope === 'project') {
    const folder = options.workspaceFolder ?? projects[0]?.uri;
    if (!folder)
      throw new Error(vscode.l10n.t('Open a folder to install a skill into its project, or install it for yourself.'));
    return project(folder);
  }
  const items = [
    ...projects.map((folder) => ({
      label: `$(folder) ${folder.name}`,
      description: `.claude/skills/${name}`,
      detail: vscode.l10n.t('For everyone working in this project (commit the folder to share it)'),
      root: project(folder.uri),
    })),
    {
      label: vscode.l10n.t('$(account) Personal'),
      description: `~/.claude/skills/${name}`,
      detail: vscode.l10n.t('For you, in every project'),
      root: personalSkillsRoot(),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Install "{0}" in Claude Code', name),
    placeHolder: vscode.l10n.t('Where Claude Code should find it'),
    matchOnDescription: true,
  });
  return picked?.root;
}

/** Every file under `folder` (relative paths), or none when it does not exist. */
async function listInstalled(folder: vscode.Uri): Promise<string[]> {
  const files: string[] = [];
  const pending = [''];
  let seen = 0;
  while (pending.length > 0) {
    const relative = pending.pop()!;
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(targetOf(folder, relative))).catch(
      (err: unknown) => {
        if (relative === '' && err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return [];
        throw err;
      },
    );
    for (const [entry, type] of entries) {
      if (++seen > MAX_LISTED_ENTRIES)
        throw new Error(
          vscode.l10n.t('{0} holds more than {1} entries: remove it by hand first.', folder.fsPath, MAX_LISTED_ENTRIES),
        );
      const child = relative ? `${relative}/${entry}` : entry;
      // A link is a file here: replacing it never reaches what it points to.
      if (type === vscode.FileType.Directory) pending.push(child);
      else files.push(child);
    }
  }
  return files.sort();
}

/**
 * A skill of Anthropic's (or any source but the user's own) comes under its own terms: its license file is
 * opened first and the user asked. True when there is nothing to accept, or it was accepted.
 */
async function acceptLicense(
  skill: Skill,
  version: SkillVersion,
  files: ReadonlyMap<string, Uint8Array>,
  what: string,
  given: boolean | undefined,
): Promise<boolean> {
  if (isWritable(skill)) return true;
  const license = [...files.keys()].find((file) => LICENSE_FILE.test(file));
  if (license) {
    await vscode.window.showTextDocument(versionFileUri(skill.id, version.id, license), { preview: true });
  }
  if (given !== undefined) return given;
  const frontmatterLicense = skillBundle().parseSkillMd(new TextDecoder().decode(files.get('SKILL.md'))).data?.license;
  const terms = license
    ? vscode.l10n.t('Its terms are in {0}, now open in the editor.', license)
    : typeof frontmatterLicense === 'string'
      ? vscode.l10n.t('Its SKILL.md gives its license as: {0}', frontmatterLicense)
      : vscode.l10n.t('It names no license file: check its terms before you use or share it.');
  const install = vscode.l10n.t('Install');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} is not yours: install it under its license?', what),
    { modal: true, detail: terms },
    install,
  );
  return choice === install;
}

export function installInClaudeCode(deps: InstallDeps) {
  return async (arg?: unknown, _selected?: unknown, options: InstallOptions = {}): Promise<vscode.Uri | undefined> => {
    const { skill, version } = await chosenVersion(arg, deps.client);
    const name = version.name;
    if (!SAFE_FOLDER_NAME.test(name) || name.length > MAX_NAME_LENGTH) {
      throw new Error(
        vscode.l10n.t(
          "The name of {0}, {1}, cannot be a folder of Claude Code's skills: it must be lowercase letters, digits and single hyphens, at most {2} characters. Use Download Version to Folder… and name the folder yourself.",
          describeSkill(skill),
          JSON.stringify(name.slice(0, 80)),
          MAX_NAME_LENGTH,
        ),
      );
    }
    const what = describeSkill(skill, version, vscode.env.language);
    const root = await chooseRoot(name, options);
    if (!root) return undefined;
    const folder = vscode.Uri.joinPath(root, name);
    const all = await loadVersionFiles(deps, { skill, version });
    if (!(await acceptLicense(skill, version, all, what, options.acceptLicense))) return undefined;
    const chosen = await chooseFilesToWrite(
      all,
      what,
      { go: vscode.l10n.t('Install'), include: vscode.l10n.t('Install Them Too') },
      options.hiddenFiles,
    );
    if (!chosen) return undefined;
    const installed = await listInstalled(folder);
    if (installed.length > 0) {
      const overwritten = installed.filter((file) => chosen.files.has(file));
      const removed = installed.filter((file) => !chosen.files.has(file));
      const detail = [
        ...(overwritten.length > 0
          ? [vscode.l10n.t('Overwritten ({0}):', formatNumber(overwritten.length)), ...firstLines(overwritten)]
          : []),
        ...(overwritten.length > 0 && removed.length > 0 ? [''] : []),
        ...(removed.length > 0
          ? [vscode.l10n.t('Removed ({0}):', formatNumber(removed.length)), ...firstLines(removed)]
          : []),
      ].join('\n');
      const replace = vscode.l10n.t('Replace');
      const answer =
        options.replace ??
        (await vscode.window.showWarningMessage(
          vscode.l10n.t(
            '{0} already holds {1}. Replace them with {2}?',
            folder.fsPath,
            plural(installed.length, 'file'),
            what,
          ),
          { modal: true, detail },
          replace,
        )) === replace;
      if (!answer) return undefined;
      for (const file of removed) await vscode.workspace.fs.delete(targetOf(folder, file), { useTrash: false });
    }
    await writeFiles(folder, chosen.files);
    await rememberInstall(deps, folder, skill, version, chosen.files);
    const openSkillMd = vscode.l10n.t('Open SKILL.md');
    const where = isPersonalSkill(folder) ? `~/.claude/skills/${name}` : `.claude/skills/${name}`;
    void vscode.window
      .showInformationMessage(
        `Installed ${what} in Claude Code: ${where}, ${plural(chosen.files.size, 'file')}${chosen.leftOut > 0 ? `, ${chosen.leftOut} left out` : ''}.`,
        ...(chosen.files.has('SKILL.md') ? [openSkillMd] : []),
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(targetOf(folder, 'SKILL.md'));
      });
    return folder;
  };
}

/** The folder now holds that version: remembered as compared with it, so its row reads in sync. */
async function rememberInstall(
  deps: InstallDeps,
  folder: vscode.Uri,
  skill: Skill,
  version: SkillVersion,
  written: ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  await deps.targets.remember(folder, skill.id);
  await rememberComparison(deps.targets, folder, skill.id, version.id, await compareFolder(folder, new Map(written)));
}
