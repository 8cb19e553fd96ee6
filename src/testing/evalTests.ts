// Skill Evals in the Test Explorer: one item per skill folder with eval files, under it one per eval (its id
// and the start of its prompt) and a Triggering item with one per query, each with its range in its JSON
// file so the editor shows run buttons on the entries. Kept current from the skill-folder watcher (folders
// come and go, files change on disk) and from unsaved edits; what is wrong with a file is a Problem that
// says what to fix, and an entry with an error is left out. Parsing is the evals engine's (lazy bundle).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { plural } from '../shared/words';
import { EvalTesting } from '../constants';
import type { CheckedInputs } from '../evals/evalInputs';
import type { EvalFileProblem, QualityEvals, TextSpan, TriggerQueries } from '../evals/evalFiles';
import { MAX_EVAL_FILE_BYTES, QUALITY_FILE, TOO_LARGE, TRIGGER_FILES, type TooLarge } from '../evals/evalFileNames';
import { skillBundle } from '../skillBundle';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import type { RulesTable } from '../workspace/rulesTable';

const SETTLE_MS = 300;
const SOURCE = 'Skill Evals';
const PROMPT_LABEL_CHARS = 50;

/** What one folder's eval files hold, as last read: what a run runs. */
export interface FolderEvals {
  folder: vscode.Uri;
  qualityUri?: vscode.Uri;
  triggerUri?: vscode.Uri;
  quality?: QualityEvals;
  triggers?: TriggerQueries;
  inputs?: CheckedInputs;
  /** The text each file was parsed from, for ranges. */
  texts: Map<string, string>;
}

export type EvalItemKind =
  | { kind: 'folder'; folder: FolderEvals }
  | { kind: 'eval'; folder: FolderEvals; id: number }
  | { kind: 'triggering'; folder: FolderEvals }
  | { kind: 'query'; folder: FolderEvals; index: number };

const oneLine = (text: string, max: number) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
};

