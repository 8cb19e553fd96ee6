import * as vscode from 'vscode';
import { lintTargets } from '../config';
import { skillBundle } from '../skillBundle';
import { folderOf } from './skillFolderWatcher';

/** A frontmatter key's hover in SKILL.md: what it does, which consumers take it, and what the others do. */
export class FrontmatterHovers implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { keyAt, keyHover, targetsOf } = skillBundle();
    const key = keyAt(document.getText(), position.line, position.character);
    if (key === undefined) return undefined;
    const targets = targetsOf(folderOf(document.uri).fsPath, lintTargets());
    return new vscode.Hover(
      new vscode.MarkdownString(keyHover(key, targets)),
      new vscode.Range(position.line, 0, position.line, key.length),
    );
  }
}
