// The run documents of Try in Claude and what they link to, served read-only under our own scheme: the
// document itself (re-rendered as the stream arrives, at most 4 times a second), the whole outputs it cuts,
// and the files the run produced. Nothing is written to disk until Save Run Files… is asked.
import * as vscode from 'vscode';
import { ReadOnlyFileSystem } from './readOnlyFileSystem';
import { renderRun, type RenderedRun, type RunView } from '../runs/runMarkdown';

export const RUN_SCHEME = 'claude-skills-run';
/** Runs kept for their documents; an older one's document then says it is gone. */
const KEPT_RUNS = 20;
/** At most 4 updates a second: a fast stream would otherwise re-render the editor per token. */
const UPDATE_INTERVAL_MS = 250;

interface Run {
  view: RunView;
  rendered?: RenderedRun;
  /** The rendered document's bytes: VS Code stats and reads it once per update, and more when it opens. */
  documentBytes?: Uint8Array;
  documentUri: vscode.Uri;
  lastFired: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class RunFileSystem extends ReadOnlyFileSystem implements vscode.FileSystemProvider {
  private readonly runs = new Map<string, Run>();
  protected readonly readOnlyMessage = 'A run document is read-only: Save Run Files… writes its files to a folder.';
  private count = 0;

  /** A new run's document: `claude-skills-run:/<run>/<name>.md`. */
  create(view: RunView, name: string): vscode.Uri {
    const id = `run-${++this.count}`;
    const documentUri = vscode.Uri.from({ scheme: RUN_SCHEME, path: `/${id}/${name}.md` });
    this.runs.set(id, { view, documentUri, lastFired: 0 });
    if (this.runs.size > KEPT_RUNS) this.runs.delete(this.runs.keys().next().value!);
    return documentUri;
  }

  /** Changes a run's view; its document hears of it within UPDATE_INTERVAL_MS. */
  update(uri: vscode.Uri, change: (view: RunView) => RunView): void {
    const run = this.runOf(uri);
    if (!run) return;
    run.view = change(run.view);
    run.rendered = undefined;
    run.documentBytes = undefined;
    if (run.timer) return;
    const wait = Math.max(0, run.lastFired + UPDATE_INTERVAL_MS - Date.now());
    run.timer = setTimeout(() => this.fire(run), wait);
  }

  /** Sends what is pending now (the run ended: its last state must not wait). */
  flush(uri: vscode.Uri): void {
    const run = this.runOf(uri);
    if (run?.timer) this.fire(run);
  }

  view(uri: vscode.Uri): RunView | undefined {
    return this.runOf(uri)?.view;
  }

  private fire(run: Run): void {
    clearTimeout(run.timer);
    run.timer = undefined;
    run.lastFired = Date.now();
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: run.documentUri }]);
  }

  private runOf(uri: vscode.Uri): Run | undefined {
    return this.runs.get(uri.path.split('/')[1] ?? '');
  }

  private rendered(run: Run): RenderedRun {
    return (run.rendered ??= renderRun(run.view));
  }

  /** The bytes at `uri`: the document, a cut output, or a produced file. */
  private content(uri: vscode.Uri): Uint8Array | undefined {
    const run = this.runOf(uri);
    if (!run) return undefined;
    if (uri.path === run.documentUri.path)
      return (run.documentBytes ??= new TextEncoder().encode(this.rendered(run).markdown));
    const rest = uri.path.split('/').slice(2).join('/');
    if (rest.startsWith('files/')) return run.view.files?.find((f) => `files/${f.name}` === rest)?.data;
    const text = this.rendered(run).outputs.get(rest);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const data = this.content(uri);
    const stat = { ctime: 0, mtime: this.runOf(uri)?.lastFired ?? 0, permissions: vscode.FilePermission.Readonly };
    if (data) return { ...stat, type: vscode.FileType.File, size: data.byteLength };
    if (this.runOf(uri)) return { ...stat, type: vscode.FileType.Directory, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.content(uri);
    if (data) return data;
    throw vscode.FileSystemError.FileNotFound(
      this.runOf(uri)
        ? uri
        : vscode.l10n.t('{0}: this run is gone (only the last {1} are kept); try again.', uri.path, KEPT_RUNS),
    );
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const run = this.runOf(uri);
    if (!run) throw vscode.FileSystemError.FileNotFound(uri);
    return [[run.documentUri.path.split('/')[2], vscode.FileType.File]];
  }

  override dispose(): void {
    for (const run of this.runs.values()) clearTimeout(run.timer);
    super.dispose();
  }
}
