import * as vscode from 'vscode';
import type { SkillsClient } from '../api/client';
import { SkillsApiError } from '../api/errors';
import type { Skill, SkillVersion } from '../api/types';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { SourcesSetting } from '../config';
import {
  AnthropicGroupNode,
  LoadMoreNode,
  MessageNode,
  SkillNode,
  VersionNode,
  type ListOwner,
  type SkillsTreeNode,
} from './nodes';
import { normalizeFilter, skillMatchesFilter } from './skillFilter';
import { ALL_PAGES_LIMIT, PageLoader } from './pageLoader';
import { isWritable, relativeAge, skillTitle, sourcePresentation, versionLabel } from './present';

export interface SkillsTreeDeps {
  client: Pick<SkillsClient, 'listSkills' | 'listVersions' | 'getSkill' | 'getVersion'>;
  keyStore: Pick<ApiKeyStore, 'get'>;
  pageSize: () => number;
  sources: () => SourcesSetting;
  /** The `claudeSkills.workspaceId` in force: an unexplained 400 while it is empty may be its absence. */
  workspaceId: () => string | undefined;
}

const NO_CUSTOM_SKILLS = 'No skills of your own yet: publish a folder with a SKILL.md as a new skill.';

/**
 * The Skills view: the custom skills, then Anthropic's in a group, each list and each skill's versions
 * loaded a page at a time when first shown. getChildren never rejects: empty lists, errors and a refused
 * key are nodes. With no key at all the root is empty, so the view's welcome shows.
 */
