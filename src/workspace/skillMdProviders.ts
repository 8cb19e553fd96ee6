import * as vscode from 'vscode';
import { FrontmatterCompletions } from './frontmatterCompletions';
import { FrontmatterHovers } from './frontmatterHovers';
import { SkillCodeActions } from './skillCodeActions';
import { SKILL_MD_SELECTOR, type SkillDiagnostics } from './skillDiagnostics';

/** What the editor offers in SKILL.md beside its Problems: quick fixes, key hovers, key completion. */
export function registerSkillMdProviders(diagnostics: Pick<SkillDiagnostics, 'problemsOf'>): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider(
      SKILL_MD_SELECTOR,
      new SkillCodeActions(diagnostics),
      SkillCodeActions.metadata,
    ),
    vscode.languages.registerHoverProvider(SKILL_MD_SELECTOR, new FrontmatterHovers()),
    vscode.languages.registerCompletionItemProvider(SKILL_MD_SELECTOR, new FrontmatterCompletions()),
  ];
}
