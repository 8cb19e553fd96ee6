// Publishing a checked skill folder: one POST, never retried blindly, and an outcome told only when it is
// known. The target is read fresh right before the upload. When the answer is lost (a timeout or a reset
// after the body went out, a cancel after that) the API is asked again, a few times over a bounded window:
// a version (or a custom skill) created since the upload started whose files hash the same as the upload
// is ours. Anything else — a colleague's publish, an older namesake — is not. Unseen, the outcome is
// unknown, never "nothing was published". Light on purpose: the extension's main bundle holds it, and
// reading an archive is handed in (jszip loads with the folder checks, on first use).
import { createHash } from 'node:crypto';
import type { SkillsClient } from '../api/skillsClient';
import { ApiError, describeError } from '../api/errors';
import { collectAll } from '../api/paging';
import { abortableSleep } from '../api/retry';
import { bytesOf, type Skill, type SkillVersion, type UploadFile } from '../api/types';
import * as l10n from '@vscode/l10n';

export type PublishTarget = { kind: 'version'; skill: Skill } | { kind: 'skill'; displayName: string };

export interface Published {
  /** The skill as it is now: new, or with the new version as its latest. */
  skill: Skill;
  /** The new version; absent for a new skill (its latest version is the one made). */
  version?: SkillVersion;
  /** True when the answer was lost and asking again showed that the publish happened. */
  settled: boolean;
}

export type PublishClient = Pick<
  SkillsClient,
  'createVersion' | 'createSkill' | 'getSkill' | 'getVersion' | 'listVersions' | 'skillPages' | 'downloadVersion'
>;

/** A version's files by path below its top-level folder, as the Skills view's archive reader gives them. */
export type ReadArchive = (zip: Uint8Array) => Promise<ReadonlyMap<string, Uint8Array>>;

