// How skills and versions read in the tree. No `vscode` import, so it is tested in plain Node.
import type { Skill, SkillVersion } from '../api/types';

/** `display_title`, else the id: a version's `name` would cost one request per skill. */
export function skillTitle(skill: Pick<Skill, 'id' | 'displayTitle'>): string {
  return skill.displayTitle?.trim() || skill.id;
}

const DIGITS = /^\d+$/;

/**
 * Newest first. Within one skill, versions are digit strings of one kind (epoch microseconds for custom
 * skills, dates such as 20251013 for Anthropic's): compare them as BigInt, never as Number. GA ids are
 * not ordered, so they fall back to `created_at`.
 */
export function compareVersionsNewestFirst(a: SkillVersion, b: SkillVersion): number {
  if (DIGITS.test(a.version) && DIGITS.test(b.version)) {
    const [x, y] = [BigInt(a.version), BigInt(b.version)];
    return x === y ? 0 : x > y ? -1 : 1;
  }
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
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
export function relativeAge(iso: string, now: number = Date.now(), locale?: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/**
 * The `container.skills` entry of a Messages API request that uses this skill: its latest version, or
 * the one given.
 */
export function messagesApiSnippet(
  skill: Pick<Skill, 'id' | 'source'>,
  version?: Pick<SkillVersion, 'version'>,
): string {
  return JSON.stringify({ type: skill.source, skill_id: skill.id, version: version?.version ?? 'latest' });
}

/** "1 version", "45 versions". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "latest · 3 days ago": how a version reads next to its number, in the tree and in pickers. */
export function versionDescription(skill: Pick<Skill, 'latestVersion'>, version: SkillVersion): string {
  return [skill.latestVersion === version.version ? 'latest' : undefined, relativeAge(version.createdAt)]
    .filter(Boolean)
    .join(' · ');
}
