// The eval draft of a skill folder: a custom skill of its own that holds the folder's current files, so an
// eval runs what the author is editing without publishing it. Found again by its marker and its slug (so a
// second machine or a CI run reuses it), never by title alone; a new version only when the files differ
// from its latest; the newest few versions kept. Whether the API lets two skills share a `name` is
// UNVERIFIED: when it refuses the draft's, the draft carries `<name>-draft` and says it was renamed.
import type { SkillsClient } from '../api/skillsClient';
import { ApiError } from '../api/errors';
import { collectAll } from '../api/paging';
import { bytesOf, type Skill, type UploadFile } from '../api/types';
import { sha256Hex } from '../skill/fileHashes';
import type { ReadArchive } from './publish';
import {
  EVAL_DRAFT_MARKER,
  isEvalDraft,
  listCustomSkills,
  renamedDraftSlug,
  slugOf,
  type SlugMemory,
} from './skillLookup';

export const KEPT_DRAFT_VERSIONS = 3;
/** Drafts looked at, at most, for the one of a folder: a workspace has one per folder that ran evals. */
const MAX_DRAFTS_READ = 200;

export type DraftClient = Pick<
  SkillsClient,
  'skillPages' | 'getVersion' | 'createSkill' | 'createVersion' | 'versionPages' | 'deleteVersion' | 'downloadVersion'
>;

export interface DraftInput {
  /** The folder's skill title (its display name when published, else its name). */
  title: string;
  /** The frontmatter `name`. */
  slug: string;
  /** The folder's checked upload files, under their top-level folder (as readUploadFiles gives them). */
  files: readonly UploadFile[];
}

export interface EvalDraft {
  skill: Skill;
  versionId: string;
  /** The `name` the draft's SKILL.md carries: what trigger detection looks for. */
  slug: string;
  /** The API refused the folder's own name for a second skill: results may not be representative. */
  renamed: boolean;
  /** Whether a new version went up (false: the latest already held these files). */
  uploaded: boolean;
  /** Older draft versions deleted. */
  pruned: number;
}

export const draftDisplayName = (title: string) => `${title.slice(0, 200)} ${EVAL_DRAFT_MARKER}`;

const topFolder = (files: readonly UploadFile[]) => files[0]?.path.split('/')[0] ?? '';

/** The files with SKILL.md's frontmatter `name` replaced: for a draft the API refused under the folder's name. */
export async function withSlug(files: readonly UploadFile[], slug: string): Promise<UploadFile[]> {
  const skillMd = `${topFolder(files)}/SKILL.md`;
  return Promise.all(
    files.map(async (file) => {
      if (file.path !== skillMd) return file;
      const text = new TextDecoder().decode(await bytesOf(file));
      const renamed = text.replace(/^(---\r?\n(?:(?!---)[^\n]*\n)*?)name:[^\r\n]*/, `$1name: ${slug}`);
      return { path: file.path, data: new TextEncoder().encode(renamed) };
    }),
  );
}

/** SHA-256 by path below the top folder, as a version's archive is read. */
async function hashesOf(files: readonly UploadFile[]): Promise<Map<string, string>> {
  const prefix = `${topFolder(files)}/`;
  const hashes = new Map<string, string>();
  for (const file of files) hashes.set(file.path.slice(prefix.length), sha256Hex(await bytesOf(file)));
  return hashes;
}

async function sameFiles(
  client: DraftClient,
  skill: Skill,
  files: readonly UploadFile[],
  readArchive: ReadArchive,
  signal?: AbortSignal,
): Promise<boolean> {
  if (!skill.latestVersionId) return false;
  const archive = await readArchive(await client.downloadVersion(skill.id, skill.latestVersionId, signal));
  const ours = await hashesOf(files);
  if (archive.size !== ours.size) return false;
  for (const [path, data] of archive) if (ours.get(path) !== sha256Hex(data)) return false;
  return true;
}

/** The folder's draft, if one exists: a skill with the marker whose slug is the folder's, or its renamed one. */
export async function findEvalDraft(
  client: Pick<SkillsClient, 'skillPages' | 'getVersion'>,
  slug: string,
  slugs: SlugMemory,
  signal?: AbortSignal,
): Promise<{ skill: Skill; slug: string } | undefined> {
  const drafts = (await listCustomSkills(client, signal)).filter(isEvalDraft).slice(0, MAX_DRAFTS_READ);
  const wanted = new Set([slug, renamedDraftSlug(slug)]);
  for (const skill of drafts) {
    const found = await slugOf(client, skill, slugs, signal).catch(() => undefined);
    if (found !== undefined && wanted.has(found)) return { skill, slug: found };
  }
  return undefined;
}

/** Whether a refused create is about the name being taken (wording UNVERIFIED: any 400/409 naming it). */
const refusesSharedName = (err: unknown) =>
  err instanceof ApiError &&
  (err.status === 409 || err.status === 400) &&
  /already (exists|in use|taken)|\bunique\b|duplicate/i.test(err.message);

/** The folder's draft with its current files: found or made, a new version only when they changed, pruned. */
export async function prepareEvalDraft(
  client: DraftClient,
  input: DraftInput,
  options: { readArchive: ReadArchive; slugs: SlugMemory; signal?: AbortSignal },
): Promise<EvalDraft> {
  const { signal } = options;
  const existing = await findEvalDraft(client, input.slug, options.slugs, signal);
  if (!existing) {
    try {
      const skill = await client.createSkill(
        { files: input.files, displayName: draftDisplayName(input.title) },
        signal,
      );
      return {
        skill,
        versionId: skill.latestVersionId ?? 'latest',
        slug: input.slug,
        renamed: false,
        uploaded: true,
        pruned: 0,
      };
    } catch (err) {
      if (!refusesSharedName(err)) throw err;
      const slug = renamedDraftSlug(input.slug);
      const files = await withSlug(input.files, slug);
      const skill = await client.createSkill({ files, displayName: draftDisplayName(input.title) }, signal);
      return { skill, versionId: skill.latestVersionId ?? 'latest', slug, renamed: true, uploaded: true, pruned: 0 };
    }
  }
  const { skill, slug } = existing;
  const renamed = slug !== input.slug;
  const files = renamed ? await withSlug(input.files, slug) : input.files;
  if (await sameFiles(client, skill, files, options.readArchive, signal)) {
    return { skill, versionId: skill.latestVersionId!, slug, renamed, uploaded: false, pruned: 0 };
  }
  const version = await client.createVersion(skill.id, files, signal);
  const pruned = await pruneDraft(client, skill.id, signal);
  return {
    skill: { ...skill, latestVersionId: version.id },
    versionId: version.id,
    slug,
    renamed,
    uploaded: true,
    pruned,
  };
}

/** Deletes all but the newest KEPT_DRAFT_VERSIONS versions; one that fails to go stays for the next prune. */
async function pruneDraft(client: DraftClient, skillId: string, signal?: AbortSignal): Promise<number> {
  const versions = await collectAll(client.versionPages(skillId, { limit: 1000 }, signal));
  let deleted = 0;
  for (const version of versions.slice(KEPT_DRAFT_VERSIONS)) {
    await client.deleteVersion(skillId, version.id, signal).then(
      () => deleted++,
      () => undefined,
    );
  }
  return deleted;
}
