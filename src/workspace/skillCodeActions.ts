import * as vscode from 'vscode';
import { InternalCommandIds } from '../constants';
import type { ProblemFix } from '../skill/problems';
import { rangeOf, type ShownProblem, type SkillDiagnostics } from './skillDiagnostics';

/**
 * The quick fixes of SKILL.md's problems, as the checks made them: text edits only while the document
 * still holds the text they were made for; a file created never over one that exists; a folder rename
 * through the command that carries the folder's publish record.
 */
export class SkillCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly diagnostics: Pick<SkillDiagnostics, 'problemsOf'>) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const text = document.getText();
    // Two findings on one line (a reserved word and a bad character in `name`) share their fixes: one action each.
    const byTitle = new Map<string, vscode.CodeAction>();
    for (const shown of this.diagnostics.problemsOf(document.uri, context.diagnostics)) {
      const fixes = (shown.problem.fixes ?? []).filter((fix) => !fix.edits?.length || shown.checkedText === text);
      fixes.forEach((fix, i) => {
        const same = byTitle.get(fix.title);
        if (same) same.diagnostics?.push(shown.diagnostic);
        else byTitle.set(fix.title, this.action(document, shown, fix, i === 0));
      });
    }
    return [...byTitle.values()];
  }

  private action(document: vscode.TextDocument, shown: ShownProblem, fix: ProblemFix, first: boolean) {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [shown.diagnostic];
    action.isPreferred = first && !fix.renameFolder;
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits ?? []) edit.replace(document.uri, rangeOf(e.region), e.newText);
    if (fix.createFile) {
      // No `contents`: an edit that carries bytes does not survive the trip back from a code action.
      edit.createFile(vscode.Uri.joinPath(shown.folder, ...fix.createFile.split('/')), { ignoreIfExists: true });
    }
    action.edit = edit;
    if (fix.renameFolder) {
      action.command = {
        command: InternalCommandIds.renameSkillFolder,
        title: fix.title,
        arguments: [shown.folder, fix.renameFolder],
      };
    }
    return action;
  }
}
