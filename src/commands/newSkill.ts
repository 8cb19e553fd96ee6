// New Skill…: asks the name (checked as it is typed, by the API's rules) and a description, then the folder
// to create it in, writes a SKILL.md the checks accept into `<folder>/<name>/`, and opens it.
import * as vscode from 'vscode';
import { fileNameProblem } from '../shared/fileNames';
import { skillBundle } from '../skillBundle';

/** For automation and tests, after the arguments VS Code passes: the answers, instead of asking. */
export interface NewSkillFolderOptions {
  name?: string;
  description?: string;
  parent?: vscode.Uri;
}

/** An answer given (checked, refused with the problem) or asked for (checked as it is typed). */
async function askChecked(
  given: string | undefined,
  problem: (value: string) => string | undefined,
  box: Pick<vscode.InputBoxOptions, 'title' | 'prompt' | 'placeHolder'>,
): Promise<string | undefined> {
  if (given !== undefined) {
    const refused = problem(given);
    if (refused) throw new Error(refused);
    return given.trim();
  }
  return (await vscode.window.showInputBox({ ...box, validateInput: problem }))?.trim();
}

/** A name the API takes may still be no folder on Windows (`con`, `nul`, `com1`): the folder is named after it. */
function folderNameProblem(name: string): string | undefined {
  const problem = fileNameProblem(name);
  return (
    problem && vscode.l10n.t('"{0}" cannot name a folder on every system ({1}): pick another name.', name, problem)
  );
}

function askName(given: string | undefined): Promise<string | undefined> {
  const { nameProblems } = skillBundle();
  const problem = (value: string) =>
    value.trim() ? (nameProblems(value.trim())[0] ?? folderNameProblem(value.trim())) : vscode.l10n.t('Enter a name.');
  return askChecked(given, problem, {
    title: vscode.l10n.t('New Skill (1/3): name'),
    prompt: vscode.l10n.t(
      "The skill's name: lowercase letters, digits and hyphens. It names the folder, and a published skill keeps it.",
    ),
    placeHolder: vscode.l10n.t('e.g. release-notes'),
  });
}

function askDescription(given: string | undefined): Promise<string | undefined> {
  const { descriptionProblems } = skillBundle();
  return askChecked(given, (value) => descriptionProblems(value)[0], {
    title: vscode.l10n.t('New Skill (2/3): description'),
    prompt: vscode.l10n.t('What the skill does and when Claude should use it: Claude reads this to decide.'),
  });
}

async function askParent(given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('New Skill (3/3): the folder to create it in'),
    defaultUri: root,
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Create the Skill Here'),
  });
  return picked?.[0];
}

export function newSkill() {
  return async (_arg?: unknown, _selected?: unknown, options: NewSkillFolderOptions = {}) => {
    const name = await askName(options.name);
    if (!name) return undefined;
    const description = await askDescription(options.description);
    if (!description) return undefined;
    const parent = await askParent(options.parent);
    if (!parent) return undefined;
    const folder = vscode.Uri.joinPath(parent, name);
    const exists = await vscode.workspace.fs.stat(folder).then(
      () => true,
      () => false,
    );
    if (exists) {
      throw new Error(
        vscode.l10n.t(
          '{0} already exists: pick another name, or another folder.',
          vscode.workspace.asRelativePath(folder, true),
        ),
      );
    }
    const skillMd = vscode.Uri.joinPath(folder, 'SKILL.md');
    await vscode.workspace.fs.writeFile(skillMd, Buffer.from(skillBundle().skillMdTemplate(name, description)));
    await vscode.window.showTextDocument(skillMd);
    return folder;
  };
}
