import * as path from 'node:path';
import * as vscode from 'vscode';
import { excludePatterns, lintTargets } from '../config';
import type { SkillProblem } from '../skill/problems';
import { skillModule } from '../skillModule';
import { folderOf } from './skillFolderWatcher';
import { describeError } from '../api/errors';

const SOURCE = 'Claude Skills';
const CHECK_DELAY_MS = 300;

/** Recent VS Code gives SKILL.md a language of its own (`skill`): match by file name, not language id. */
export function isSkillMd(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && path.basename(uri.fsPath) === 'SKILL.md';
}

/**
 * What the Skills API would refuse, in the Problems panel: on SKILL.md while it is edited (open, change,
 * save), and on the files a publish or a validation found wrong. One folder's problems replace its last.
 */
export class SkillDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('claudeSkills');
  /** The files that hold diagnostics, by skill folder path. */
  private readonly filesByFolder = new Map<string, vscode.Uri[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: Pick<vscode.LogOutputChannel, 'warn'>) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => this.check(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.checkSoon(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.check(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => isSkillMd(doc.uri) && this.clear(folderOf(doc.uri))),
    ];
    for (const doc of vscode.workspace.textDocuments) void this.check(doc);
  }

  /** Shows a folder's problems: by line on SKILL.md, on the file a problem names, the rest on SKILL.md's first line. */
  show(folder: vscode.Uri, problems: readonly SkillProblem[]): void {
    this.clear(folder);
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const problem of problems) {
      const uri = vscode.Uri.joinPath(folder, ...(problem.file ?? 'SKILL.md').split('/'));
      const line = Math.max((problem.line ?? 1) - 1, 0);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
        problem.message,
        problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = SOURCE;
      if (problem.rule) diagnostic.code = problem.rule;
      const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(diagnostic);
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, diagnostics } of byFile.values()) this.collection.set(uri, diagnostics);
    this.filesByFolder.set(
      folder.fsPath,
      [...byFile.values()].map((e) => e.uri),
    );
  }

  clear(folder: vscode.Uri): void {
    for (const uri of this.filesByFolder.get(folder.fsPath) ?? []) this.collection.delete(uri);
    this.filesByFolder.delete(folder.fsPath);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  private checkSoon(doc: vscode.TextDocument): void {
    if (!isSkillMd(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.check(doc), CHECK_DELAY_MS),
    );
  }

  private async check(doc: vscode.TextDocument): Promise<void> {
    if (!isSkillMd(doc.uri) || doc.isClosed) return;
    const folder = folderOf(doc.uri);
    try {
      const skill = await skillModule().inspectSkillFolder(folder.fsPath, {
        exclude: excludePatterns(),
        // Every consumer asked for: the Problems panel says who refuses what (a publish asks the API only).
        targets: lintTargets(),
        skillMdText: doc.getText(),
        scanContents: false,
      });
      if (!doc.isClosed) this.show(folder, skill.problems);
    } catch (err) {
      this.log.warn(`Checking ${doc.uri.fsPath}: ${describeError(err)}`);
    }
  }
}
