import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { AnthropicGroupNode, LoadMoreNode, MessageNode, SkillNode, VersionNode, type SkillsTreeNode } from './nodes';
import { ALL_PAGES_LIMIT, type PageLoader } from './pageLoader';
import { isWritable } from '../operations/skillLookup';
import { skillMatchesFilter } from './skillFilter';
import type { SkillList, SkillsModel } from './skillsModel';

export interface SkillsTreeDeps {
  model: SkillsModel;
  keyStore: Pick<ApiKeyStore, 'get'>;
  pageSize: () => number;
  /** The `claudeSkills.workspaceId` in force: an unexplained 400 while it is empty may be its absence. */
  workspaceId: () => string | undefined;
}

const noCustomSkills = () => l10n.t('No skills of your own yet: publish a folder with a SKILL.md as a new skill.');

/**
 * The Skills view's rows: the custom skills, then Anthropic's in a group, each list and each skill's
 * versions loaded a page at a time when first shown. getChildren never rejects: empty lists, errors and a
 * refused key are rows. With no key at all the root is empty, so the view's welcome shows.
 */
export class SkillsTreeProvider implements vscode.TreeDataProvider<SkillsTreeNode> {
  readonly onDidChangeTreeData: vscode.Event<SkillsTreeNode | undefined>;

  constructor(private readonly deps: SkillsTreeDeps) {
    this.onDidChangeTreeData = deps.model.onDidChange;
  }

  getTreeItem(node: SkillsTreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getParent(node: SkillsTreeNode): SkillsTreeNode | undefined {
    if (node instanceof VersionNode) return node.parent;
    if (node instanceof SkillNode && !isWritable(node.skill)) return this.deps.model.anthropic;
    return undefined;
  }

  async getChildren(node?: SkillsTreeNode): Promise<SkillsTreeNode[]> {
    const { model } = this.deps;
    if (node === undefined) return this.rootChildren();
    if (node instanceof AnthropicGroupNode) return this.skillListChildren(node, l10n.t('No skills from Anthropic.'));
    if (node instanceof SkillNode) {
      return this.listChildren(node, node.loader, () => model.versionsOf(node), 'No versions.');
    }
    return [];
  }

  async resolveTreeItem(item: vscode.TreeItem, node: SkillsTreeNode): Promise<vscode.TreeItem> {
    if (node instanceof SkillNode) item.tooltip = await this.deps.model.tooltips.tooltip(node);
    return item;
  }

  private async rootChildren(): Promise<SkillsTreeNode[]> {
    const { model } = this.deps;
    try {
      if (!(await this.deps.keyStore.get())) return [];
    } catch (err) {
      return [MessageNode.forError(model.root, err)];
    }
    const lists = model.listsShown();
    const nodes = lists.includes(model.root) ? await this.skillListChildren(model.root, noCustomSkills()) : [];
    if (lists.includes(model.anthropic)) nodes.push(model.anthropic);
    return nodes;
  }

  private async skillListChildren(list: SkillList, emptyText: string): Promise<SkillsTreeNode[]> {
    const { model } = this.deps;
    const filter = model.filter;
    if (filter === undefined) return this.listChildren(list, list.loader, () => model.skillsIn(list), emptyText);
    // A failed page is not retried on every render: its error row's Retry loads it, and this goes on.
    if (list.loader.error === undefined) await list.loader.loadAll(ALL_PAGES_LIMIT);
    return this.listChildren(
      list,
      list.loader,
      () => model.skillsIn(list).filter((n) => skillMatchesFilter(filter, n.skill, model.knownVersionNames(n))),
      l10n.t('No skills match "{0}".', filter),
    );
  }

  private async listChildren<T>(
    owner: SkillList | SkillNode,
    loader: PageLoader<T>,
    toNodes: () => SkillsTreeNode[],
    emptyText: string,
  ): Promise<SkillsTreeNode[]> {
    await loader.ensureFirstPage(this.deps.pageSize());
    const nodes = toNodes();
    if (loader.error !== undefined) {
      nodes.push(MessageNode.forError(owner, loader.error));
      if (this.mayNeedWorkspaceId(loader.error)) nodes.push(MessageNode.workspaceHint(owner));
    } else if (loader.hasMore) nodes.push(new LoadMoreNode(owner));
    else if (nodes.length === 0) nodes.push(MessageNode.empty(owner, emptyText));
    return nodes;
  }

  /**
   * A key that acts on several workspaces gets a 400 without `anthropic-workspace-id`. What that 400 says
   * is not documented, so no message is matched: any 400 while the setting is empty offers it.
   */
  private mayNeedWorkspaceId(error: unknown): boolean {
    return error instanceof ApiError && error.status === 400 && !this.deps.workspaceId();
  }
}