export interface SettleOptions {
  readArchive: ReadArchive;
  /** The waits between looks after a lost answer; their sum is the window (about 20 s). */
  delaysMs?: readonly number[];
  /** How far the server's clock may be behind ours: a version stamped that much before the start may be ours. */
  clockSkewMs?: number;
  /** Stops the looking (a second Cancel): the outcome is then unknown. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_SETTLE_DELAYS_MS = [1_000, 2_000, 3_000, 5_000, 9_000];
const DEFAULT_CLOCK_SKEW_MS = 120_000;
/** A look downloads at most this many candidates: new versions within seconds of ours are few. */
const CANDIDATES_PER_LOOK = 5;

/** Whether it happened cannot be told: it did not show up while we looked, or looking failed. */
export class PublishOutcomeUnknownError extends Error {
  constructor(
    cause: unknown,
    readonly why: string,
  ) {
    super(
      l10n.t(
        '{0} Whether it was published is not known: {1}. Refresh the Skills view and look for the new version before publishing again, so as not to publish it twice.',
        describeError(cause),
        why,
      ),
      { cause },
    );
    this.name = 'PublishOutcomeUnknownError';
  }
}

/**
 * Uploads a checked skill folder's files (from readUploadFiles) as a new version or a new skill. `signal`
 * aborts the upload; a lost answer is then settled as SettleOptions says.
 */
export async function publishFiles(
  client: PublishClient,
  files: readonly UploadFile[],
  target: PublishTarget,
  options: { signal?: AbortSignal; settle: SettleOptions },
): Promise<Published> {
  const { signal } = options;
  // Read fresh, right before the upload: what the tree loaded may be stale by now, and what exists already
  // is not ours however alike.
  const before = target.kind === 'version' ? await client.getSkill(target.skill.id, signal) : undefined;
  const namesakes = target.kind === 'skill' ? await skillsTitled(client, target.displayName, signal) : [];
  const startedAt = Date.now();
  try {
    if (before) {
      const version = await client.createVersion(before.id, files, signal);
      return {
        skill: { ...before, latestVersionId: version.id, updatedAt: version.createdAt },
        version,
        settled: false,
      };
    }
    const displayName = target.kind === 'skill' ? target.displayName : undefined;
    const skill = await client.createSkill({ files, displayName }, signal);
    return { skill, settled: false };
  } catch (err) {
    if (!(err instanceof ApiError) || !err.mayHaveBeenProcessed) throw err;
    const look = before
      ? () => findOurVersion(client, before, files, startedAt, options.settle)
      : () => findOurSkill(client, target as { displayName: string }, namesakes, files, startedAt, options.settle);
    return settle(look, err, options.settle);
  }
}

async function settle(look: () => Promise<Published | undefined>, cause: ApiError, options: SettleOptions) {
  const { signal, sleep = abortableSleep } = options;
  const delays = options.delaysMs ?? DEFAULT_SETTLE_DELAYS_MS;
  let lastError: unknown;
  for (let i = 0; ; i++) {
    try {
      const found = await look();
      if (found) return found;
      lastError = undefined;
    } catch (err) {
      lastError = err; // a failed look is tried again at the next
    }
    if (i >= delays.length) break;
    try {
      await sleep(delays[i], signal);
    } catch {
      throw new PublishOutcomeUnknownError(cause, l10n.t('the check for it was stopped before it showed up'));
    }
  }
  const seconds = Math.round(delays.reduce((sum, d) => sum + d, 0) / 1000);
  throw new PublishOutcomeUnknownError(
    cause,
    lastError === undefined
      ? l10n.t('it did not show up in {0} s of checking, and it may still', seconds)
      : l10n.t('checking failed too ({0})', describeError(lastError)),
  );
}

/** The custom skills titled `displayName`, every page. */
async function skillsTitled(client: PublishClient, displayName: string, signal?: AbortSignal): Promise<Skill[]> {
  const skills = await collectAll(client.skillPages({ source: 'custom', limit: 1000 }, signal));
  return skills.filter((s) => s.source === 'custom' && s.displayName === displayName);
}

/**
 * A version of `before`'s skill made since the upload started, with our files. The list is newest first:
 * only the versions above the latest one before the upload can be new (an identical earlier publish of
 * the same folder is not ours); without that version in the page, the time alone tells.
 */
async function findOurVersion(
  client: PublishClient,
  before: Skill,
  files: readonly UploadFile[],
  startedAt: number,
  options: SettleOptions,
): Promise<Published | undefined> {
  const page = await client.listVersions(before.id, { limit: 100 });
  const since = startedAt - (options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
  const previous = page.data.findIndex((v) => v.id === before.latestVersionId);
  const candidates = (previous === -1 ? page.data : page.data.slice(0, previous))
    .filter((v) => Date.parse(v.createdAt) >= since)
    .slice(0, CANDIDATES_PER_LOOK);
  for (const version of candidates) {
    if (await holdsFiles(client, before.id, version.id, files, options.readArchive)) {
      return { skill: await client.getSkill(before.id), version, settled: true };
    }
  }
  return undefined;
}

/** A custom skill with this title that was not there before, made since the upload, holding our files. */
async function findOurSkill(
  client: PublishClient,
  { displayName }: { displayName: string },
  namesakes: readonly Skill[],
  files: readonly UploadFile[],
  startedAt: number,
  options: SettleOptions,
): Promise<Published | undefined> {
  const since = startedAt - (options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
  const existed = new Set(namesakes.map((s) => s.id));
  const candidates = (await skillsTitled(client, displayName))
    .filter((s) => !existed.has(s.id) && Date.parse(s.createdAt) >= since)
    .slice(0, CANDIDATES_PER_LOOK);
  for (const skill of candidates) {
    const version = await client.getVersion(skill.id, skill.latestVersionId ?? 'latest');
    if (await holdsFiles(client, skill.id, version.id, files, options.readArchive)) {
      return { skill, version, settled: true };
    }
  }
  return undefined;
}

/** Whether a published version's files are exactly the uploaded ones: same paths, same SHA-256s. */
async function holdsFiles(
  client: PublishClient,
  skillId: string,
  versionId: string,
  files: readonly UploadFile[],
  readArchive: ReadArchive,
): Promise<boolean> {
  const published = await readArchive(await client.downloadVersion(skillId, versionId));
  const uploaded = await uploadDigests(files);
  if (published.size !== uploaded.size) return false;
  for (const [path, data] of published) if (uploaded.get(path) !== sha256(data)) return false;
  return true;
}

/** SHA-256 of every uploaded file by its path below the top-level `<name>/` folder (read again if on disk). */
async function uploadDigests(files: readonly UploadFile[]): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const f of files) digests.set(f.path.slice(f.path.indexOf('/') + 1), sha256(await bytesOf(f)));
  return digests;
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
