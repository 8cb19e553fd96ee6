// The Workspace Skills view: every skill folder of the workspace and where it stands against what it
// published, grouped by workspace folder when there are several, and the user's personal skills in a group
// of their own. Rows come from WorkspaceSkills, which
// keeps them current; this only says how they read.
import * as vscode from 'vscode';
import { ContextValues } from '../constants';
import type { StateKind } from '../skill/publishState';
import { firstLines, plural } from '../shared/words';
import { isPersonalSkill } from '../workspace/personalSkills';
import type { WorkspaceSkill, WorkspaceSkills } from '../workspace/workspaceSkills';
import { escapeMarkdown, skillTitle } from './present';
import { groupRows } from './rowGroups';

export class WorkspaceFolderNode {
  readonly kind = 'workspaceFolder';
  constructor(readonly folder: vscode.WorkspaceFolder) {}
}

/** The user's own skills, `~/.claude/skills`: Claude Code's for every project. */
export class PersonalSkillsNode {
  readonly kind = 'personalSkills';
}

export class WorkspaceSkillNode {
  readonly kind = 'workspaceSkill';
  constructor(readonly row: WorkspaceSkill) {}

  get folder(): vscode.Uri {
    return this.row.folder;
  }
}

export type WorkspaceSkillsNode = WorkspaceFolderNode | PersonalSkillsNode | WorkspaceSkillNode;

const ICONS: Record<StateKind, [string, string?]> = {
  unknown: ['warning', 'problemsWarningIcon.foreground'],
  problems: ['error', 'problemsErrorIcon.foreground'],
  diverged: ['git-compare', 'gitDecoration.conflictingResourceForeground'],
  newerElsewhere: ['cloud-download', 'gitDecoration.untrackedResourceForeground'],
  modified: ['diff-modified', 'gitDecoration.modifiedResourceForeground'],
  notChecked: ['question'],
  inSync: ['pass', 'testing.iconPassed'],
  neverPublished: ['circle-large-outline'],
};

/** What each state says, in the row (the first that holds) and in the tooltip (all of them). */
export function stateText(row: WorkspaceSkill, kind: StateKind): string {
  const changes = row.state.changes;
  const count = changes ? changes.added.length + changes.removed.length + changes.changed.length : 0;
  const title = row.skill ? `"${skillTitle(row.skill)}"` : (row.targetId ?? '');
  switch (kind) {
    case 'unknown':
      return vscode.l10n.t('state not known: {0}', row.failure ?? vscode.l10n.t('it could not be worked out'));
    case 'problems':
      return plural(row.errors, 'problem');
    case 'diverged':
      return vscode.l10n.t('diverged: changed here, and a newer version was published elsewhere');
    case 'newerElsewhere':
      return vscode.l10n.t('a newer version of {0} was published elsewhere', title);
    case 'modified':
      return row.record?.origin === 'compared'
        ? vscode.l10n.t('differs from the latest version: {0}', plural(count, 'file'))
        : vscode.l10n.t('modified since published: {0}', plural(count, 'file'));
    case 'notChecked':
      if (!row.targetId)
        return vscode.l10n.t(
          'not checked: {0}',
          row.lookup?.kind === 'unknown' ? row.lookup.reason : vscode.l10n.t('no skill is known'),
        );
      return row.lookup?.kind === 'matched'
        ? vscode.l10n.t('matches {0} by name, not checked here: Compare with Published checks it', title)
        : vscode.l10n.t('publishes to {0}, not checked here: Compare with Published checks it', title);
    case 'inSync':
      return vscode.l10n.t('in sync with {0}', title);
    case 'neverPublished':
      return vscode.l10n.t('never published');
  }
}

/** `.published` when the folder remembers its skill, `.matched` when its name found it, else nothing. */
function targetSuffix(row: WorkspaceSkill): string {
  if (!row.targetId) return '';
  return row.lookup?.kind === 'matched' ? '.matched' : '.published';
}

function changedFiles(row: WorkspaceSkill): string[] {
  const changes = row.state.changes;
  if (!changes) return [];
  return [
    ...changes.changed.map((f) => `changed ${f}`),
    ...changes.added.map((f) => `added ${f}`),
    ...changes.removed.map((f) => `removed ${f}`),
  ];
}

