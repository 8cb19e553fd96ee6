// The user's own skills folder, where Claude Code finds skills for every project: `~/.claude/skills`.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Read at each use: `HOME` is what Claude Code reads too. */
export const personalSkillsRoot = () => vscode.Uri.file(path.join(os.homedir(), '.claude', 'skills'));

/** Whether `folder` is one of the user's personal skill folders (directly under the root). */
export const isPersonalSkill = (folder: vscode.Uri) => path.dirname(folder.fsPath) === personalSkillsRoot().fsPath;
