import * as vscode from 'vscode';
import type { SkillsClient } from '../api/client';
import { describeError } from '../api/errors';
import type { ApiKeyStore } from '../auth/apiKeyStore';

/**
 * The Skills view. With no key it has no children, so the view's welcome (Set API Key) shows; otherwise
 * the first page of skills.
 */
export class SkillsTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly client: Pick<SkillsClient, 'listSkills'>,
    private readonly keyStore: Pick<ApiKeyStore, 'get'>,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  async getChildren(element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (element) return [];
    try {
      if (!(await this.keyStore.get())) return [];
      const page = await this.client.listSkills();
      return page.data.map((skill) => {
        const item = new vscode.TreeItem(skill.displayTitle ?? skill.id);
        item.id = skill.id;
        item.iconPath = new vscode.ThemeIcon(skill.source === 'custom' ? 'symbol-method' : 'verified');
        return item;
      });
    } catch (err) {
      const item = new vscode.TreeItem(describeError(err));
      item.iconPath = new vscode.ThemeIcon('error');
      return [item];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
