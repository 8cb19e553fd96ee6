// Deleting a skill (one DELETE takes its versions with it) and deleting many selected versions a few at a
// time, each with an exact account: a cancelled DELETE whose answer was lost is settled with one GET, so a
// user is left guessing only when that GET fails too.
import * as l10n from '@vscode/l10n';
import type { SkillsClient } from '../api/skillsClient';
import { ApiError, describeError } from '../api/errors';
import { abortableSleep } from '../api/retry';
import type { Skill, SkillVersion } from '../api/types';
import { formatNumber, plural } from '../shared/words';

/** DELETEs in flight at once: quick for dozens of versions, gentle on rate limits. */
export const DELETES_IN_FLIGHT = 4;

export type VersionDeleteClient = Pick<SkillsClient, 'deleteVersion' | 'getVersion' | 'onServerDelay'>;
export type SkillDeleteClient = Pick<SkillsClient, 'deleteSkill' | 'getSkill'>;

export interface VersionFailure {
  versionId: string;
  error: ApiError;
}

/** What became of each version asked for, in the order they were given. */
export interface VersionDeletes {
  deleted: string[];
  failed: VersionFailure[];
  /** Cancelled while their DELETE was under way, and the check afterwards failed too. */
  unknown: string[];
  /** Never sent, or cancelled before the server acted on them (the check found them still there). */
  notAttempted: string[];
  cancelled: boolean;
}

export interface DeleteOptions {
  concurrency?: number;
  signal?: AbortSignal;
  /** After each version's outcome is known: how many are, of how many. */
  onSettled?: (settled: number, total: number) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * How long rate limits may pause the deletes in all, past the client's own retries: a short burst of
   * 429s is waited out (every DELETE paused together), an endless one is not.
   */
  maxRateLimitWaitMs?: number;
}

const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
/** The pause after a rate limit that names no delay. */
const RATE_LIMIT_PAUSE_MS = 2_000;

/** How many versions a skill has, in one request: exact up to 1,000, "more than 1,000" beyond. */
export async function countVersions(
  client: Pick<SkillsClient, 'listVersions'>,
  skillId: string,
  signal?: AbortSignal,
): Promise<{ count: number; more: boolean }> {
  const page = await client.listVersions(skillId, { limit: 1000 }, signal);
  return { count: page.data.length, more: page.nextPage !== null };
}

/** What became of a skill's DELETE. */
export type SkillDeleteOutcome =
  { status: 'deleted' } | { status: 'kept'; error: ApiError } | { status: 'unknown'; error: ApiError };

/** One DELETE removes the skill and every version; a cancel under way is settled by reading the skill. */
export async function deleteSkill(
  client: SkillDeleteClient,
  skillId: string,
  signal?: AbortSignal,
): Promise<SkillDeleteOutcome> {
  try {
    await client.deleteSkill(skillId, signal);
    return { status: 'deleted' };
  } catch (err) {
    const error = asApiError(err);
    if (error.kind === 'notFound') return { status: 'deleted' };
    if (!(error.kind === 'cancelled' && error.mayHaveBeenProcessed)) return { status: 'kept', error };
    const gone = await isGone(() => client.getSkill(skillId));
    return gone === undefined ? { status: 'unknown', error } : gone ? { status: 'deleted' } : { status: 'kept', error };
  }
}

/** After a lost answer: one GET tells. True: 404, gone; false: still there; undefined: the GET failed too. */
async function isGone(read: () => Promise<unknown>): Promise<boolean | undefined> {
  try {
    await read();
    return false;
  } catch (err) {
    return err instanceof ApiError && err.kind === 'notFound' ? true : undefined;
  }
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
  const outcome = new Map<string, 'deleted' | 'unknown' | 'notAttempted' | ApiError>();
  const queue = [...versions];
  let stopped = false;
  let resumeAt = 0;
  let rateLimitWaitLeft = options.maxRateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  const pauses = client.onServerDelay((delayMs) => {
    resumeAt = Math.max(resumeAt, Date.now() + delayMs);
  });

  const settle = (version: string, result: 'deleted' | 'unknown' | 'notAttempted' | ApiError) => {
    outcome.set(version, result);
    options.onSettled?.(outcome.size, versions.length);
  };
  /** A DELETE cancelled under way may or may not have been acted on: reading the version tells which. */
  const settleCancelled = async (version: string) => {
    const gone = await isGone(() => client.getVersion(skillId, version));
    settle(version, gone === undefined ? 'unknown' : gone ? 'deleted' : 'notAttempted');
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
        else if (error.kind === 'rateLimited' && rateLimitWaitLeft > 0) {
          // Paused together and tried again first; the budget bounds the whole delete's waiting.
          const pause = Math.min(error.retryAfterMs ?? RATE_LIMIT_PAUSE_MS, rateLimitWaitLeft);
          rateLimitWaitLeft -= pause;
          resumeAt = Math.max(resumeAt, Date.now() + pause);
          queue.unshift(version);
        } else if (error.kind === 'cancelled') {
          if (error.mayHaveBeenProcessed) await settleCancelled(version);
          else settle(version, 'notAttempted');
        } else {
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
    failed: versions.flatMap((versionId) => {
      const error = outcome.get(versionId);
      return error instanceof ApiError ? [{ versionId, error }] : [];
    }),
    unknown: having('unknown'),
    notAttempted: having('notAttempted'),
    cancelled: signal?.aborted ?? false,
  };
}

/** How many versions the deletes were asked for: each has exactly one outcome. */
export function versionsAsked(deletes: VersionDeletes): number {
  return deletes.deleted.length + deletes.failed.length + deletes.unknown.length + deletes.notAttempted.length;
}

/** "Deleted 12 of 45 versions; 1 failed (…): …": every version asked for is accounted for. */
export function summarizeVersionDeletes(deletes: VersionDeletes): string {
  const total = versionsAsked(deletes);
  const parts = [l10n.t('deleted {0} of {1}', formatNumber(deletes.deleted.length), plural(total, 'version'))];
  if (deletes.failed.length > 0) {
    const [first] = deletes.failed;
    const failed = formatNumber(deletes.failed.length);
    parts.push(
      deletes.failed.length > 1
        ? l10n.t('{0} failed ({1}: {2}, and others: see the log)', failed, first.versionId, first.error.message)
        : l10n.t('{0} failed ({1}: {2})', failed, first.versionId, first.error.message),
    );
  }
  if (deletes.unknown.length > 0)
    parts.push(
      l10n.t(
        '{0} cancelled while under way and not known (the view shows what is left)',
        formatNumber(deletes.unknown.length),
      ),
    );
  if (deletes.notAttempted.length > 0)
    parts.push(l10n.t('{0} not attempted', formatNumber(deletes.notAttempted.length)));
  return parts.join('; ');
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError({ kind: 'server', message: describeError(err), cause: err });
}

/**
 * Whether `versions` are every version `skill` has, asked with one request a version longer than the
 * selection: the API refuses to delete a skill's only version.
 */
export async function holdsEveryVersion(
  client: Pick<SkillsClient, 'listVersions'>,
  { skill, versions }: { skill: Pick<Skill, 'id'>; versions: readonly Pick<SkillVersion, 'id'>[] },
): Promise<boolean> {
  const page = await client.listVersions(skill.id, { limit: Math.min(versions.length + 1, 1000) });
  const chosen = new Set(versions.map((v) => v.id));
  return page.nextPage === null && page.data.every((v) => chosen.has(v.id));
}
