// The Skills view's nodes. They hold what was loaded and say how it reads; they never touch HTTP (the
// provider's page loaders do). Ids are stable, so expansion survives a refresh.
import * as vscode from 'vscode';
import { ApiError, describeError } from '../api/errors';
import type { Skill, SkillVersion } from '../api/types';
import { CommandIds, ContextValues, InternalCommandIds, SettingIds, WorkbenchCommands } from '../constants';
import { isWritable } from '../operations/skillLookup';
import type { PageLoader } from './pageLoader';
import {
  escapeMarkdown,
  relativeAge,
  skillTitle,
  skillPresentation,
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

/** The root's list (the user's own skills): it owns its rows like a node does, but is no row itself. */
export class RootList implements ListOwner {
  readonly id = 'root';
  constructor(readonly loader: PageLoader<Skill>) {}
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
    const source = skillPresentation(skill);
    const item = treeItem(this.id, skillTitle(skill), source.icon, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = relativeAge(skill.updatedAt);
    item.contextValue = isWritable(skill) ? ContextValues.customSkill : ContextValues.readOnlySkill;
    return item;
  }
}

export class AnthropicGroupNode implements ListOwner {
  readonly kind = 'group';
  readonly id = 'group:anthropic';
  constructor(readonly loader: PageLoader<Skill>) {}

  toTreeItem(): vscode.TreeItem {
    const item = treeItem(this.id, vscode.l10n.t('Anthropic'), 'library', vscode.TreeItemCollapsibleState.Expanded);
    item.tooltip = vscode.l10n.t(
      "Anthropic's skills, and any other skill that is not your own, such as a plugin's (read-only)",
    );
    item.contextValue = ContextValues.group;
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
    const name = `**${escapeMarkdown(version.name)}**`;
    tooltip.appendMarkdown(`${this.isLatest ? vscode.l10n.t('{0} (latest)', name) : name}\n\n`);
    tooltip.appendText(version.description);
    tooltip.appendMarkdown(
      `\n\n---\n\n\`${version.id}\`\n\n${vscode.l10n.t('Created {0}', versionLabel(version, true, locale))}`,
    );
    item.tooltip = tooltip;
    item.contextValue = isWritable(this.skill) ? ContextValues.customVersion : ContextValues.readOnlyVersion;
    return item;
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly owner: ListOwner) {}

  get id(): string {
    return `more:${this.owner.id}`;
  }

  toTreeItem(): vscode.TreeItem {
    const loading = this.owner.loader.isLoading;
    const label = loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…');
    const item = treeItem(this.id, label, loading ? 'loading~spin' : 'ellipsis');
    item.command = { command: InternalCommandIds.loadMore, title: vscode.l10n.t('Load more'), arguments: [this] };
    item.contextValue = ContextValues.loadMore;
    return item;
  }
}

type MessageVariant = 'empty' | 'error' | 'auth' | 'hint';

const MESSAGES: Record<MessageVariant, { icon: string; contextValue: string }> = {
  empty: { icon: 'info', contextValue: ContextValues.emptyMessage },
  error: { icon: 'error', contextValue: ContextValues.errorMessage },
  auth: { icon: 'key', contextValue: ContextValues.authMessage },
  hint: { icon: 'gear', contextValue: ContextValues.hintMessage },
};

/** A row in place of a list's rows: the list is empty, failed (click to retry), or its key was refused. */
export class MessageNode {
  readonly kind = 'message';

  private constructor(
    readonly owner: ListOwner,
    readonly variant: MessageVariant,
    readonly text: string,
    private readonly action?: { detail?: string; command: vscode.Command },
  ) {}

  static empty(owner: ListOwner, text: string): MessageNode {
    return new MessageNode(owner, 'empty', text);
  }

  /** A refused key offers Set API Key; any other failure retries the list's page. */
  static forError(owner: ListOwner, error: unknown): MessageNode {
    if (error instanceof ApiError && error.kind === 'auth') {
      return new MessageNode(owner, 'auth', vscode.l10n.t('The API key was refused: {0}', describeError(error)), {
        command: { command: CommandIds.setApiKey, title: vscode.l10n.t('Set API Key') },
      });
    }
    return new MessageNode(owner, 'error', describeError(error), {
      detail: vscode.l10n.t('Click to retry'),
      command: {
        command: InternalCommandIds.loadMore,
        title: vscode.l10n.t('Retry'),
        arguments: [new LoadMoreNode(owner)],
      },
    });
  }

  /** Below a list's error: the setting that a key acting on several workspaces needs. */
  static workspaceHint(owner: ListOwner): MessageNode {
    const hint = vscode.l10n.t('Does your key act on several workspaces? Set {0}…', SettingIds.workspaceId);
    return new MessageNode(owner, 'hint', hint, {
      detail: vscode.l10n.t('Open Setting'),
      command: {
        command: WorkbenchCommands.openSettings,
        title: vscode.l10n.t('Open Setting'),
        arguments: [SettingIds.workspaceId],
      },
    });
  }

  get id(): string {
    return `${this.variant}:${this.owner.id}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = treeItem(this.id, this.text, MESSAGES[this.variant].icon);
    item.description = this.action?.detail;
    item.tooltip = this.text;
    item.contextValue = MESSAGES[this.variant].contextValue;
    item.command = this.action?.command;
    return item;
  }
}

export type SkillsTreeNode = SkillNode | AnthropicGroupNode | VersionNode | LoadMoreNode | MessageNode;