export class EvalTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController(EvalTesting.controllerId, EvalTesting.controllerLabel);
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('claudeSkills.evals');
  private readonly folders = new Map<string, FolderEvals>();
  /** By item id: what VS Code hands a run handler is found by id, whatever object it is. */
  private readonly kinds = new Map<string, EvalItemKind>();
  private readonly items = new Map<string, vscode.TestItem>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];
  private discovered: Promise<void> | undefined;

  constructor(
    private readonly watcher: Pick<SkillFolderWatcher, 'all' | 'onDidChange' | 'onDidTouch'>,
    private readonly rules: Pick<RulesTable, 'load' | 'code'>,
  ) {
    // Found when first wanted (the Testing view, an eval file opened), not at VS Code's start.
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discover();
    };
    this.controller.refreshHandler = () => this.rediscover();
    this.subscriptions = [
      watcher.onDidChange(() => this.discovered && void this.scan()),
      watcher.onDidTouch((uri) => this.discovered && this.touched(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.discovered && this.touched(e.document.uri)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.discovered && this.touched(doc.uri)),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (!this.isEvalFile(doc.uri)) return;
        if (this.discovered) this.touched(doc.uri);
        else void this.discover();
      }),
    ];
    if (vscode.workspace.textDocuments.some((doc) => this.isEvalFile(doc.uri))) void this.discover();
  }

  /** Every folder found and read, once; later calls wait for the same. */
  discover(): Promise<void> {
    return this.discovered ?? this.rediscover();
  }

  /** Every folder read again (the Test Explorer's refresh); from then on, changes are followed. */
  rediscover(): Promise<void> {
    const scan = this.scan();
    this.discovered ??= scan;
    return scan;
  }

  private async scan(): Promise<void> {
    await this.rules.load();
    const folders = await this.watcher.all();
    const keys = new Set(folders.map((f) => f.toString()));
    for (const key of [...this.folders.keys()]) if (!keys.has(key)) this.forget(key);
    await Promise.all(folders.map((folder) => this.refresh(folder)));
  }

  /** The folders read so far, and the kind of an item of this controller. */
  folder(folder: vscode.Uri): FolderEvals | undefined {
    return this.folders.get(folder.toString());
  }

  kindOf(item: vscode.TestItem): EvalItemKind | undefined {
    return this.kinds.get(item.id);
  }

  itemOf(id: string): vscode.TestItem | undefined {
    return this.items.get(id);
  }

  allFolders(): FolderEvals[] {
    return [...this.folders.values()];
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of [...this.subscriptions, this.controller, this.diagnostics]) d.dispose();
  }

  private isEvalFile(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && [QUALITY_FILE, ...TRIGGER_FILES].some((f) => uri.path.endsWith(`/${f}`));
  }

  /**
   * A file changed: the skill folder whose `evals/` holds it (one with eval files already, or one that just
   * got them) is read again once the changes settle.
   */
  private touched(uri: vscode.Uri): void {
    if (!/\/evals(\/|$)/.test(uri.path)) return;
    void this.watcher.all().then((folders) => {
      const evals = (f: vscode.Uri) => `${f.path}/evals`;
      const folder = folders.find((f) => uri.path === evals(f) || uri.path.startsWith(`${evals(f)}/`));
      if (!folder) return;
      const key = folder.toString();
      clearTimeout(this.timers.get(key));
      this.timers.set(
        key,
        setTimeout(() => void this.refresh(folder), SETTLE_MS),
      );
    });
  }

  private forget(key: string): void {
    const entry = this.folders.get(key);
    this.folders.delete(key);
    this.controller.items.delete(key);
    for (const id of [...this.kinds.keys()]) {
      if (id !== key && !id.startsWith(`${key}#`)) continue;
      this.kinds.delete(id);
      this.items.delete(id);
    }
    for (const uri of [entry?.qualityUri, entry?.triggerUri]) if (uri) this.diagnostics.delete(uri);
  }

  /**
   * The file's text: the editor's while it is open (unsaved edits count), else from disk; undefined when
   * there is no such file, and TOO_LARGE past the bound.
   */
  private async textOf(uri: vscode.Uri): Promise<string | TooLarge | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    const stat = await vscode.workspace.fs.stat(uri).then(
      (s) => s,
      () => undefined,
    );
    if (!stat || !(stat.type & vscode.FileType.File)) return undefined;
    if (stat.size > MAX_EVAL_FILE_BYTES) return TOO_LARGE;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  /** Reads one folder's eval files again: its items, its Problems. */
  async refresh(folder: vscode.Uri): Promise<void> {
    const key = folder.toString();
    const uriOf = (relativePath: string) => vscode.Uri.joinPath(folder, ...relativePath.split('/'));
    const { quality, triggers } = await skillBundle().readFolderEvals(folder.fsPath, (relativePath) =>
      this.textOf(uriOf(relativePath)),
    );
    const entry: FolderEvals = { folder, texts: new Map() };
    const problems = new Map<string, EvalFileProblem[]>();
    if (quality) {
      entry.qualityUri = uriOf(quality.path);
      entry.texts.set(entry.qualityUri.toString(), quality.text);
      entry.quality = quality.parsed;
      entry.inputs = quality.inputs;
      problems.set(entry.qualityUri.toString(), quality.problems);
    }
    if (triggers) {
      entry.triggerUri = uriOf(triggers.path);
      entry.texts.set(entry.triggerUri.toString(), triggers.text);
      entry.triggers = triggers.parsed;
      problems.set(entry.triggerUri.toString(), triggers.problems);
    }
    for (const old of [this.folders.get(key)?.qualityUri, this.folders.get(key)?.triggerUri]) {
      if (old) this.diagnostics.delete(old);
    }
    if (!entry.qualityUri && !entry.triggerUri) return this.forget(key);
    this.folders.set(key, entry);
    for (const [uri, list] of problems) this.showProblems(vscode.Uri.parse(uri), entry.texts.get(uri) ?? '', list);
    this.controller.items.add(this.folderItem(entry));
  }

  private showProblems(uri: vscode.Uri, text: string, problems: readonly EvalFileProblem[]): void {
    this.diagnostics.set(
      uri,
      problems.map((p) => {
        const d = new vscode.Diagnostic(
          rangeOf(text, p.span),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = SOURCE;
        d.code = this.rules.code(p.rule ?? 'evals-file');
        return d;
      }),
    );
  }

  private item(id: string, label: string, kind: EvalItemKind, uri?: vscode.Uri): vscode.TestItem {
    const item = this.controller.createTestItem(id, label, uri);
    this.kinds.set(id, kind);
    this.items.set(id, item);
    return item;
  }

  private folderItem(entry: FolderEvals): vscode.TestItem {
    const key = entry.folder.toString();
    const folder = this.item(key, path.basename(entry.folder.fsPath), { kind: 'folder', folder: entry }, entry.folder);
    folder.description = vscode.workspace.asRelativePath(entry.folder, true);
    const children: vscode.TestItem[] = [];
    const quality = entry.qualityUri && entry.quality;
    if (quality) {
      const text = entry.texts.get(entry.qualityUri!.toString()) ?? '';
      for (const e of quality.evals) {
        const item = this.item(
          `${key}#eval-${e.id}`,
          `${e.id}: ${oneLine(e.prompt, PROMPT_LABEL_CHARS)}`,
          { kind: 'eval', folder: entry, id: e.id },
          entry.qualityUri,
        );
        item.range = rangeOf(text, e.span);
        item.description = plural(e.expectations.length, 'expectation');
        children.push(item);
      }
    }
    if (entry.triggerUri && entry.triggers && entry.triggers.queries.length > 0) {
      const text = entry.texts.get(entry.triggerUri.toString()) ?? '';
      const group = this.item(
        `${key}#triggering`,
        'Triggering',
        { kind: 'triggering', folder: entry },
        entry.triggerUri,
      );
      group.range = rangeOf(text, { offset: 0, length: 0 });
      group.children.replace(
        entry.triggers.queries.map((q) => {
          const item = this.item(
            `${key}#query-${q.index}`,
            `${q.index}: ${oneLine(q.query, PROMPT_LABEL_CHARS)}`,
            { kind: 'query', folder: entry, index: q.index },
            entry.triggerUri,
          );
          item.range = rangeOf(text, q.span);
          item.description = q.shouldTrigger ? vscode.l10n.t('should trigger') : vscode.l10n.t('should not trigger');
          return item;
        }),
      );
      children.push(group);
    }
    folder.children.replace(children);
    return folder;
  }
}

export function rangeOf(text: string, span: TextSpan): vscode.Range {
  const { positionAt } = skillBundle();
  const start = positionAt(text, span.offset);
  const end = positionAt(text, span.offset + span.length);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}
