// The Skills view's nodes. They hold what was loaded and say how it reads; they never touch HTTP (the
// provider's page loaders do). Ids are stable, so expansion survives a refresh.
import * as vscode from 'vscode';
import { SkillsApiError, describeError } from '../api/errors';
import type { Skill, SkillVersion } from '../api/types';
import { CommandIds, InternalCommandIds } from '../constants';
import type { PageLoader } from './pageLoader';
import {
  isWritable,
  relativeAge,
  skillTitle,
  sourcePresentation,
  versionDescription,
  versionLabel,
  versionsSharingAMinute,
} from './present';

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
  private sharedMinutes: { from: readonly SkillVersion[]; count: number; ids: Set<string> } | undefined;

  constructor(
    public skill: Skill,
    readonly loader: PageLoader<SkillVersion>,
  ) {}

  get id(): string {
    return `skill:${this.skill.id}`;
  }

  /** Whether a loaded version's label needs its seconds: another loaded version shares its minute. */
  needsSeconds(version: SkillVersion): boolean {
    const loaded = this.loader.loaded;
    if (this.sharedMinutes?.from !== loaded || this.sharedMinutes.count !== loaded.length) {
      this.sharedMinutes = { from: loaded, count: loaded.length, ids: versionsSharingAMinute(loaded) };
    }
    return this.sharedMinutes.ids.has(version.id);
  }

  toTreeItem(): vscode.TreeItem {
    const { skill } = this;
    const source = sourcePresentation(skill.source);
    const item = treeItem(this.id, skillTitle(skill), source.icon, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = relativeAge(skill.updatedAt);
    item.contextValue = isWritable(skill) ? 'skill.custom' : 'skill.readonly';
    return item;
  }
}

export class AnthropicGroupNode implements ListOwner {
  readonly kind = 'group';
  readonly id = 'group:anthropic';
  constructor(readonly loader: PageLoader<Skill>) {}

  toTreeItem(): vscode.TreeItem {
    const item = treeItem(this.id, 'Anthropic', 'library', vscode.TreeItemCollapsibleState.Expanded);
    item.tooltip = "Anthropic's skills, and any other skill that is not your own, such as a plugin's (read-only)";
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
    return `version:${this.skill.id}:${this.version.id}`;
  }

  get isLatest(): boolean {
    return this.skill.latestVersionId === this.version.id;
  }

  toTreeItem(): vscode.TreeItem {
    const { version } = this;
    const locale = vscode.env.language;
    const label = versionLabel(version, this.parent.needsSeconds(version), locale);
    const item = treeItem(this.id, label, this.isLatest ? 'star-full' : 'git-commit');
    item.description = versionDescription(this.skill, version, undefined, locale);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escape(version.name)}** ${this.isLatest ? '(latest)' : ''}\n\n`);
    tooltip.appendText(version.description);
    tooltip.appendMarkdown(`\n\n---\n\n\`${version.id}\`\n\nCreated ${versionLabel(version, true, locale)}`);
    item.tooltip = tooltip;
    item.contextValue = isWritable(this.skill) ? 'version.custom' : 'version.readonly';
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
const MESSAGE_ICONS = { empty: 'info', auth: 'key', error: 'error', hint: 'gear' } as const;
const WORKSPACE_SETTING = 'claudeSkills.workspaceId';

export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly ownerId: string,
    readonly text: string,
    readonly variant: 'empty' | 'error' | 'auth' | 'hint',
    readonly detail?: string,
    readonly retry?: LoadMoreNode,
  ) {}

  static forError(owner: ListOwner | undefined, ownerId: string, error: unknown): MessageNode {
    const auth = error instanceof SkillsApiError && error.kind === 'auth';
    return auth
      ? new MessageNode(ownerId, `The API key was refused: ${describeError(error)}`, 'auth')
      : new MessageNode(ownerId, describeError(error), 'error', 'Click to retry', new LoadMoreNode(owner, ownerId));
  }

  /** Below a list's error: the setting that a key acting on several workspaces needs. */
  static workspaceHint(ownerId: string): MessageNode {
    return new MessageNode(
      ownerId,
      'Does your key act on several workspaces? Set claudeSkills.workspaceId…',
      'hint',
      'Open Setting',
    );
  }

  get id(): string {
    return `${this.variant}:${this.ownerId}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = treeItem(this.id, this.text, MESSAGE_ICONS[this.variant]);
    item.description = this.detail;
    item.tooltip = this.text;
    item.contextValue = `message.${this.variant}`;
    if (this.variant === 'auth') item.command = { command: CommandIds.setApiKey, title: 'Set API Key' };
    if (this.variant === 'hint') {
      item.command = {
        command: 'workbench.action.openSettings',
        title: 'Open Setting',
        arguments: [WORKSPACE_SETTING],
      };
    }
    if (this.retry) item.command = { command: InternalCommandIds.loadMore, title: 'Retry', arguments: [this.retry] };
    return item;
  }
}

export type SkillsTreeNode = SkillNode | AnthropicGroupNode | VersionNode | LoadMoreNode | MessageNode;

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
