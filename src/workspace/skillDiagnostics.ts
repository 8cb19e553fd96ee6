import * as path from 'node:path';
import * as vscode from 'vscode';
import { excludePatterns, lintTargets } from '../config';
import type { SkillProblem, TextRegion } from '../skill/problems';
import { skillBundle } from '../skillBundle';
import { folderOf } from './skillFolderWatcher';
import { describeError } from '../api/errors';
import type { RulesTable } from './rulesTable';

export const DIAGNOSTIC_SOURCE = 'Claude Skills';
const CHECK_DELAY_MS = 300;

/** A diagnostic shown, with the problem it came from and the text of its file it was found in (when known). */
export interface ShownProblem {
  diagnostic: vscode.Diagnostic;
  problem: SkillProblem;
  folder: vscode.Uri;
  checkedText: string | undefined;
}

export const rangeOf = (region: TextRegion) =>
  new vscode.Range(region.line - 1, region.column - 1, region.endLine - 1, region.endColumn - 1);

/** SKILL.md whatever its language id: `skill` in recent VS Code, `markdown` before. */
export const SKILL_MD_SELECTOR: vscode.DocumentFilter = { scheme: 'file', pattern: '**/SKILL.md' };

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
  /** What each file's diagnostics came from, for the quick fixes. */
  private readonly shownByFile = new Map<string, ShownProblem[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly rules: RulesTable,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => this.check(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.checkSoon(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.check(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => isSkillMd(doc.uri) && this.clear(folderOf(doc.uri))),
    ];
    for (const doc of vscode.workspace.textDocuments) void this.check(doc);
  }

  /**
   * Shows a folder's problems: where they are on SKILL.md, on the file a problem names, the rest on SKILL.md's
   * first line. `skillMdText` is the text SKILL.md was checked in: its fixes' edits are offered only while the
   * document still holds it.
   */
  show(folder: vscode.Uri, problems: readonly SkillProblem[], skillMdText?: string): void {
    this.clear(folder);
    const byFile = new Map<string, { uri: vscode.Uri; shown: ShownProblem[] }>();
    for (const problem of problems) {
      const file = problem.file ?? 'SKILL.md';
      const uri = vscode.Uri.joinPath(folder, ...file.split('/'));
      const line = Math.max((problem.line ?? 1) - 1, 0);
      const diagnostic = new vscode.Diagnostic(
        problem.region ? rangeOf(problem.region) : new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
        problem.message,
        problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = this.rules.code(problem.rule);
      const entry = byFile.get(uri.toString()) ?? { uri, shown: [] };
      entry.shown.push({ diagnostic, problem, folder, checkedText: file === 'SKILL.md' ? skillMdText : undefined });
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, shown } of byFile.values()) {
      this.collection.set(
        uri,
        shown.map((s) => s.diagnostic),
      );
      this.shownByFile.set(uri.toString(), shown);
    }
    this.filesByFolder.set(
      folder.fsPath,
      [...byFile.values()].map((e) => e.uri),
    );
  }

  /** The problems behind `diagnostics` of `uri` (the copies a code action request carries), matched by place and words. */
  problemsOf(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): ShownProblem[] {
    const shown = this.shownByFile.get(uri.toString()) ?? [];
    return shown.filter((s) =>
      diagnostics.some(
        (d) =>
          d.source === DIAGNOSTIC_SOURCE && d.message === s.diagnostic.message && d.range.isEqual(s.diagnostic.range),
      ),
    );
  }

  clear(folder: vscode.Uri): void {
    for (const uri of this.filesByFolder.get(folder.fsPath) ?? []) {
      this.collection.delete(uri);
      this.shownByFile.delete(uri.toString());
    }
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
      const text = doc.getText();
      await this.rules.load();
      const skill = await skillBundle().inspectSkillFolder(folder.fsPath, {
        exclude: excludePatterns(),
        // Every consumer asked for: the Problems panel says who refuses what (a publish asks the API only).
        targets: lintTargets(),
        skillMdText: text,
        scanContents: false,
      });
      if (!doc.isClosed) this.show(folder, skill.problems, text);
    } catch (err) {
      this.log.warn(`Checking ${doc.uri.fsPath}: ${describeError(err)}`);
    }
  }
}
