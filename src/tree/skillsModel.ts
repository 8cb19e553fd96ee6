// What the Skills view shows, apart from how it shows it: the paged lists (the user's own skills, the
// Anthropic group, each skill's versions), one node per skill and per version so that events reach the
// elements the view holds, the filter, and the changes commands make without reloading a list.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import type { Skill, SkillVersion } from '../api/types';
import type { SourcesSetting } from '../config';
import { AnthropicGroupNode, RootList, SkillNode, VersionNode, type ListOwner, type SkillsTreeNode } from './nodes';
import { ALL_PAGES_LIMIT, PageLoader } from './pageLoader';
import { isWritable } from '../operations/skillLookup';
import { skillTitle } from './present';
import { normalizeFilter } from './skillFilter';
import { noticeWhenSlow } from './slowLoadNotice';
import { SkillTooltips } from './skillTooltip';

export interface SkillsModelDeps {
  client: Pick<SkillsClient, 'listSkills' | 'listVersions' | 'getSkill' | 'getVersion'>;
  pageSize: () => number;
  sources: () => SourcesSetting;
  /** The workspace folders that publish to a skill, for its tooltip. */
  publishedFrom?: (skillId: string) => string[];
}

export type SkillList = RootList | AnthropicGroupNode;

export class SkillsModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SkillsTreeNode | undefined>();
  /** A node whose rows changed, or undefined for the whole view. */
  readonly onDidChange = this.changed.event;

  readonly root: RootList;
  readonly anthropic: AnthropicGroupNode;
  readonly tooltips: SkillTooltips;
  private skillNodes = new Map<string, SkillNode>();
  private versionNodes = new Map<string, VersionNode>();
  private filterText: string | undefined;

  constructor(private readonly deps: SkillsModelDeps) {
    this.root = new RootList(this.skillLoader('custom'));
    this.anthropic = new AnthropicGroupNode(this.skillLoader('anthropic'));
    this.tooltips = new SkillTooltips(deps.client, deps.publishedFrom);
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

  /** The skill lists the `claudeSkills.sources` setting shows. */
  listsShown(): SkillList[] {
    const sources = this.deps.sources();
    return [...(sources === 'anthropic' ? [] : [this.root]), ...(sources === 'custom' ? [] : [this.anthropic])];
  }

  /**
   * The skills a list shows. Where a skill shows depends on its own source, not on the list that returned
   * it: the user's own in the root, every other (Anthropic's, examples, plugins') in the group.
   */
  skillsIn(list: SkillList): SkillNode[] {
    const writable = list === this.root;
    const placed = new Map<string, Skill>();
    for (const skill of this.listsShown().flatMap((l) => l.loader.loaded)) {
      if (isWritable(skill) === writable) placed.set(skill.id, skill);
    }
    return [...placed.values()].map((skill) => this.skillNode(skill));
  }

  /** A skill as a loaded list holds it, if one does: what the view knows without a request. */
  loadedSkill(skillId: string): Skill | undefined {
    return (
      this.skillNodes.get(skillId)?.skill ??
      this.listsShown()
        .flatMap((l) => l.loader.loaded)
        .find((s) => s.id === skillId)
    );
  }

  /** A skill's loaded versions, in the server's order (newest first). */
  versionsOf(node: SkillNode): VersionNode[] {
    return node.loader.loaded.map((v) => this.versionNode(node, v));
  }

  /** The version names known for a skill (loaded, or fetched for its tooltip): the filter matches them. */
  knownVersionNames(node: SkillNode): string[] {
    const names = node.loader.loaded.map((v) => v.name);
    const latest = this.tooltips.fetchedLatestName(node.skill.id);
    return latest === undefined ? names : [...names, latest];
  }

  /** Loads the next page of a list (a "Load more…" or a Retry). */
  async loadMore(owner: ListOwner): Promise<void> {
    const pending = owner.loader.loadMore(this.deps.pageSize());
    this.fireFor(owner); // shows "Loading…" at once
    await pending;
    this.fireFor(owner);
  }

  /**
   * Loads every remaining page of the skill lists shown, ALL_PAGES_LIMIT at a time, so a filter sees every
   * skill. Rejects with the error of a list that failed; stops early when `signal` aborts.
   */
  async loadAllSkills(signal: AbortSignal): Promise<void> {
    const loaders = this.listsShown().map((list) => list.loader);
    await Promise.all(loaders.map((loader) => loader.loadAll(ALL_PAGES_LIMIT, signal)));
    this.changed.fire(undefined);
    const failed = loaders.find((loader) => loader.error !== undefined);
    if (failed) throw failed.error;
  }

  /** Shows what a publish made at once, without reloading the lists. Returns the node to reveal. */
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
    const skill = await this.deps.client.getSkill(skillId).catch(() => undefined); // caught up at the next refresh
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
      this.tooltips.clear();
      this.changed.fire(undefined);
      return;
    }
    node.loader.reset();
    // On failure the versions list shows the error when it reloads.
    node.skill = (await this.deps.client.getSkill(node.skill.id).catch(() => undefined)) ?? node.skill;
    this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private fireFor(owner: ListOwner): void {
    this.changed.fire(owner instanceof RootList ? undefined : (owner as SkillsTreeNode));
  }

  private skillLoader(source: 'custom' | 'anthropic'): PageLoader<Skill> {
    const title =
      source === 'custom' ? vscode.l10n.t('Loading your skills…') : vscode.l10n.t("Loading Anthropic's skills…");
    return new PageLoader(
      (request, signal) => this.deps.client.listSkills({ ...request, source }, signal),
      (skill) => skill.id,
      noticeWhenSlow(() => title),
    );
  }

  private skillNode(skill: Skill): SkillNode {
    const existing = this.skillNodes.get(skill.id);
    if (existing) {
      existing.skill = skill;
      return existing;
    }
    const node: SkillNode = new SkillNode(
      skill,
      new PageLoader(
        (request, signal) => this.deps.client.listVersions(skill.id, request, signal),
        (version) => version.id,
        noticeWhenSlow(() => vscode.l10n.t('Loading the versions of {0}…', skillTitle(node.skill))),
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
}
