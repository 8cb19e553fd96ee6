// Publish as New Version's choice of skill, apart from VS Code: the one the folder last published to,
// else the custom skill whose slug is the folder's name, else the user is to pick among their skills.
import type { SkillsClient } from '../api/skillsClient';
import { ApiError } from '../api/errors';
import type { Skill } from '../api/types';
import type { PublishRecord } from '../skill/publishState';
import { isWritable, listNameMatchableSkills, matchSlugs, type SlugMemory } from './skillLookup';

export type TargetChoice =
  /** `slug` when it was read on the way (the slug match), so it need not be read again. */
  | { kind: 'found'; skill: Skill; slug?: string }
  /** No skill is the folder's: the user picks one of these (or a new skill). */
  | { kind: 'pick'; skills: Skill[] };

export interface PublishTargetDeps {
  client: Pick<SkillsClient, 'getSkill' | 'getVersion' | 'skillPages'>;
  /** The skill this folder last published to, kept per workspace. */
  remembered: { get(): string | undefined; forget(): PromiseLike<unknown> };
  /** Skills' slugs as read before: not read again. */
  slugs: SlugMemory;
}

export async function choosePublishTarget(deps: PublishTargetDeps, name: string): Promise<TargetChoice> {
  const rememberedId = deps.remembered.get();
  if (rememberedId) {
    try {
      const skill = await deps.client.getSkill(rememberedId);
      if (isWritable(skill)) return { kind: 'found', skill };
    } catch (err) {
      if (!(err instanceof ApiError && err.kind === 'notFound')) throw err;
    }
    await deps.remembered.forget(); // deleted since, or not ours to write
  }
  const skills = await listNameMatchableSkills(deps.client);
  const found = (await matchSlugs(deps.client, skills, [name], deps.slugs)).matches.get(name);
  return found ? { kind: 'found', skill: found, slug: name } : { kind: 'pick', skills };
}

/**
 * Whether `skill` has a latest version this folder neither published nor was compared with: someone
 * published from elsewhere since, and a publish now would put this folder's files over theirs.
 */
export function publishedElsewhereSince(record: PublishRecord | undefined, skill: Skill): boolean {
  return record?.skillId === skill.id && !!skill.latestVersionId && skill.latestVersionId !== record.versionId;
}
