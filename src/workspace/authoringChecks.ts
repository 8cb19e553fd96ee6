// The authoring checks in the editor, built once: the Problems of skill folders (and their codes' links to
// the README's rules table), the workspace's trigger collisions, and what SKILL.md offers beside them —
// quick fixes, key hovers, key completion.
import * as vscode from 'vscode';
import { FrontmatterCompletions } from './frontmatterCompletions';
import { FrontmatterHovers } from './frontmatterHovers';
import { RulesTable } from './rulesTable';
import { SkillCodeActions } from './skillCodeActions';
import { SKILL_MD_SELECTOR, SkillDiagnostics } from './skillDiagnostics';
import type { SkillFolderWatcher } from './skillFolderWatcher';
import { TriggerCollisions } from './triggerCollisions';

export interface AuthoringChecks {
  rules: RulesTable;
  diagnostics: SkillDiagnostics;
  collisions: TriggerCollisions;
  disposables: vscode.Disposable[];
}

export function registerAuthoringChecks(
  folders: SkillFolderWatcher,
  log: Pick<vscode.LogOutputChannel, 'warn'>,
  extensionUri: vscode.Uri,
): AuthoringChecks {
  const rules = new RulesTable(extensionUri);
  const diagnostics = new SkillDiagnostics(log, rules);
  const collisions = new TriggerCollisions(folders, log, rules);
  const disposables = [
    diagnostics,
    collisions,
    vscode.languages.registerCodeActionsProvider(
      SKILL_MD_SELECTOR,
      new SkillCodeActions(diagnostics),
      SkillCodeActions.metadata,
    ),
    vscode.languages.registerHoverProvider(SKILL_MD_SELECTOR, new FrontmatterHovers()),
    vscode.languages.registerCompletionItemProvider(SKILL_MD_SELECTOR, new FrontmatterCompletions()),
  ];
  return { rules, diagnostics, collisions, disposables };
}
