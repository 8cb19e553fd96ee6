// Which folders are skill folders: each one holding a SKILL.md, leaving out dependencies, tool state and
// eval results. The extension's watcher and the command line share these rules, so both list the same
// folders; the search on disk here is the command line's (the extension asks VS Code's findFiles).
import * as l10n from '@vscode/l10n';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';

/** Light on purpose (no yaml): the extension's main bundle imports it. */
const SKILL_MD = 'SKILL.md';

/** Folders never searched for skills: dependencies and tool state. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git', '.venv', '__pycache__'];

/**
 * Whether a path lies in eval results (skill-creator's `<folder>-workspace/iteration-N/eval-K/…`): a run's
 * outputs may hold a SKILL.md of the model's making, which is no skill of the workspace's.
 */
export const isEvalResult = (filePath: string): boolean =>
  /\/iteration-\d+\/eval-[^/]+\//.test(`${filePath.replace(/\\/g, '/')}/`);

/** Entries looked at in one search: a huge or hostile tree cannot make it endless. */
export const MAX_SEARCHED_ENTRIES = 200_000;

export interface FolderSearch {
  /** Absolute paths of the skill folders, sorted. */
  folders: string[];
  /** Set when the search stopped at MAX_SEARCHED_ENTRIES: what it found so far is in `folders`. */
  truncated: boolean;
}

/**
 * The skill folders under `roots` (absolute): a root holding a SKILL.md is one, and so is every folder
 * below it that holds one. Symbolic links to folders are not followed (a loop, or a tree outside the root).
 */
export async function findSkillFolders(
  roots: readonly string[],
  maxEntries = MAX_SEARCHED_ENTRIES,
): Promise<FolderSearch> {
  const found = new Set<string>();
  let seen = 0;
  const queue: string[] = [];
  for (const root of roots) {
    const info = await stat(root).catch(() => undefined);
    if (!info) throw new Error(l10n.t('{0} does not exist.', root));
    if (info.isFile()) {
      if (path.basename(root) !== SKILL_MD) throw new Error(l10n.t('{0} is neither a folder nor a SKILL.md.', root));
      found.add(path.dirname(root));
    } else queue.push(root);
  }
  while (queue.length > 0) {
    const folder = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    seen += entries.length;
    if (seen > maxEntries) return { folders: [...found].sort(), truncated: true };
    if (entries.some((e) => e.isFile() && e.name === SKILL_MD) && !isEvalResult(folder)) found.add(folder);
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_FOLDERS.includes(entry.name)) queue.push(path.join(folder, entry.name));
    }
  }
  return { folders: [...found].sort(), truncated: false };
}