export class WorkspaceSkillsProvider implements vscode.TreeDataProvider<WorkspaceSkillsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<WorkspaceSkillsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly skills: Pick<WorkspaceSkills, 'all' | 'onDidChange'>) {
    this.subscription = skills.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: WorkspaceSkillsNode): Promise<WorkspaceSkillsNode[]> {
    if (node instanceof WorkspaceSkillNode) return [];
    const all = await this.skills.all();
    // A personal folder opened as a workspace is the workspace's: its row stays with the workspace folder.
    const personal = all.filter((r) => isPersonalSkill(r.folder) && !vscode.workspace.getWorkspaceFolder(r.folder));
    if (node instanceof PersonalSkillsNode) return personal.map((r) => new WorkspaceSkillNode(r));
    const rows = all.filter((r) => !personal.includes(r));
    const personalGroup = personal.length > 0 ? [new PersonalSkillsNode()] : [];
    const roots = vscode.workspace.workspaceFolders ?? [];
    if (node === undefined && roots.length <= 1)
      return [...rows.map((r) => new WorkspaceSkillNode(r)), ...personalGroup];
    const groups = groupRows(rows, roots, (r) => vscode.workspace.getWorkspaceFolder(r.folder));
    if (node instanceof WorkspaceFolderNode) {
      return (groups.find((g) => g.root === node.folder)?.rows ?? []).map((r) => new WorkspaceSkillNode(r));
    }
    return [...groups.map((g) => new WorkspaceFolderNode(g.root)), ...personalGroup];
  }

  getTreeItem(node: WorkspaceSkillsNode): vscode.TreeItem {
    if (node instanceof WorkspaceFolderNode) {
      const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `workspaceFolder:${node.folder.uri.toString()}`;
      item.iconPath = vscode.ThemeIcon.Folder;
      return item;
    }
    if (node instanceof PersonalSkillsNode) {
      const item = new vscode.TreeItem(vscode.l10n.t('Personal'), vscode.TreeItemCollapsibleState.Expanded);
      item.id = 'personalSkills';
      item.description = '~/.claude/skills';
      item.tooltip = vscode.l10n.t(
        'Your own skills, which Claude Code finds in every project (claudeSkills.showPersonalSkills)',
      );
      item.iconPath = new vscode.ThemeIcon('account');
      return item;
    }
    const { row } = node;
    const [first] = row.state.kinds;
    const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.None);
    item.id = `workspaceSkill:${row.folder.toString()}`;
    item.resourceUri = row.folder;
    // The state first: a narrow side bar cuts the end of a description.
    const where = isPersonalSkill(row.folder)
      ? `~/.claude/skills/${row.folder.path.split('/').pop()}`
      : vscode.workspace.asRelativePath(row.folder, false);
    item.description = `${stateText(row, first)} · ${where}`;
    const [icon, color] = ICONS[first];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.tooltip = this.tooltip(row);
    item.contextValue = `${ContextValues.workspaceSkill}.${first}${targetSuffix(row)}`;
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open SKILL.md'),
      arguments: [vscode.Uri.joinPath(row.folder, 'SKILL.md')],
    };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private tooltip(row: WorkspaceSkill): vscode.MarkdownString {
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(
      `**${escapeMarkdown(row.name)}** · ${escapeMarkdown(vscode.workspace.asRelativePath(row.folder, false))}\n\n`,
    );
    for (const kind of row.state.kinds) tooltip.appendMarkdown(`- ${escapeMarkdown(stateText(row, kind))}\n`);
    const files = changedFiles(row);
    if (files.length > 0) {
      tooltip.appendMarkdown('\n');
      for (const line of firstLines(files)) tooltip.appendMarkdown(`- ${escapeMarkdown(line)}\n`);
    }
    if (row.warnings > 0)
      tooltip.appendMarkdown(vscode.l10n.t('\n{0} in the Problems panel\n', plural(row.warnings, 'warning')));
    return tooltip;
  }
}
