import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../constants';

const SKILL_MD_GLOB = '**/SKILL.md';
/** Folders never searched for skills: dependencies and tool state, whatever files.exclude says. */
const SKIPPED_FOLDERS = ['node_modules', '.git', '.venv', '__pycache__'];
const SEARCH_EXCLUDE = `{${SKIPPED_FOLDERS.map((name) => `**/${name}/**`).join(',')}}`;

/**
 * The workspace's skill folders (each folder holding a SKILL.md), found with findFiles and kept current
 * by a file watcher. Published as the context key `claudeSkills.skillFolders` (their paths), which the
 * Explorer's menu entries test with `resourcePath in claudeSkills.skillFolders`.
 */
export class SkillFolderWatcher implements vscode.Disposable {
  private folders = new Map<string, vscode.Uri>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(SKILL_MD_GLOB);
  private readonly scan: Promise<void>;

  constructor() {
    this.watcher.onDidCreate((uri) => this.add(uri));
    this.watcher.onDidDelete((uri) => this.remove(uri));
    this.scan = this.rescan();
  }

  /** Every skill folder, sorted by path; waits for the first search. */
  async all(): Promise<vscode.Uri[]> {
    await this.scan;
    return [...this.folders.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  }

  dispose(): void {
    this.watcher.dispose();
  }

  private async rescan(): Promise<void> {
    const found = await vscode.workspace.findFiles(SKILL_MD_GLOB, SEARCH_EXCLUDE);
    this.folders = new Map(found.map((uri) => [folderOf(uri).fsPath, folderOf(uri)]));
    await this.publish();
  }

  private add(skillMd: vscode.Uri): void {
    if (skillMd.path.split('/').some((segment) => SKIPPED_FOLDERS.includes(segment))) return;
    const folder = folderOf(skillMd);
    this.folders.set(folder.fsPath, folder);
    void this.publish();
  }

  private remove(skillMd: vscode.Uri): void {
    if (this.folders.delete(folderOf(skillMd).fsPath)) void this.publish();
  }

  private async publish(): Promise<void> {
    const paths = [...this.folders.values()].map((uri) => uri.path);
    await setContext(vscode.commands, ContextKeys.skillFolders, paths);
    await setContext(vscode.commands, ContextKeys.hasSkillFolders, paths.length > 0);
  }
}

export function folderOf(skillMd: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(skillMd, '..');
}
