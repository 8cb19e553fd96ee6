// Publishing a checked skill folder: one POST, never retried blindly, and an outcome that is always
// known. When the answer is lost (timeout, reset, a cancel while the body was on its way) the API is asked
// again: a changed `latest_version` means the version was made, a skill with the title means the skill was.
import type { SkillsClient } from '../api/client';
import { SkillsApiError, describeError } from '../api/errors';
import { collectAll } from '../api/paging';
import type { Skill, SkillVersion, UploadFile } from '../api/types';

export type PublishTarget = { kind: 'version'; skill: Skill } | { kind: 'skill'; displayTitle: string };

export interface Published {
  /** The skill as it is now: new, or with the new version as its latest. */
  skill: Skill;
  /** The new version as the API answered it; absent when a lost answer was settled by asking again. */
  version?: SkillVersion;
  /** True when the answer was lost and asking again showed that the publish happened. */
  settled: boolean;
}

export type PublishClient = Pick<SkillsClient, 'createVersion' | 'createSkill' | 'getSkill' | 'skillPages'>;

/** The publish did not happen, and asking the API again proved it. */
export class NotPublishedError extends Error {
  constructor(cause: unknown) {
    super(`${describeError(cause)} Checked again: nothing was published.`, { cause });
    this.name = 'NotPublishedError';
  }
}

/** Whether it happened cannot be told: the check failed too. */
export class PublishOutcomeUnknownError extends Error {
  constructor(cause: unknown, checkError: unknown) {
    super(
      `${describeError(cause)} Whether it was published is unknown: checking failed too (${describeError(checkError)}). Refresh the Skills view before publishing again.`,
      { cause },
    );
    this.name = 'PublishOutcomeUnknownError';
  }
}

/**
 * Uploads a checked skill folder's files (from readUploadFiles) as a new version or a new skill. The
 * signal aborts the upload; the check after a lost answer runs regardless. Light on purpose: the
 * extension's main bundle holds it, while the folder checks load on first use.
 */
export async function publishFiles(
  client: PublishClient,
  files: readonly UploadFile[],
  target: PublishTarget,
  signal?: AbortSignal,
): Promise<Published> {
  try {
    if (target.kind === 'version') {
      const version = await client.createVersion(target.skill.id, files, signal);
      const skill = { ...target.skill, latestVersion: version.version, updatedAt: version.createdAt };
      return { skill, version, settled: false };
    }
    const skill = await client.createSkill({ files, displayTitle: target.displayTitle }, signal);
    return { skill, settled: false };
  } catch (err) {
    if (!(err instanceof SkillsApiError) || !err.mayHaveBeenProcessed) throw err;
    return settle(client, target, err);
  }
}

async function settle(client: PublishClient, target: PublishTarget, cause: SkillsApiError): Promise<Published> {
  let found: Published | undefined;
  try {
    found =
      target.kind === 'version'
        ? await newVersion(client, target.skill)
        : await skillTitled(client, target.displayTitle);
  } catch (checkError) {
    throw new PublishOutcomeUnknownError(cause, checkError);
  }
  if (!found) throw new NotPublishedError(cause);
  return found;
}

async function newVersion(client: PublishClient, before: Skill): Promise<Published | undefined> {
  const now = await client.getSkill(before.id);
  return now.latestVersion !== before.latestVersion ? { skill: now, settled: true } : undefined;
}

async function skillTitled(client: PublishClient, displayTitle: string): Promise<Published | undefined> {
  const skills = await collectAll(client.skillPages({ source: 'custom', limit: 100 }));
  const skill = skills.find((s) => s.displayTitle === displayTitle);
  return skill && { skill, settled: true };
}
