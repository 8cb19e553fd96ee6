// A published version's files, from the zip the API serves (endpoint 9), and how they differ from a local
// skill folder. A zip from the server is untrusted: its names, its count and what it inflates to are all
// bounded here.
import * as l10n from '@vscode/l10n';
import JSZip from 'jszip';
import { fileNameProblem, nameKey } from '../shared/fileNames';
import { formatBytes, formatNumber, plural } from '../shared/words';
import { MAX_FILES } from './files';

/** Relative path (forward slashes) → content. */
export type VersionFiles = Map<string, Uint8Array>;

/** What a version may unpack to: no more than an upload may carry (30 MB, 10,000 files). */
const MAX_UNPACKED_BYTES = 30 * 1024 * 1024;
const MAX_ENTRIES = MAX_FILES;

class UnsafeArchiveError extends Error {
  constructor(why: string) {
    super(l10n.t("The version's zip was not unpacked: {0}", why));
    this.name = 'UnsafeArchiveError';
  }
}

/** A name that leaves the folder wherever it is written: absolute, `..`, a Windows drive or a UNC share. */
function escapes(name: string): boolean {
  return /^[\\/]/.test(name) || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..');
}

/**
 * How many entries the zip's end-of-central-directory record says it holds: jszip keys entries by name,
 * so a second entry of the same name would otherwise vanish without a word.
 */
function declaredEntryCount(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      const count = view.getUint16(at + 10, true);
      return count === 0xffff ? undefined : count; // ZIP64: jszip reads that itself
    }
  }
  return undefined;
}

/** jszip's own chunked reader of an entry (public at run time, absent from its typings). */
interface EntryStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): EntryStream;
  on(event: 'error', listener: (error: Error) => void): EntryStream;
  on(event: 'end', listener: () => void): EntryStream;
  pause(): EntryStream;
  resume(): EntryStream;
}

/** One entry's bytes, inflating no further than the budget left. */
function inflate(entry: JSZip.JSZipObject, budget: { left: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): EntryStream }).internalStream(
      'uint8array',
    );
    stream.on('data', (chunk: Uint8Array) => {
      budget.left -= chunk.length;
      if (budget.left < 0) {
        stream.pause();
        reject(
          new UnsafeArchiveError(
            l10n.t('its files unpack to more than {0}, more than a skill may hold.', formatBytes(MAX_UNPACKED_BYTES)),
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    stream.resume();
  });
}

/**
 * The files in a version's zip. The API wraps them in one top-level folder (the skill's `name`): it is
 * stripped, and a flat zip is taken as it is. Refused, saying why: a name that would leave the folder,
 * two entries of one name, more entries or more bytes than a skill may hold.
 */
export async function unpackVersionZip(bytes: Uint8Array): Promise<VersionFiles> {
  const zip = await JSZip.loadAsync(bytes);
  const all = Object.values(zip.files);
  const declared = declaredEntryCount(bytes);
  if (declared !== undefined && declared > all.length)
    throw new UnsafeArchiveError(l10n.t('it holds two entries of one name.'));
  const entries = all.filter((entry) => !entry.dir);
  if (entries.length > MAX_ENTRIES) {
    throw new UnsafeArchiveError(
      l10n.t(
        'it holds {0}, more than the {1} a skill may hold.',
        plural(entries.length, 'file'),
        formatNumber(MAX_ENTRIES),
      ),
    );
  }
  const folded = new Set<string>();
  const folders = new Set<string>();
  for (const entry of entries) {
    // jszip cleans `..` out of names on load; the name as written tells what the zip tried.
    const written = entry.unsafeOriginalName ?? entry.name;
    if (escapes(written) || escapes(entry.name))
      throw new UnsafeArchiveError(l10n.t('it holds a path that leaves its folder: {0}', written));
    const segments = entry.name.split('/');
    for (const segment of segments) {
      const problem = fileNameProblem(segment);
      if (problem)
        throw new UnsafeArchiveError(
          l10n.t('it holds a name that cannot be written everywhere ({0}): {1}', problem, JSON.stringify(entry.name)),
        );
    }
    // Two names that differ only in case, or in how an accent is written, are one file on Windows and macOS.
    const key = nameKey(entry.name);
    if (folded.has(key)) throw new UnsafeArchiveError(l10n.t('it holds two entries of one name: {0}', entry.name));
    folded.add(key);
    for (let i = 1; i < segments.length; i++) folders.add(nameKey(segments.slice(0, i).join('/')));
  }
  const clash = [...folded].find((key) => folders.has(key));
  if (clash !== undefined) throw new UnsafeArchiveError(l10n.t('it holds a file and a folder of one name: {0}', clash));
  const tops = new Set(
    entries.map((entry) => (entry.name.includes('/') ? entry.name.slice(0, entry.name.indexOf('/')) : '')),
  );
  const wrapped = tops.size === 1 && !tops.has('');
  const files: VersionFiles = new Map();
  const budget = { left: MAX_UNPACKED_BYTES };
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = wrapped ? entry.name.slice(entry.name.indexOf('/') + 1) : entry.name;
    files.set(path, await inflate(entry, budget));
  }
  return files;
}

export interface VersionComparison {
  /** In the local folder only. */
  added: string[];
  /** In the published version only. */
  removed: string[];
  changed: string[];
  unchanged: string[];
}

/** Published against local, path by path, each list sorted. */
export function compareFiles(
  published: ReadonlyMap<string, Uint8Array>,
  local: ReadonlyMap<string, Uint8Array>,
): VersionComparison {
  const result: VersionComparison = { added: [], removed: [], changed: [], unchanged: [] };
  for (const path of [...new Set([...published.keys(), ...local.keys()])].sort()) {
    const before = published.get(path);
    const after = local.get(path);
    if (!before) result.added.push(path);
    else if (!after) result.removed.push(path);
    else (Buffer.from(before).equals(after) ? result.unchanged : result.changed).push(path);
  }
  return result;
}
