import * as vscode from 'vscode';
import { ViewIds } from '../constants';
import type { WorkspaceSkills } from '../workspace/workspaceSkills';
import { WorkspaceSkillsProvider, type WorkspaceSkillsNode } from './workspaceSkillsProvider';

/**
 * The Workspace Skills view around its provider: the first time it shows (for a key, API and workspace),
 * the target skills' latest versions are read and names looked up (see WorkspaceSkills.refreshRemote).
 */
export class WorkspaceSkillsView implements vscode.Disposable {
  readonly treeView: vscode.TreeView<WorkspaceSkillsNode>;
  readonly provider: WorkspaceSkillsProvider;
  private readonly subscription: vscode.Disposable;
  private remoteRead = false;

  constructor(private readonly skills: WorkspaceSkills) {
    this.provider = new WorkspaceSkillsProvider(skills);
    this.treeView = vscode.window.createTreeView(ViewIds.workspaceSkills, { treeDataProvider: this.provider });
    this.subscription = this.treeView.onDidChangeVisibility((e) => e.visible && this.readRemoteOnce());
    if (this.treeView.visible) this.readRemoteOnce();
  }

  dispose(): void {
    this.subscription.dispose();
    this.treeView.dispose();
    this.provider.dispose();
  }

  /** Another key, API or workspace: read again, now if the view shows, else when it does. */
  accountChanged(): void {
    this.skills.accountChanged();
    this.remoteRead = false;
    if (this.treeView.visible) this.readRemoteOnce();
  }

  private readRemoteOnce(): void {
    if (this.remoteRead) return;
    this.remoteRead = true;
    void this.skills.refreshRemote();
  }
}
