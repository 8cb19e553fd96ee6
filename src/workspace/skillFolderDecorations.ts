// The Explorer's badge on a skill folder with changes it has not published: "M" in source control's
// modified colour, like a changed file's. Only folders published or compared are looked at; every other
// folder, and every other state, has no badge.
import * as vscode from 'vscode';
import type { PublishTargets } from './publishTargets';
import type { SkillFolderWatcher } from './skillFolderWatcher';
import type { WorkspaceSkills } from './workspaceSkills';

export class SkillFolderDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private folders = new Set<string>();

  constructor(
    private readonly skills: Pick<WorkspaceSkills, 'row' | 'onDidChange'>,
    private readonly watcher: Pick<SkillFolderWatcher, 'all' | 'onDidChange'>,
    private readonly targets: Pick<PublishTargets, 'get' | 'recordOf'>,
  ) {
    this.subscription = vscode.Disposable.from(
      skills.onDidChange((folder) => this.changed.fire(folder)),
      watcher.onDidChange(() => void this.loadFolders()),
    );
    void this.loadFolders();
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (!this.folders.has(uri.toString()) || !(this.targets.get(uri) || this.targets.recordOf(uri))) return undefined;
    const state = (await this.skills.row(uri).catch(() => undefined))?.state;
    if (!state?.kinds.includes('modified')) return undefined;
    const diverged = state.kinds.includes('diverged');
    return {
      badge: 'M',
      color: new vscode.ThemeColor('gitDecoration.modifiedResourceForeground'),
      tooltip: diverged
        ? vscode.l10n.t('Claude Skills: changed here, and a newer version was published elsewhere')
        : vscode.l10n.t('Claude Skills: modified since published'),
      propagate: false,
    };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async loadFolders(): Promise<void> {
    const all = await this.watcher.all();
    this.folders = new Set(all.map((f) => f.toString()));
    this.changed.fire(all);
  }
}
