import * as vscode from 'vscode';
import { showPersonalSkills } from '../config';
import { ContextKeys, setContext } from '../constants';
import { personalSkillsRoot } from './personalSkills';
import { SKIPPED_FOLDERS, isEvalResult } from '../skill/folderSearch';

const SKILL_MD_GLOB = '**/SKILL.md';
/** What folderSearch.ts's rules leave out, as a findFiles exclude (whatever files.exclude says). */
const EVAL_RESULTS = '**/iteration-*/eval-*/**';
const SEARCH_EXCLUDE = `{${[...SKIPPED_FOLDERS.map((name) => `**/${name}/**`), EVAL_RESULTS].join(',')}}`;
/** Entries created within this long of each other are looked at together. */
const SETTLE_MS = 200;
/** Past this many folders created at once, the whole workspace is searched again instead. */
const MAX_FOLDERS_SEARCHED = 50;
/** Entries of `~/.claude/skills` looked at: a hostile or huge folder cannot make a listing endless. */
const MAX_PERSONAL_ENTRIES = 1000;

/**
 * The workspace's skill folders (each folder holding a SKILL.md), found with findFiles and kept current
 * by a file watcher. Published as the context key `claudeSkills.skillFolders` (their paths), which the
 * Explorer's menu entries test with `resourcePath in claudeSkills.skillFolders`. A folder created with its
 * files at once (a checkout, a copy) may be told as the folder alone: a created folder is searched. The
 * user's `~/.claude/skills/<name>/` folders count too (`claudeSkills.showPersonalSkills`): findFiles sees only
 * the workspace, so that folder is listed, and watched with a pattern of its own.
 */
