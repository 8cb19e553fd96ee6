// SHA-256s of a skill folder's files, remembered by path, size and mtime: what tells which files changed
// since a publish. A file is read only when it is new to the cache; its digest can also be handed in (from
// a publish record), so a restart hashes nothing that did not change.
import { createHash } from 'node:crypto';
import { forEachLimited } from './concurrency';
import { withRegularFile, type SkillFile } from './files';

type FileKey = Pick<SkillFile, 'absolutePath' | 'size' | 'mtimeMs'>;

/** Files read at once. */
const READS_IN_FLIGHT = 8;
/** Read in pieces this large, so a large file is never held whole. */
const CHUNK_BYTES = 1024 * 1024;
const MAX_REMEMBERED = 50_000;

const remembered = new Map<string, string>();
let filesRead = 0;
const keyOf = (file: FileKey) => `${file.absolutePath}\0${file.size}\0${file.mtimeMs}`;

/** How many files were read to be hashed since the extension started: the tests read it. */
export function filesHashed(): number {
  return filesRead;
}

/** Takes a digest known from elsewhere (a publish record) for a file as it is now. */
export function rememberDigest(file: FileKey, sha256: string): void {
  const key = keyOf(file);
  remembered.delete(key);
  remembered.set(key, sha256);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The file's SHA-256, read in pieces; undefined when it is not a regular file, or changed size meanwhile. */
async function hashFile(file: SkillFile): Promise<string | undefined> {
  filesRead++;
  return withRegularFile(file.absolutePath, async (handle, info) => {
    if (info.size !== file.size) return undefined;
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(file.size, 1)));
    let position = 0;
    while (position < file.size) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, file.size - position), position);
      if (bytesRead === 0) return undefined; // shorter than it said
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return hash.digest('hex');
  }).catch(() => undefined);
}

/**
 * The SHA-256 of every file by its relative path; files remembered as they are (path, size, mtime) are
 * not read. A file that cannot be read has no entry.
 */
export async function hashFiles(files: readonly SkillFile[]): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  await forEachLimited(files, READS_IN_FLIGHT, async (file) => {
    const known = remembered.get(keyOf(file));
    const digest = known ?? (await hashFile(file));
    if (digest === undefined) return;
    if (known === undefined) rememberDigest(file, digest);
    digests.set(file.relativePath, digest);
  });
  return digests;
}