export class SkillsTreeProvider implements vscode.TreeDataProvider<SkillsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SkillsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private readonly root: ListOwner & { loader: PageLoader<Skill> };
  private readonly anthropic: AnthropicGroupNode;
  private skillNodes = new Map<string, SkillNode>();
  /** One node per version id, so that reveal() finds the element the view holds. */
  private versionNodes = new Map<string, VersionNode>();
  /** Latest versions fetched for tooltips, by `skillId@version`. */
  private readonly latestVersions = new Map<string, Promise<SkillVersion | undefined>>();
  /** The names of those that arrived, by skill id, so the filter can match them. */
  private readonly fetchedLatestNames = new Map<string, string>();
  private filterText: string | undefined;

  constructor(private readonly deps: SkillsTreeDeps) {
    this.root = { id: 'root', loader: this.skillLoader('custom') };
    this.anthropic = new AnthropicGroupNode(this.skillLoader('anthropic'));
  }

  getTreeItem(node: SkillsTreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getParent(node: SkillsTreeNode): SkillsTreeNode | undefined {
    if (node instanceof VersionNode) return node.parent;
    if (node instanceof SkillNode && !isWritable(node.skill)) return this.anthropic;
    return undefined;
  }

  async getChildren(node?: SkillsTreeNode): Promise<SkillsTreeNode[]> {
    if (node === undefined) return this.rootChildren();
    if (node instanceof AnthropicGroupNode) return this.skillListChildren(this.anthropic, 'No skills from Anthropic.');
    if (node instanceof SkillNode) {
      // The server's order, newest first: nothing here orders versions by their ids.
      return this.listChildren(
        node,
        node.loader,
        () => node.loader.loaded.map((v) => this.versionNode(node, v)),
        'No versions.',
      );
    }
    return [];
  }

  async resolveTreeItem(item: vscode.TreeItem, node: SkillsTreeNode): Promise<vscode.TreeItem> {
    if (node instanceof SkillNode) item.tooltip = await this.skillTooltip(node);
    return item;
  }

  /** Loads the next page of the list a "Load more…" (or Retry) node belongs to. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    const owner = node.owner ?? this.root;
    const pending = owner.loader.loadMore(this.deps.pageSize());
    this.fireFor(owner); // shows "Loading…" at once
    await pending;
    this.fireFor(owner);
  }

  /** The active filter, if any. */
  get filter(): string | undefined {
    return this.filterText;
  }

  /**
   * Shows only the skills matching `text` (blank clears the filter). While a filter is active, the skill
   * lists load all their pages: a filter over what happens to be loaded would hide matches.
   */
  setFilter(text: string | undefined): void {
    this.filterText = normalizeFilter(text);
    this.changed.fire(undefined);
  }

  /**
   * Loads every remaining page of the skill lists the view shows, ALL_PAGES_LIMIT at a time, so a filter
   * sees every skill. Rejects with the error of a list that failed; stops early when `signal` aborts.
   */
  async loadAllSkills(signal: AbortSignal): Promise<void> {
    const loaders = this.skillListsShown().map((list) => list.loader);
    await Promise.all(loaders.map((loader) => loader.loadAll(ALL_PAGES_LIMIT, signal)));
    this.changed.fire(undefined);
    const failed = loaders.find((loader) => loader.error !== undefined);
    if (failed) throw failed.error;
  }

  /**
   * Shows what a publish made at once, without reloading the lists: the skill (new, or with its new
   * latest version) and the version. Returns the node to reveal.
   */
  showPublished(skill: Skill, version?: SkillVersion): SkillNode | VersionNode {
    (isWritable(skill) ? this.root : this.anthropic).loader.upsert(skill);
    const node = this.skillNode(skill);
    if (version) node.loader.upsert(version);
    this.changed.fire(undefined);
    return version ? this.versionNode(node, version) : node;
  }

  /**
   * Takes deleted versions out of their skill without reloading its list, then reads the skill again,
   * since its latest version and age may have changed. Returns the skill as it is now, if that read worked.
   */
  async removeVersions(skillId: string, versions: readonly string[]): Promise<Skill | undefined> {
    const node = this.skillNodes.get(skillId);
    node?.loader.remove(versions);
    for (const versionId of versions) this.versionNodes.delete(`${skillId}@${versionId}`);
    let skill: Skill | undefined;
    try {
      skill = await this.deps.client.getSkill(skillId);
    } catch {
      // The rows are gone all the same; the skill's details catch up on the next refresh.
    }
    if (node) {
      if (skill) node.skill = skill;
      this.changed.fire(node);
    }
    return skill;
  }

  /** Takes a deleted skill out of the view, without reloading the list. */
  removeSkill(skillId: string): void {
    for (const list of [this.root, this.anthropic]) list.loader.remove([skillId]);
    this.skillNodes.delete(skillId);
    for (const key of [...this.versionNodes.keys()]) if (key.startsWith(`${skillId}@`)) this.versionNodes.delete(key);
    this.changed.fire(undefined);
  }

  /** Reloads one skill, if the view holds it: after a failure, what the server has is the truth. */
  async refreshSkill(skillId: string): Promise<void> {
    const node = this.skillNodes.get(skillId);
    if (node) await this.refresh(node);
  }

  /** Everything again, or one skill alone (its metadata and its versions). */
  async refresh(node?: SkillNode): Promise<void> {
    if (!node) {
      this.root.loader.reset();
      this.anthropic.loader.reset();
      this.skillNodes = new Map();
      this.versionNodes = new Map();
      this.latestVersions.clear();
      this.fetchedLatestNames.clear();
      this.changed.fire(undefined);
      return;
    }
    node.loader.reset();
    try {
      node.skill = await this.deps.client.getSkill(node.skill.id);
    } catch {
      // The versions list will show the error when it reloads.
    }
    this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async rootChildren(): Promise<SkillsTreeNode[]> {
    try {
      if (!(await this.deps.keyStore.get())) return [];
    } catch (err) {
      return [MessageNode.forError(undefined, 'root', err)];
    }
    const sources = this.deps.sources();
    const nodes = sources === 'anthropic' ? [] : await this.skillListChildren(this.root, NO_CUSTOM_SKILLS);
    if (sources !== 'custom') nodes.push(this.anthropic);
    return nodes;
  }

  private skillListsShown(): (ListOwner & { loader: PageLoader<Skill> })[] {
    const sources = this.deps.sources();
    return [...(sources === 'anthropic' ? [] : [this.root]), ...(sources === 'custom' ? [] : [this.anthropic])];
  }

  private async skillListChildren(
    owner: ListOwner & { loader: PageLoader<Skill> },
    emptyText: string,
  ): Promise<SkillsTreeNode[]> {
    const filter = this.filterText;
    const placed = () => this.skillsPlacedIn(owner).map((s) => this.skillNode(s));
    if (filter === undefined) return this.listChildren(owner, owner.loader, placed, emptyText);
    // A failed page is not retried on every render: its error node's Retry loads it, and this goes on.
    if (owner.loader.error === undefined) await owner.loader.loadAll(ALL_PAGES_LIMIT);
    return this.listChildren(
      owner,
      owner.loader,
      () => placed().filter((node) => skillMatchesFilter(filter, node.skill, this.fetchedVersionNames(node))),
      `No skills match "${filter}".`,
    );
  }

  /**
   * Where a skill shows depends on its own source, not on the list that returned it: the user's own in
   * the root, every other (Anthropic's, examples, plugins') in the group.
   */
  private skillsPlacedIn(owner: ListOwner): Skill[] {
    const writable = owner === this.root;
    const lists = this.skillListsShown().map((list) => list.loader.loaded);
    const placed = new Map<string, Skill>();
    for (const skill of lists.flat()) if (isWritable(skill) === writable) placed.set(skill.id, skill);
    return [...placed.values()];
  }

  private fetchedVersionNames(node: SkillNode): string[] {
    const names = node.loader.loaded.map((v) => v.name);
    const latestName = this.fetchedLatestNames.get(node.skill.id);
    return latestName === undefined ? names : [...names, latestName];
  }

  private async listChildren<T>(
    owner: ListOwner,
    loader: PageLoader<T>,
    toNodes: () => SkillsTreeNode[],
    emptyText: string,
  ): Promise<SkillsTreeNode[]> {
    await loader.ensureFirstPage(this.deps.pageSize());
    const nodes = toNodes();
    const ownerNode = owner === this.root ? undefined : owner;
    if (loader.error !== undefined) {
      nodes.push(MessageNode.forError(ownerNode, owner.id, loader.error));
      if (this.mayNeedWorkspaceId(loader.error)) nodes.push(MessageNode.workspaceHint(owner.id));
    } else if (loader.hasMore) nodes.push(new LoadMoreNode(ownerNode, owner.id));
    else if (nodes.length === 0) nodes.push(new MessageNode(owner.id, emptyText, 'empty'));
    return nodes;
  }

  /**
   * A key that acts on several workspaces gets a 400 without `anthropic-workspace-id`. What that 400 says
   * is not documented, so no message is matched: any 400 while the setting is empty offers it.
   */
  private mayNeedWorkspaceId(error: unknown): boolean {
    return error instanceof SkillsApiError && error.status === 400 && !this.deps.workspaceId();
  }

  private skillLoader(source: 'custom' | 'anthropic'): PageLoader<Skill> {
    return new PageLoader(
      (request, signal) => this.deps.client.listSkills({ ...request, source }, signal),
      (skill) => skill.id,
    );
  }

  /** One node per skill id, kept across pages so events reach the element the view holds. */
  private skillNode(skill: Skill): SkillNode {
    const existing = this.skillNodes.get(skill.id);
    if (existing) {
      existing.skill = skill;
      return existing;
    }
    const node = new SkillNode(
      skill,
      new PageLoader(
        (request, signal) => this.deps.client.listVersions(skill.id, request, signal),
        (version) => version.id,
      ),
    );
    this.skillNodes.set(skill.id, node);
    return node;
  }

  private versionNode(parent: SkillNode, version: SkillVersion): VersionNode {
    const id = `${parent.skill.id}@${version.id}`;
    let node = this.versionNodes.get(id);
    if (!node || node.parent !== parent) {
      node = new VersionNode(parent, version);
      this.versionNodes.set(id, node);
    }
    return node;
  }

  private fireFor(owner: ListOwner): void {
    this.changed.fire(owner === this.root ? undefined : (owner as SkillsTreeNode));
  }

  private async skillTooltip(node: SkillNode): Promise<vscode.MarkdownString> {
    const { skill } = node;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${skillTitle(skill).replace(/[*_`[\]\\]/g, '\\$&')}**\n\n`);
    tooltip.appendMarkdown(`\`${skill.id}\` · ${sourcePresentation(skill.source).about}\n\n`);
    const created = versionLabel({ createdAt: skill.createdAt, id: '' }, false, vscode.env.language);
    tooltip.appendMarkdown(`Created ${created} · updated ${relativeAge(skill.updatedAt)}\n\n`);
    const latest = skill.latestVersionId ? await this.latestVersion(node) : undefined;
    if (skill.latestVersionId) tooltip.appendMarkdown(`Latest version \`${skill.latestVersionId}\`\n\n`);
    if (latest) {
      tooltip.appendMarkdown('---\n\n');
      tooltip.appendMarkdown(`\`${latest.name}\`: `);
      tooltip.appendText(latest.description);
    }
    return tooltip;
  }

  private latestVersion(node: SkillNode): Promise<SkillVersion | undefined> {
    const { id, latestVersionId } = node.skill;
    const loaded = node.loader.loaded.find((v) => v.id === latestVersionId);
    if (loaded) return Promise.resolve(loaded);
    const key = `${id}@${latestVersionId}`;
    let cached = this.latestVersions.get(key);
    if (!cached) {
      cached = this.deps.client.getVersion(id, latestVersionId!).then(
        (version) => {
          this.fetchedLatestNames.set(id, version.name);
          return version;
        },
        () => {
          this.latestVersions.delete(key); // try again on the next hover
          return undefined;
        },
      );
      this.latestVersions.set(key, cached);
    }
    return cached;
  }
}
