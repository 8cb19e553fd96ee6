// A published version's files, from the zip the API serves (endpoint 9), and how they differ from a local
// skill folder.
import JSZip from 'jszip';

/** Relative path (forward slashes) → content. */
export type VersionFiles = Map<string, Uint8Array>;

/**
 * The files in a version's zip. The API wraps them in one top-level folder (the skill's `directory`): it
 * is stripped, and a flat zip is taken as it is. A path that would leave the folder is refused.
 */
export async function unpackVersionZip(bytes: Uint8Array): Promise<VersionFiles> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  for (const entry of entries) {
    // jszip cleans `..` out of names on load; the name as written tells what the zip tried.
    const written = entry.unsafeOriginalName ?? entry.name;
    if (written.startsWith('/') || written.split(/[\\/]/).includes('..')) {
      throw new Error(`The version's zip holds a path that leaves its folder: ${written}`);
    }
  }
  const tops = new Set(
    entries.map((entry) => (entry.name.includes('/') ? entry.name.slice(0, entry.name.indexOf('/')) : '')),
  );
  const wrapped = tops.size === 1 && !tops.has('');
  const files: VersionFiles = new Map();
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = wrapped ? entry.name.slice(entry.name.indexOf('/') + 1) : entry.name;
    files.set(path, await entry.async('uint8array'));
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
