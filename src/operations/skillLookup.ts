// Which existing skill a folder publishes to when none is remembered: the custom skill whose slug (its
// versions' immutable `name`) is the folder's frontmatter `name`.
import type { SkillsClient } from '../api/client';
import { collectAll } from '../api/paging';
import type { Skill, SkillVersion } from '../api/types';

/** Latest versions are asked this many at a time: quick for a few dozen skills, gentle on rate limits. */
const LOOKUPS_IN_FLIGHT = 4;

/** Every custom skill, 1,000 per request (the API's largest page). */
export function listCustomSkills(client: Pick<SkillsClient, 'skillPages'>, signal?: AbortSignal): Promise<Skill[]> {
  return collectAll(client.skillPages({ source: 'custom', limit: 1000 }, signal)).then((skills) =>
    skills.filter((s) => s.source === 'custom'),
  );
}

/** A skill's slug: the `name` every version of it carries, read from its latest version. */
export function skillSlug(
  client: Pick<SkillsClient, 'getVersion'>,
  skill: Skill,
  signal?: AbortSignal,
): Promise<SkillVersion> {
  return client.getVersion(skill.id, skill.latestVersionId ?? 'latest', signal);
}

/**
 * The first of `skills` (in order) whose slug is `name`, with its latest version. A skill whose latest
 * version cannot be read is passed over.
 */
export async function findSkillBySlug(
  client: Pick<SkillsClient, 'getVersion'>,
  skills: readonly Skill[],
  name: string,
  signal?: AbortSignal,
): Promise<{ skill: Skill; latest: SkillVersion } | undefined> {
  for (let i = 0; i < skills.length; i += LOOKUPS_IN_FLIGHT) {
    const batch = skills.slice(i, i + LOOKUPS_IN_FLIGHT);
    const latest = await Promise.all(batch.map((s) => skillSlug(client, s, signal).catch(() => undefined)));
    const index = latest.findIndex((v) => v?.name === name);
    if (index !== -1) return { skill: batch[index], latest: latest[index]! };
  }
  return undefined;
}
