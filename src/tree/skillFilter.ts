// The Skills view's filter. No `vscode` import, so it is tested in plain Node.
import type { Skill } from '../api/types';
import { skillTitle } from './present';

/** The filter a user typed, or undefined for none (blank text clears it). */
export function normalizeFilter(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Whether a skill shows under `filter`: its title or id contains the text, or the `name` of a version
 * already fetched does (fetching every skill's versions to filter would cost a request per skill).
 * Case-insensitive.
 */
export function skillMatchesFilter(
  filter: string,
  skill: Pick<Skill, 'id' | 'displayName'>,
  versionNames: Iterable<string>,
): boolean {
  const needle = filter.toLocaleLowerCase();
  const contains = (text: string) => text.toLocaleLowerCase().includes(needle);
  if (contains(skillTitle(skill)) || contains(skill.id)) return true;
  for (const name of versionNames) if (contains(name)) return true;
  return false;
}
