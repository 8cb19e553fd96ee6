import * as vscode from 'vscode';
import { lintTargets } from '../config';
import { skillBundle } from '../skillBundle';
import { folderOf } from './skillFolderWatcher';

/** At a line's start in SKILL.md's frontmatter: the keys the folder's consumers take, not written yet. */
export class FrontmatterCompletions implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const { keyCompletions, targetsOf } = skillBundle();
    const targets = targetsOf(folderOf(document.uri).fsPath, lintTargets());
    const keys = keyCompletions(document.getText(), position.line, position.character, targets) ?? [];
    return keys.map(({ key, takenBy, about }) => {
      const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
      item.detail = takenBy;
      item.documentation = about;
      item.insertText = `${key}: `;
      item.range = new vscode.Range(position.line, 0, position.line, position.character);
      return item;
    });
  }
}
