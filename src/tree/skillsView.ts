import * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { keyHint, type ApiKey, type ApiKeyStore } from '../auth/apiKeyStore';
import type { Log } from '../log';
import type { SkillsTreeNode } from './nodes';
import type { SkillsModel } from './skillsModel';
import { ContextKeys, StateKeys, ViewIds, WorkbenchCommands, setContext } from '../constants';

/**
 * The Skills view around its provider: its description says which key is in use and which filter is
 * active; context keys choose between the welcome and the tree and show Clear Filter; the filter is kept
 * per workspace.
 */
export class SkillsView implements vscode.Disposable {
  readonly treeView: vscode.TreeView<SkillsTreeNode>;
  private key: ApiKey | undefined;

  constructor(
    treeDataProvider: vscode.TreeDataProvider<SkillsTreeNode>,
    private readonly model: Pick<SkillsModel, 'filter' | 'setFilter'>,
    private readonly keyStore: Pick<ApiKeyStore, 'get'>,
    private readonly workspaceState: vscode.Memento,
    private readonly log: Log,
    private readonly workspaceId: () => string | undefined,
  ) {
    this.treeView = vscode.window.createTreeView(ViewIds.skills, {
      treeDataProvider,
      showCollapseAll: true,
      canSelectMany: true,
    });
    // The filter is per workspace, like an Explorer filter.
    model.setFilter(workspaceState.get<string>(StateKeys.filter));
    void this.showFilter();
    void this.updateKeyState();
  }

  /** Reads the key again (stored, environment or none) and says so. */
  async updateKeyState(): Promise<void> {
    try {
      const key = await this.keyStore.get();
      await setContext(vscode.commands, ContextKeys.hasKey, key !== undefined);
      await setContext(vscode.commands, ContextKeys.hasStoredKey, key?.source === 'stored');
      this.key = key;
    } catch (err) {
      this.key = undefined;
      this.log.error(describeError(err));
    }
    this.describe();
  }

  /** Applies a filter (undefined or blank clears it) and keeps it for this workspace. */
  async setFilter(text: string | undefined): Promise<void> {
    this.model.setFilter(text);
    await this.workspaceState.update(StateKeys.filter, this.model.filter);
    await this.showFilter();
  }

  /**
   * Selects `node`, opening the view first when it is hidden: a reveal sent while the view opens is
   * undone by the refresh VS Code runs once the view becomes visible.
   */
  async reveal(node: SkillsTreeNode): Promise<void> {
    if (!this.treeView.visible) {
      const shown = new Promise<void>((resolve) => {
        const done = () => {
          subscription.dispose();
          clearTimeout(timer);
          resolve();
        };
        const subscription = this.treeView.onDidChangeVisibility((e) => e.visible && done());
        const timer = setTimeout(done, 5_000);
      });
      await vscode.commands.executeCommand(WorkbenchCommands.focusSkillsView);
      await shown;
    }
    await this.treeView.reveal(node, { select: true, focus: true });
  }

  dispose(): void {
    this.treeView.dispose();
  }

  private async showFilter(): Promise<void> {
    await setContext(vscode.commands, ContextKeys.filtered, this.model.filter !== undefined);
    this.describe();
  }

  /** Says which key, workspace and filter are in force, in the description (and in the view's message). */
  describe(): void {
    const { filter } = this.model;
    const hint = this.key && keyHint(this.key.key);
    const fromEnvironment = this.key?.source === 'environment';
    const keyDescription = hint && (fromEnvironment ? `${hint} (ANTHROPIC_API_KEY)` : hint);
    const workspace = this.workspaceId();
    this.treeView.description =
      [keyDescription, workspace, filter === undefined ? undefined : `filter: "${filter}"`]
        .filter(Boolean)
        .join(' · ') || undefined;
    // Alone in its container, the view's header (and so its description) is hidden: what would surprise,
    // a key from the environment or a filter, is said in the view too.
    const message = [
      fromEnvironment
        ? vscode.l10n.t('Using the ANTHROPIC_API_KEY environment variable ({0}).', hint ?? '')
        : undefined,
      filter === undefined ? undefined : vscode.l10n.t('Showing the skills matching "{0}".', filter),
    ];
    // A message hides the welcome view, which must show when there is no key.
    this.treeView.message = this.key ? message.filter(Boolean).join(' ') || undefined : undefined;
  }
}
