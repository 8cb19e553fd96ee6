// A skill's tooltip, built when the pointer rests on it: its own fields, and its latest version's name and
// description, fetched once per latest version (the list does not carry them).
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import type { SkillVersion } from '../api/types';
import type { SkillNode } from './nodes';
import { formatList } from '../shared/words';
import { escapeMarkdown, relativeAge, skillPresentation, skillTitle, versionLabel } from './present';

export class SkillTooltips {
  /** Latest versions fetched, by `skillId@versionId`. */
  private readonly latest = new Map<string, Promise<SkillVersion | undefined>>();
  /** The names of those that arrived, by skill id: the filter matches them too. */
  private readonly names = new Map<string, string>();

  constructor(
    private readonly client: Pick<SkillsClient, 'getVersion'>,
    /** The workspace folders that publish to a skill, as paths relative to the workspace. */
    private readonly publishedFrom: (skillId: string) => string[] = () => [],
  ) {}

  async tooltip(node: SkillNode): Promise<vscode.MarkdownString> {
    const { skill } = node;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(skillTitle(skill))}**\n\n`);
    tooltip.appendMarkdown(`\`${skill.id}\` · ${skillPresentation(skill).about}\n\n`);
    const created = versionLabel({ createdAt: skill.createdAt, id: '' }, false, vscode.env.language);
    tooltip.appendMarkdown(vscode.l10n.t('Created {0} · updated {1}\n\n', created, relativeAge(skill.updatedAt)));
    const folders = this.publishedFrom(skill.id);
    if (folders.length > 0) {
      const list = formatList(
        folders.map((f) => `\`${f}\``),
        'unit',
      );
      tooltip.appendMarkdown(vscode.l10n.t('Published from {0}\n\n', list));
    }
    if (!skill.latestVersionId) return tooltip;
    const latest = await this.latestVersion(node, skill.latestVersionId);
    tooltip.appendMarkdown(vscode.l10n.t('Latest version `{0}`\n\n', skill.latestVersionId));
    if (latest) {
      tooltip.appendMarkdown('---\n\n');
      tooltip.appendMarkdown(`\`${latest.name}\`: `);
      tooltip.appendText(latest.description);
    }
    return tooltip;
  }

  /** The latest version's name, if a tooltip fetched it. */
  fetchedLatestName(skillId: string): string | undefined {
    return this.names.get(skillId);
  }

  clear(): void {
    this.latest.clear();
    this.names.clear();
  }

  private latestVersion(node: SkillNode, latestVersionId: string): Promise<SkillVersion | undefined> {
    const loaded = node.loader.loaded.find((v) => v.id === latestVersionId);
    if (loaded) return Promise.resolve(loaded);
    const { id } = node.skill;
    const key = `${id}@${latestVersionId}`;
    let cached = this.latest.get(key);
    if (!cached) {
      cached = this.client.getVersion(id, latestVersionId).then(
        (version) => {
          this.names.set(id, version.name);
          return version;
        },
        () => {
          this.latest.delete(key); // tried again on the next hover
          return undefined;
        },
      );
      this.latest.set(key, cached);
    }
    return cached;
  }
}
