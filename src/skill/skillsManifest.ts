// `claude-skills.json`: a repository's committed record of which skill each folder publishes to and what it
// published last (the version and the SHA-256 of every uploaded file), so every machine of a team — a CI
// run too — knows a folder's state without asking the API for it. `publish` writes it; `status` and the
// extension read it. Untrusted like any file of a checkout: bounded, and checked field by field.
import * as l10n from '@vscode/l10n';
import { stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { readJsonFile } from './jsonFile';
import type { PublishRecord } from './publishState';

export const MANIFEST_FILE = 'claude-skills.json';
/** A manifest of thousands of folders is well under this. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

export interface ManifestEntry {
  skill_id: string;
  version_id: string;
  /** Relative path (with `/`) → SHA-256 hex of what was uploaded. */
  files: Record<string, string>;
}

export interface SkillsManifest {
  /** The file's path; keys of `folders` are relative to its folder. */
  path: string;
  folders: Map<string, ManifestEntry>;
}

const isDigest = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const isId = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;

function entryOf(value: unknown): ManifestEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { skill_id: skillId, version_id: versionId, files } = value as Record<string, unknown>;
  if (!isId(skillId) || !isId(versionId) || typeof files !== 'object' || files === null) return undefined;
  const entries = Object.entries(files as Record<string, unknown>);
  if (!entries.every(([, digest]) => isDigest(digest))) return undefined;
  return {
    skill_id: skillId as string,
    version_id: versionId as string,
    files: Object.fromEntries(entries) as Record<string, string>,
  };
}

/** The manifest at `file`; undefined when there is none; an error that says what to fix when it is wrong. */
export async function readManifest(file: string): Promise<SkillsManifest | undefined> {
  const json = await readJsonFile(file, MAX_MANIFEST_BYTES, l10n.t('fix it, or delete it to start over.'));
  if (json === undefined) return undefined;
  const folders = (json as { folders?: unknown })?.folders;
  if ((json as { version?: unknown })?.version !== 1 || typeof folders !== 'object' || folders === null) {
    throw new Error(l10n.t('{0} is not a claude-skills.json of version 1: it needs "version": 1 and "folders".', file));
  }
  const read = new Map<string, ManifestEntry>();
  for (const [folder, value] of Object.entries(folders as Record<string, unknown>)) {
    const entry = entryOf(value);
    if (!entry) {
      throw new Error(
        l10n.t('{0}: the entry of "{1}" needs skill_id, version_id and files (path → SHA-256).', file, folder),
      );
    }
    read.set(folder, entry);
  }
  return { path: file, folders: read };
}

/** Written with sorted keys and a newline at the end, so that a commit of it diffs line by line. */
export async function writeManifest(manifest: SkillsManifest): Promise<void> {
  const sorted = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const folders = [...manifest.folders.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([folder, e]) => [folder, { skill_id: e.skill_id, version_id: e.version_id, files: sorted(e.files) }]);
  await writeFile(manifest.path, `${JSON.stringify({ version: 1, folders: Object.fromEntries(folders) }, null, 2)}\n`);
}

/** A folder's key in the manifest: its path relative to the manifest's folder, with `/`. */
export function manifestKey(manifest: Pick<SkillsManifest, 'path'>, folder: string): string {
  return path.relative(path.dirname(manifest.path), folder).split(path.sep).join('/') || '.';
}

/** What a folder published last, as the state computation takes it. */
export function recordOf(entry: ManifestEntry): PublishRecord {
  return { skillId: entry.skill_id, versionId: entry.version_id, origin: 'published', files: entry.files, local: {} };
}

/**
 * The manifest that governs `cwd`: the first claude-skills.json from it upward, stopping at the repository's
 * root (the folder holding `.git`); when there is none, an empty one to be written at that root (or `cwd`).
 */
export async function locateManifest(cwd: string): Promise<SkillsManifest> {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    const file = path.join(folder, MANIFEST_FILE);
    const found = await readManifest(file);
    if (found) return found;
    const isRoot = (await stat(path.join(folder, '.git')).catch(() => undefined)) !== undefined;
    if (isRoot) return { path: file, folders: new Map() };
    if (path.dirname(folder) === folder)
      return { path: path.join(path.resolve(cwd), MANIFEST_FILE), folders: new Map() };
  }
}