export class SkillFolderWatcher implements vscode.Disposable {
  private folders = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** A skill folder appeared or went. */
  readonly onDidChange = this.changed.event;
  private readonly touched = new vscode.EventEmitter<vscode.Uri>();
  /**
   * A file or folder was created, changed or deleted on disk (by any program: `git pull`, a script, another
   * editor), or a `.skillignore` changed: what may change a folder's files.
   */
  readonly onDidTouch = this.touched.event;
  /** SKILL.md files, wherever they are (`.claude/skills/…` too). */
  private readonly skillMdWatcher = vscode.workspace.createFileSystemWatcher(SKILL_MD_GLOB, false, true, false);
  /** Folders created or deleted whole (`**\/*` leaves out dot files and folders, which the other covers). */
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*');
  /** A `.skillignore` changes which files a folder holds; as a dot file, `**\/*` does not see it. */
  private readonly skillignoreWatcher = vscode.workspace.createFileSystemWatcher('**/.skillignore');
  /** `~/.claude/skills`, while it is shown: any change there lists it again. */
  private personalWatcher: vscode.FileSystemWatcher | undefined;
  private personalTimer: NodeJS.Timeout | undefined;
  private readonly configuration: vscode.Disposable;
  private scan: Promise<void>;
  private created: vscode.Uri[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor() {
    for (const watcher of [this.skillMdWatcher, this.watcher]) {
      watcher.onDidCreate((uri) => (this.onCreate(uri), this.touched.fire(uri)));
      watcher.onDidDelete((uri) => (this.remove(uri), this.touched.fire(uri)));
    }
    // A save in an editor and a write on disk look alike here: both change the file's content.
    this.watcher.onDidChange((uri) => this.touched.fire(uri));
    for (const event of ['onDidCreate', 'onDidChange', 'onDidDelete'] as const) {
      this.skillignoreWatcher[event]((uri) => this.touched.fire(uri));
    }
    this.watchPersonal();
    this.configuration = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('claudeSkills.showPersonalSkills')) return;
      this.watchPersonal();
      this.scan = this.rescan().catch(() => undefined);
    });
    this.scan = this.rescan().catch(() => undefined);
  }

  private watchPersonal(): void {
    this.personalWatcher?.dispose();
    this.personalWatcher = undefined;
    if (!showPersonalSkills()) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(personalSkillsRoot(), '**'));
    for (const event of ['onDidCreate', 'onDidChange', 'onDidDelete'] as const) {
      watcher[event]((uri) => {
        this.touched.fire(uri);
        if (event === 'onDidChange') return;
        clearTimeout(this.personalTimer);
        this.personalTimer = setTimeout(() => (this.scan = this.rescan().catch(() => undefined)), SETTLE_MS);
      });
    }
    this.personalWatcher = watcher;
  }

  /** Every skill folder, sorted by path; waits for the searches under way. */
  async all(): Promise<vscode.Uri[]> {
    await this.scan;
    return [...this.folders.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.personalTimer);
    this.personalWatcher?.dispose();
    for (const disposable of [
      this.skillMdWatcher,
      this.watcher,
      this.skillignoreWatcher,
      this.configuration,
      this.changed,
      this.touched,
    ])
      disposable.dispose();
  }

  private async rescan(): Promise<void> {
    const [found, personal] = await Promise.all([
      vscode.workspace.findFiles(SKILL_MD_GLOB, SEARCH_EXCLUDE),
      this.personalWatcher ? listPersonalSkills() : [],
    ]);
    this.folders = new Map([...found.map(folderOf), ...personal].map((folder) => [folder.fsPath, folder]));
    await this.publish();
  }

  private onCreate(uri: vscode.Uri): void {
    if (uri.path.split('/').some((segment) => SKIPPED_FOLDERS.includes(segment)) || isEvalResult(uri.path)) return;
    if (uri.path.endsWith('/SKILL.md')) {
      const folder = folderOf(uri);
      if (!this.folders.has(folder.fsPath)) {
        this.folders.set(folder.fsPath, folder);
        void this.publish();
      }
      return;
    }
    // Perhaps a folder: looked at with the others created about now.
    this.created.push(uri);
    clearTimeout(this.timer);
    // A folder gone before it was searched fails the search: the whole workspace is searched instead.
    const search = () => this.searchCreated().catch(() => this.rescan());
    this.timer = setTimeout(() => (this.scan = search().catch(() => undefined)), SETTLE_MS);
  }

  private async searchCreated(): Promise<void> {
    const created = this.created;
    this.created = [];
    const stats = await Promise.all(
      created.map((uri) =>
        vscode.workspace.fs.stat(uri).then(
          (s) => s,
          () => undefined,
        ),
      ),
    );
    const dirs = created.filter((_, i) => stats[i] && stats[i].type & vscode.FileType.Directory);
    if (dirs.length === 0) return;
    if (dirs.length > MAX_FOLDERS_SEARCHED) return this.rescan();
    let added = false;
    for (const dir of dirs) {
      for (const skillMd of await vscode.workspace.findFiles(
        new vscode.RelativePattern(dir, SKILL_MD_GLOB),
        SEARCH_EXCLUDE,
      )) {
        const folder = folderOf(skillMd);
        if (this.folders.has(folder.fsPath)) continue;
        this.folders.set(folder.fsPath, folder);
        added = true;
      }
    }
    if (added) await this.publish();
  }

  /** A SKILL.md deleted, or a folder holding skill folders. */
  private remove(uri: vscode.Uri): void {
    const gone = uri.path.endsWith('/SKILL.md') ? [folderOf(uri).path] : [uri.path];
    let removed = false;
    for (const [key, folder] of this.folders) {
      if (gone.some((path) => folder.path === path || folder.path.startsWith(`${path}/`))) {
        this.folders.delete(key);
        removed = true;
      }
    }
    if (removed) void this.publish();
  }

  private async publish(): Promise<void> {
    this.changed.fire();
    const paths = [...this.folders.values()].map((uri) => uri.path);
    await setContext(vscode.commands, ContextKeys.skillFolders, paths);
    await setContext(vscode.commands, ContextKeys.hasSkillFolders, paths.length > 0);
  }
}

export function folderOf(skillMd: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(skillMd, '..');
}

/** The folders of `~/.claude/skills` that hold a SKILL.md; none when it does not exist. */
async function listPersonalSkills(): Promise<vscode.Uri[]> {
  const root = personalSkillsRoot();
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(root)).catch(() => []);
  const folders = entries
    .filter(([, type]) => type & vscode.FileType.Directory)
    .slice(0, MAX_PERSONAL_ENTRIES)
    .map(([name]) => vscode.Uri.joinPath(root, name));
  const held = await Promise.all(
    folders.map((folder) =>
      Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, 'SKILL.md'))).then(
        (stat) => (stat.type & vscode.FileType.File) !== 0,
        () => false,
      ),
    ),
  );
  return folders.filter((_, i) => held[i]);
}
