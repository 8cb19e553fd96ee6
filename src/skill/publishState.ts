// Where a local skill folder stands against what it published: from what was remembered at the publish (the
// version made and each file's SHA-256) and the folder's files now. Costs no request; the skill's latest
// version id, when known, tells whether someone published since.
import { createHash } from 'node:crypto';
import type { UploadFile } from '../api/types';
import type { SkillFile } from './files';
import { rememberDigest } from './fileHashes';

/** What a folder published (or was compared with): kept per folder in the workspace's state. */
export interface PublishRecord {
  skillId: string;
  versionId: string;
  /** `published` from this workspace; `compared` when Compare with Published read the version. */
  origin: 'published' | 'compared';
  /** The version's files: relative path → SHA-256. */
  files: Record<string, string>;
  /**
   * The local files that held exactly those bytes at the time: path → [size, mtime]. A file still of that
   * size and mtime needs no reading to be known unchanged.
   */
  local: Record<string, [number, number]>;
}

/** The states a folder can be in, in the order they show: the first that holds is the row's. */
export const STATE_KINDS = [
  'unknown',
  'problems',
  'diverged',
  'newerElsewhere',
  'modified',
  'notChecked',
  'inSync',
  'neverPublished',
] as const;
export type StateKind = (typeof STATE_KINDS)[number];

export interface FileChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface PublishState {
  /** Every state that holds, the one to show first. */
  kinds: StateKind[];
  /** Against the record, when there is one. */
  changes?: FileChanges;
}

export interface PublishStateInput {
  /** Problems that stop a publish. */
  errors: number;
  /** The skill the folder publishes to: the one it remembers, else the one its name matches. */
  targetId?: string;
  /** No target is known, and none is known not to exist: the name could not be looked up. */
  targetUnknown?: boolean;
  record?: PublishRecord;
  /** The folder's files now: relative path → SHA-256. */
  current: ReadonlyMap<string, string>;
  /** The target's latest version id, when the Skills view or a GET told it. */
  latestVersionId?: string | null;
}

/** The files that differ between the record and the folder now, by path. */
export function fileChanges(published: Record<string, string>, current: ReadonlyMap<string, string>): FileChanges {
  const changes: FileChanges = { added: [], removed: [], changed: [] };
  // Paths come from disk: `constructor` or `__proto__` is a file like any other, never a key of Object.
  for (const [path, digest] of current) {
    if (!Object.hasOwn(published, path)) changes.added.push(path);
    else if (published[path] !== digest) changes.changed.push(path);
  }
  for (const path of Object.keys(published)) if (!current.has(path)) changes.removed.push(path);
  for (const list of Object.values(changes)) list.sort();
  return changes;
}

export function changeCount(changes: FileChanges): number {
  return changes.added.length + changes.removed.length + changes.changed.length;
}

export function publishState(input: PublishStateInput): PublishState {
  const kinds: StateKind[] = [];
  if (input.errors > 0) kinds.push('problems');
  const record = input.record && input.record.skillId === input.targetId ? input.record : undefined;
  if (!record) {
    kinds.push(input.targetId || input.targetUnknown ? 'notChecked' : 'neverPublished');
    return { kinds };
  }
  const changes = fileChanges(record.files, input.current);
  const modified = changeCount(changes) > 0;
  const latest = input.latestVersionId;
  const newer = typeof latest === 'string' && latest !== record.versionId;
  if (modified && newer) kinds.push('diverged');
  if (newer) kinds.push('newerElsewhere');
  if (modified) kinds.push('modified');
  if (!modified && !newer) kinds.push('inSync');
  return { kinds, changes };
}

/** The record of what `files` (as they are now) hold, made at a publish or a comparison. */
export function makeRecord(
  skillId: string,
  versionId: string,
  origin: PublishRecord['origin'],
  published: ReadonlyMap<string, string>,
  files: readonly SkillFile[],
  current: ReadonlyMap<string, string>,
): PublishRecord {
  const local: [string, [number, number]][] = [];
  for (const f of files) {
    const digest = published.get(f.relativePath);
    if (digest !== undefined && current.get(f.relativePath) === digest)
      local.push([f.relativePath, [f.size, f.mtimeMs]]);
  }
  // fromEntries makes own properties, `__proto__` included; an assignment would set the prototype.
  return { skillId, versionId, origin, files: Object.fromEntries(published), local: Object.fromEntries(local) };
}

/** Hands the record's digests to the hash cache for the files still as they were: they are not read. */
export function primeFromRecord(record: PublishRecord, files: readonly SkillFile[]): void {
  for (const f of files) {
    if (!Object.hasOwn(record.local, f.relativePath) || !Object.hasOwn(record.files, f.relativePath)) continue;
    const [size, mtimeMs] = record.local[f.relativePath];
    const digest = record.files[f.relativePath];
    if (size === f.size && mtimeMs === f.mtimeMs) rememberDigest(f, digest);
  }
}

/** The SHA-256 of what an upload file sends, read as the upload read it. */
async function digestOf(file: UploadFile): Promise<string> {
  const hash = createHash('sha256');
  if (file.data instanceof Uint8Array) hash.update(file.data);
  else for await (const chunk of file.data.stream()) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The record of a publish of `skill`'s `upload` as `versionId` of `skillId`; its digests go to the hash
 * cache, so the folder's state right after reads nothing.
 */
export async function recordOfUpload(
  skill: { name?: string; files: readonly SkillFile[] },
  upload: readonly UploadFile[],
  skillId: string,
  versionId: string,
): Promise<PublishRecord> {
  const published = new Map<string, string>();
  for (const file of upload) published.set(file.path.slice(file.path.indexOf('/') + 1), await digestOf(file));
  const record = makeRecord(skillId, versionId, 'published', published, skill.files, published);
  primeFromRecord(record, skill.files);
  return record;
}
