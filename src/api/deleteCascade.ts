// Deleting many versions, and then their skill, a few at a time, with an exact account of what happened to
// each: the API refuses to delete a skill while it has versions, and a user must never be left guessing.
import type { SkillsClient } from './client';
import { SkillsApiError } from './errors';
import { collectAll } from './paging';
import { abortableSleep } from './retry';
import type { SkillVersion } from './types';

/** DELETEs in flight at once: quick for a skill with dozens of versions, gentle on rate limits. */
export const DELETES_IN_FLIGHT = 4;

export type VersionDeleteClient = Pick<SkillsClient, 'deleteVersion' | 'onServerDelay'>;
export type SkillDeleteClient = VersionDeleteClient & Pick<SkillsClient, 'deleteSkill'>;

export interface VersionFailure {
  version: string;
  error: SkillsApiError;
}

/** What became of each version asked for, in the order they were given. */
export interface VersionDeletes {
  deleted: string[];
  failed: VersionFailure[];
  /** Cancelled while their DELETE was under way: the server may or may not have acted on it. */
  unknown: string[];
  notAttempted: string[];
  cancelled: boolean;
}

export interface SkillDeletes extends VersionDeletes {
  skillDeleted: boolean;
  /** Why the skill itself was not deleted, when its DELETE was sent and failed. */
  skillError?: SkillsApiError;
}

export interface DeleteOptions {
  concurrency?: number;
  signal?: AbortSignal;
  /** After each version's outcome is known: how many are, of how many. */
  onSettled?: (settled: number, total: number) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Every version of a skill, 100 per request. */
export function listAllVersions(
  client: Pick<SkillsClient, 'versionPages'>,
  skillId: string,
  signal?: AbortSignal,
): Promise<SkillVersion[]> {
  return collectAll(client.versionPages(skillId, { limit: 100 }, signal));
}

/**
 * Deletes `versions`, `concurrency` at a time. Each request is retried by the client; when an answer asks
 * to wait (`retry-after`), no new DELETE starts until that time, since the others would meet the same
 * limit. With `stopOnFailure`, the first failure stops new DELETEs (those under way finish). A cancel
 * stops new ones too and aborts those under way.
 */
export async function deleteVersions(
  client: VersionDeleteClient,
  skillId: string,
  versions: readonly string[],
  options: DeleteOptions & { stopOnFailure?: boolean } = {},
): Promise<VersionDeletes> {
  const { signal, concurrency = DELETES_IN_FLIGHT, sleep = abortableSleep } = options;
  const outcome = new Map<string, 'deleted' | 'unknown' | 'notAttempted' | SkillsApiError>();
  const queue = [...versions];
  let stopped = false;
  let resumeAt = 0;
  const pauses = client.onServerDelay((delayMs) => {
    resumeAt = Math.max(resumeAt, Date.now() + delayMs);
  });

  const settle = (version: string, result: 'deleted' | 'unknown' | 'notAttempted' | SkillsApiError) => {
    outcome.set(version, result);
    options.onSettled?.(outcome.size, versions.length);
  };
  const worker = async () => {
    for (let version = queue.shift(); version !== undefined; version = queue.shift()) {
      // A pause may be pushed further while waiting: wait again until none is left.
      while (Date.now() < resumeAt && !signal?.aborted)
        await sleep(resumeAt - Date.now(), signal).catch(() => undefined);
      if (stopped || signal?.aborted) {
        settle(version, 'notAttempted');
        continue;
      }
      try {
        await client.deleteVersion(skillId, version, signal);
        settle(version, 'deleted');
      } catch (err) {
        const error = asApiError(err);
        // A version that is not there is gone: what a retry after a lost answer to a DELETE meets.
        if (error.kind === 'notFound') settle(version, 'deleted');
        else if (error.kind === 'cancelled') settle(version, error.mayHaveBeenProcessed ? 'unknown' : 'notAttempted');
        else {
          settle(version, error);
          if (options.stopOnFailure) stopped = true;
        }
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, versions.length) }, worker));
  } finally {
    pauses.dispose();
  }
  const having = (result: string) => versions.filter((v) => outcome.get(v) === result);
  return {
    deleted: having('deleted'),
    failed: versions.flatMap((version) => {
      const error = outcome.get(version);
      return error instanceof SkillsApiError ? [{ version, error }] : [];
    }),
    unknown: having('unknown'),
    notAttempted: having('notAttempted'),
    cancelled: signal?.aborted ?? false,
  };
}

/**
 * Deletes every one of `versions` (all the skill has), stopping at the first failure, then the skill once
 * none is left. The skill is kept when any version is, or when the user cancelled.
 */
export async function deleteSkillAndVersions(
  client: SkillDeleteClient,
  skillId: string,
  versions: readonly string[],
  options: DeleteOptions = {},
): Promise<SkillDeletes> {
  const deletes = await deleteVersions(client, skillId, versions, { ...options, stopOnFailure: true });
  if (deletes.deleted.length !== versions.length || deletes.cancelled) return { ...deletes, skillDeleted: false };
  try {
    await client.deleteSkill(skillId, options.signal);
    return { ...deletes, skillDeleted: true };
  } catch (err) {
    const error = asApiError(err);
    if (error.kind === 'notFound') return { ...deletes, skillDeleted: true };
    return { ...deletes, skillDeleted: false, skillError: error, cancelled: error.kind === 'cancelled' };
  }
}

/** How many versions the deletes were asked for: each has exactly one outcome. */
export function versionsAsked(deletes: VersionDeletes): number {
  return deletes.deleted.length + deletes.failed.length + deletes.unknown.length + deletes.notAttempted.length;
}

/** "Deleted 12 of 45 versions; 1 failed (…): …": every version asked for is accounted for. */
export function summarizeVersionDeletes(deletes: VersionDeletes): string {
  const total = versionsAsked(deletes);
  const parts = [`deleted ${deletes.deleted.length} of ${total} ${total === 1 ? 'version' : 'versions'}`];
  if (deletes.failed.length > 0) {
    const first = deletes.failed[0];
    parts.push(
      `${deletes.failed.length} failed (${first.version}: ${first.error.message}${deletes.failed.length > 1 ? ', and others: see the log' : ''})`,
    );
  }
  if (deletes.unknown.length > 0)
    parts.push(`${deletes.unknown.length} cancelled while under way, so perhaps deleted (the view shows what is left)`);
  if (deletes.notAttempted.length > 0) parts.push(`${deletes.notAttempted.length} not attempted`);
  return parts.join('; ');
}

function asApiError(err: unknown): SkillsApiError {
  return err instanceof SkillsApiError
    ? err
    : new SkillsApiError({ kind: 'server', message: err instanceof Error ? err.message : String(err), cause: err });
}
