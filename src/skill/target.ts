// Which existing skill a folder publishes to when none is remembered: the custom skill whose latest
// version carries the folder's frontmatter `name`.
import type { SkillsClient } from '../api/client';
import { collectAll } from '../api/paging';
import type { Skill, SkillVersion } from '../api/types';

/** Latest versions are asked this many at a time: quick for a few dozen skills, gentle on rate limits. */
const LOOKUPS_IN_FLIGHT = 4;

export type TargetClient = Pick<SkillsClient, 'skillPages' | 'getVersion'>;

/** Every custom skill, 100 per request. */
export function listCustomSkills(client: Pick<SkillsClient, 'skillPages'>, signal?: AbortSignal): Promise<Skill[]> {
  return collectAll(client.skillPages({ source: 'custom', limit: 100 }, signal));
}

/**
 * The first of `skills` (in order) whose latest version is named `name`, with that version. A skill
 * whose latest version cannot be read is passed over.
 */
export async function findSkillByLatestName(
  client: Pick<SkillsClient, 'getVersion'>,
  skills: readonly Skill[],
  name: string,
  signal?: AbortSignal,
): Promise<{ skill: Skill; latest: SkillVersion } | undefined> {
  const withLatest = skills.filter((s) => s.latestVersion !== null);
  for (let i = 0; i < withLatest.length; i += LOOKUPS_IN_FLIGHT) {
    const batch = withLatest.slice(i, i + LOOKUPS_IN_FLIGHT);
    const latest = await Promise.all(
      batch.map((s) => client.getVersion(s.id, s.latestVersion!, signal).catch(() => undefined)),
    );
    const index = latest.findIndex((v) => v?.name === name);
    if (index !== -1) return { skill: batch[index], latest: latest[index]! };
  }
  return undefined;
}
