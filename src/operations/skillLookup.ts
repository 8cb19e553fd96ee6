// Which existing skill a folder publishes to when none is remembered: the custom skill whose slug (its
// versions' immutable `name`) is the folder's frontmatter `name`. A slug is read from a skill's latest
// version, and never changes: what was read once is remembered and never asked again.
import type { SkillsClient } from '../api/skillsClient';
import { collectAll } from '../api/paging';
import type { Skill } from '../api/types';

/** Latest versions are asked this many at a time: quick for a few dozen skills, gentle on rate limits. */
const LOOKUPS_IN_FLIGHT = 4;
/** The API's limit for a `name`: a longer one is not a slug, and is not kept. */
const MAX_SLUG_LENGTH = 64;

/** Every custom skill, 1,000 per request (the API's largest page). */
export function listCustomSkills(client: Pick<SkillsClient, 'skillPages'>, signal?: AbortSignal): Promise<Skill[]> {
  return collectAll(client.skillPages({ source: 'custom', limit: 1000 }, signal)).then((skills) =>
    skills.filter((s) => s.source === 'custom'),
  );
}

/** What the display name of an eval draft ends with: how drafts are told from the skills they test. */
export const EVAL_DRAFT_MARKER = '(eval draft)';
/** `<name>-draft`, the name cut so the suffix fits the API's 64 characters: a draft's name when its own was refused. */
export const renamedDraftSlug = (slug: string) =>
  `${slug.slice(0, MAX_SLUG_LENGTH - '-draft'.length).replace(/-+$/, '')}-draft`;

/** Only the user's own skills can be published to or deleted, whichever list returned them. */
export function isWritable(skill: Pick<Skill, 'source'>): boolean {
  return skill.source === 'custom';
}

/** A custom skill the evals made to run a folder's current files: never a folder's publish target. */
export function isEvalDraft(skill: Pick<Skill, 'source' | 'displayName'>): boolean {
  return skill.source === 'custom' && (skill.displayName?.trimEnd().endsWith(EVAL_DRAFT_MARKER) ?? false);
}

/** The custom skills a folder may be matched with by name: every one but the eval drafts. */
export function listNameMatchableSkills(
  client: Pick<SkillsClient, 'skillPages'>,
  signal?: AbortSignal,
): Promise<Skill[]> {
  return listCustomSkills(client, signal).then((skills) => skills.filter((s) => !isEvalDraft(s)));
}

/** Slugs as read, by skill id. */
export interface SlugMemory {
  get(skillId: string): string | undefined;
  remember(slugs: ReadonlyArray<readonly [skillId: string, slug: string]>): void;
}

export interface SlugMatches {
  /** Each name that is some skill's slug → the first such skill of the list. */
  matches: Map<string, Skill>;
  /**
   * Skills whose slug is still unknown: they could not be read, or the reads were cut short. While there
   * are any, a name without a match is not known to have none.
   */
  unread: number;
  /** Latest versions read to find them. */
  read: number;
}

export interface SlugMatchOptions {
  /** Latest versions read at most (a bound, not a target: reading stops once every name has its match). */
  maxReads?: number;
  signal?: AbortSignal;
}

/** A skill's slug: from the memory, else read from its latest version (and remembered). */
export async function slugOf(
  client: Pick<SkillsClient, 'getVersion'>,
  skill: Skill,
  memory: SlugMemory,
  signal?: AbortSignal,
): Promise<string> {
  const known = memory.get(skill.id);
  if (known !== undefined) return known;
  const name = await readSlug(client, skill, signal);
  if (isSlug(name)) memory.remember([[skill.id, name]]);
  return name;
}

function readSlug(client: Pick<SkillsClient, 'getVersion'>, skill: Skill, signal?: AbortSignal): Promise<string> {
  return client.getVersion(skill.id, skill.latestVersionId ?? 'latest', signal).then((v) => v.name);
}

/** A name fit to be kept as a slug: a server's longer one is not kept. */
function isSlug(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_SLUG_LENGTH;
}

/**
 * For each of `names`, the first of `skills` (in the list's order) whose slug it is. Slugs the memory holds
 * cost nothing; the others are read a few at a time, in order, until every name has its match or `maxReads`
 * were read. A skill whose latest version cannot be read is passed over (and counted as unread).
 */
export async function matchSlugs(
  client: Pick<SkillsClient, 'getVersion'>,
  skills: readonly Skill[],
  names: Iterable<string>,
  memory: SlugMemory,
  options: SlugMatchOptions = {},
): Promise<SlugMatches> {
  const wanted = new Set(names);
  const matches = new Map<string, Skill>();
  const maxReads = options.maxReads ?? Infinity;
  let read = 0;
  let unread = 0;
  const found = (skill: Skill, slug: string) => {
    if (!wanted.delete(slug)) return;
    matches.set(slug, skill);
  };
  for (let i = 0; i < skills.length && wanted.size > 0;) {
    const known = memory.get(skills[i].id);
    if (known !== undefined) {
      found(skills[i++], known);
      continue;
    }
    if (read >= maxReads) {
      unread += skills.slice(i).filter((s) => memory.get(s.id) === undefined).length;
      break;
    }
    // The next few skills of unknown slug, read together; any known ones between them are taken in order.
    const batch: Skill[] = [];
    for (let j = i; j < skills.length && batch.length < Math.min(LOOKUPS_IN_FLIGHT, maxReads - read); j++) {
      if (memory.get(skills[j].id) === undefined) batch.push(skills[j]);
    }
    read += batch.length;
    const slugs = await Promise.all(
      batch.map((s) =>
        readSlug(client, s, options.signal).then(
          (name) => (isSlug(name) ? name : undefined),
          (err: unknown) => {
            if (options.signal?.aborted) throw err;
            return undefined;
          },
        ),
      ),
    );
    memory.remember(batch.flatMap((s, k) => (slugs[k] === undefined ? [] : [[s.id, slugs[k]] as const])));
    unread += slugs.filter((slug) => slug === undefined).length;
    const last = batch[batch.length - 1];
    for (; i < skills.length && skills[i - 1] !== last; i++) {
      const slug = memory.get(skills[i].id);
      if (slug !== undefined) found(skills[i], slug);
    }
  }
  return { matches, unread, read };
}
