// The Skills view's nodes. They hold what was loaded and say how it reads; they never touch HTTP (the
// provider's page loaders do). Ids are stable, so expansion survives a refresh.
import * as vscode from 'vscode';
import { SkillsApiError, describeError } from '../api/errors';
import type { Skill, SkillVersion } from '../api/types';
import { InternalCommandIds } from '../constants';
import type { PageLoader } from './pageLoader';
import { relativeAge, skillTitle, versionDescription } from './present';

function treeItem(
  id: string,
  label: string,
  icon: string,
  collapsible = vscode.TreeItemCollapsibleState.None,
): vscode.TreeItem {
  const item = new vscode.TreeItem(label, collapsible);
  item.id = id;
  item.iconPath = new vscode.ThemeIcon(icon);
  return item;
}

/** A node whose children are one paged list: the root's custom skills, the Anthropic group, a skill. */
export interface ListOwner {
  readonly id: string;
  readonly loader: Pick<PageLoader<unknown>, 'isLoading' | 'loadMore'>;
}

export class SkillNode implements ListOwner {
  readonly kind = 'skill';
  constructor(
    public skill: Skill,
    readonly loader: PageLoader<SkillVersion>,
  ) {}

  get id(): string {
    return `skill:${this.skill.id}`;
  }

  toTreeItem(): vscode.TreeItem {
    const { skill } = this;
    const item = treeItem(
      this.id,
      skillTitle(skill),
      skill.source === 'custom' ? 'symbol-module' : 'verified',
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.description = relativeAge(skill.updatedAt);
    item.contextValue = skill.source === 'custom' ? 'skill.custom' : 'skill.readonly';
    return item;
  }
}

export class AnthropicGroupNode implements ListOwner {
  readonly kind = 'group';
  readonly id = 'group:anthropic';
  constructor(readonly loader: PageLoader<Skill>) {}

  toTreeItem(): vscode.TreeItem {
    const item = treeItem(this.id, 'Anthropic', 'library', vscode.TreeItemCollapsibleState.Expanded);
    item.tooltip = 'Skills made and maintained by Anthropic (read-only)';
    item.contextValue = 'group';
    return item;
  }
}

export class VersionNode {
  readonly kind = 'version';
  constructor(
    readonly parent: SkillNode,
    readonly version: SkillVersion,
  ) {}

  /** The skill as it is now: its latest version moves when one is published. */
  get skill(): Skill {
    return this.parent.skill;
  }

  get id(): string {
    return `version:${this.skill.id}:${this.version.version}`;
  }

  get isLatest(): boolean {
    return this.skill.latestVersion === this.version.version;
  }

  toTreeItem(): vscode.TreeItem {
    const { version } = this;
    const item = treeItem(this.id, version.version, this.isLatest ? 'star-full' : 'git-commit');
    item.description = versionDescription(this.skill, version);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escape(version.name)}** ${this.isLatest ? '(latest)' : ''}\n\n`);
    tooltip.appendText(version.description);
    tooltip.appendMarkdown(
      `\n\n---\n\nVersion \`${version.version}\` · id \`${version.id}\`\n\nCreated ${new Date(version.createdAt).toLocaleString()}`,
    );
    item.tooltip = tooltip;
    item.contextValue = this.skill.source === 'custom' ? 'version.custom' : 'version.readonly';
    return item;
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(
    readonly owner: ListOwner | undefined,
    readonly ownerId: string,
  ) {}

  get id(): string {
    return `more:${this.ownerId}`;
  }

  toTreeItem(): vscode.TreeItem {
    const loading = this.owner?.loader.isLoading ?? false;
    const item = treeItem(this.id, loading ? 'Loading…' : 'Load more…', loading ? 'loading~spin' : 'ellipsis');
    item.command = { command: InternalCommandIds.loadMore, title: 'Load more', arguments: [this] };
    item.contextValue = 'loadMore';
    return item;
  }
}

/** An empty list, an error (with Retry), or a refused key (with Set API Key) shown in place of children. */
export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly ownerId: string,
    readonly text: string,
    readonly variant: 'empty' | 'error' | 'auth',
    readonly detail?: string,
    readonly retry?: LoadMoreNode,
  ) {}

  static forError(owner: ListOwner | undefined, ownerId: string, error: unknown): MessageNode {
    const auth = error instanceof SkillsApiError && error.kind === 'auth';
    return auth
      ? new MessageNode(ownerId, `The API key was refused: ${describeError(error)}`, 'auth')
      : new MessageNode(ownerId, describeError(error), 'error', 'Click to retry', new LoadMoreNode(owner, ownerId));
  }

  get id(): string {
    return `${this.variant}:${this.ownerId}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = treeItem(
      this.id,
      this.text,
      this.variant === 'empty' ? 'info' : this.variant === 'auth' ? 'key' : 'error',
    );
    item.description = this.detail;
    item.tooltip = this.text;
    item.contextValue = `message.${this.variant}`;
    if (this.variant === 'auth') item.command = { command: 'claudeSkills.setApiKey', title: 'Set API Key' };
    if (this.retry) item.command = { command: InternalCommandIds.loadMore, title: 'Retry', arguments: [this.retry] };
    return item;
  }
}

export type SkillsTreeNode = SkillNode | AnthropicGroupNode | VersionNode | LoadMoreNode | MessageNode;

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
