// How skills and versions read in the tree and in pickers. No `vscode` import, so it is tested in plain Node.
import * as l10n from '@vscode/l10n';
import type { Skill, SkillVersion } from '../api/types';
import { isEvalDraft } from '../operations/skillLookup';
import { displayLanguage } from '../shared/locale';

/** `display_name`, else the id: a version's `name` would cost one request per skill. */
export function skillTitle(skill: Pick<Skill, 'id' | 'displayName'>): string {
  return skill.displayName?.trim() || skill.id;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "last week", "now": the age of an ISO 8601 time. */
export function relativeAge(iso: string, now: number = Date.now(), locale = displayLanguage()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** `"Release Notes Writer"`, or for a version `"Release Notes Writer" as of Oct 3, 2026, 2:22:05 PM`. */
export function describeSkill(
  skill: Pick<Skill, 'id' | 'displayName'>,
  version?: Pick<SkillVersion, 'createdAt' | 'id'>,
  locale?: string,
): string {
  const title = `"${skillTitle(skill)}"`;
  return version ? l10n.t('{0} as of {1}', title, versionLabel(version, true, locale)) : title;
}

/** "Oct 3, 2026, 2:22 PM" in the user's locale, with seconds when they are needed to tell versions apart. */
export function versionLabel(
  version: Pick<SkillVersion, 'createdAt' | 'id'>,
  withSeconds: boolean,
  locale = displayLanguage(),
) {
  const time = Date.parse(version.createdAt);
  if (Number.isNaN(time)) return version.id;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: withSeconds ? 'medium' : 'short' }).format(
    time,
  );
}

/** The ids of the versions that share their minute with another of `versions`: their labels need seconds. */
export function versionsSharingAMinute(versions: readonly Pick<SkillVersion, 'createdAt' | 'id'>[]): Set<string> {
  const byMinute = new Map<number, string[]>();
  for (const v of versions) {
    const minute = Math.floor(Date.parse(v.createdAt) / 60_000);
    byMinute.set(minute, [...(byMinute.get(minute) ?? []), v.id]);
  }
  return new Set([...byMinute.values()].filter((ids) => ids.length > 1).flat());
}

/** How a skill's source shows: its icon (a codicon) and what it means, for the tooltip. */
export function sourcePresentation(source: string): { icon: string; about: string } {
  switch (source) {
    case 'custom':
      return { icon: 'symbol-module', about: l10n.t('Your skill') };
    case 'anthropic':
      return { icon: 'verified', about: l10n.t('Made and maintained by Anthropic (read-only)') };
    case 'anthropic_example':
      return { icon: 'lightbulb', about: l10n.t('An example skill from Anthropic (read-only)') };
    case 'plugin':
      return { icon: 'extensions', about: l10n.t('From an installed plugin (read-only)') };
    default:
      return { icon: 'question', about: l10n.t('From the source "{0}" (read-only)', source) };
  }
}

/** How a skill shows: an eval draft as one (it is the user's, but not a skill they publish), else by source. */
export function skillPresentation(skill: Pick<Skill, 'source' | 'displayName'>): { icon: string; about: string } {
  return isEvalDraft(skill)
    ? {
        icon: 'beaker',
        about: l10n.t("An eval draft: a folder's current files, made by Skill Evals (Delete Eval Drafts removes it)"),
      }
    : sourcePresentation(skill.source);
}

/**
 * The `type` of a `container.skills` entry: the Messages API takes `custom` for the user's skills and
 * `anthropic` for every other source.
 */
export function containerSkillType(source: string): 'custom' | 'anthropic' {
  return source === 'custom' ? 'custom' : 'anthropic';
}

/**
 * The `container.skills` entry of a Messages API request that uses this skill: its latest version, or
 * the one given (by its id).
 */
export function messagesApiSnippet(skill: Pick<Skill, 'id' | 'source'>, version?: Pick<SkillVersion, 'id'>): string {
  return JSON.stringify({
    type: containerSkillType(skill.source),
    skill_id: skill.id,
    version: version?.id ?? 'latest',
  });
}

/** "latest · 3 days ago": how a version reads next to its date, in the tree and in pickers. */
export function versionDescription(
  skill: Pick<Skill, 'latestVersionId'>,
  version: SkillVersion,
  now?: number,
  locale?: string,
): string {
  return [
    skill.latestVersionId === version.id ? l10n.t('latest') : undefined,
    relativeAge(version.createdAt, now, locale),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Text shown as itself inside Markdown (a tooltip): every character Markdown would read as syntax escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** A quick pick row of a skill (the fields of `vscode.QuickPickItem`): its title, its id, its age. */
export function skillPickItem(skill: Pick<Skill, 'id' | 'displayName' | 'updatedAt'>, now?: number, locale?: string) {
  return {
    label: skillTitle(skill),
    description: skill.id,
    detail: l10n.t('updated {0}', relativeAge(skill.updatedAt, now, locale)),
  };
}

/** Quick pick rows of versions, in the order given: dated labels, seconds where two share a minute. */
export function versionPickItems(
  skill: Pick<Skill, 'latestVersionId'>,
  versions: readonly SkillVersion[],
  locale?: string,
): { label: string; description: string; detail: string; version: SkillVersion }[] {
  const withSeconds = versionsSharingAMinute(versions);
  return versions.map((version) => ({
    label: versionLabel(version, withSeconds.has(version.id), locale),
    description: versionDescription(skill, version, undefined, locale),
    detail: version.id,
    version,
  }));
}
