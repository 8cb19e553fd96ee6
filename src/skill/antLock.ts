// `claude-lock.json`, the lock file of Anthropic's `ant apply`: folders it lists are published by that tool,
// and the command line leaves them alone unless asked. Its format is not documented where we could read
// it (UNVERIFIED), so a folder counts as listed when its path, relative to the lock file, is any string of
// the file (`skills/x`, `./skills/x/`, `skills/x/SKILL.md`): a lock that names folders in any field is
// honoured, and one that names none leaves every folder to us.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { readJsonFile } from './jsonFile';

export const ANT_LOCK_FILE = 'claude-lock.json';
const MAX_LOCK_BYTES = 4 * 1024 * 1024;
/** Strings looked at, at most: a lock of thousands of skills holds far fewer. */
const MAX_STRINGS = 100_000;

export interface AntLock {
  path: string;
  /** Whether `ant apply` manages this folder (absolute). */
  manages(folder: string): boolean;
}

const normalized = (value: string) =>
  value
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/\/SKILL\.md$/i, '')
    .replace(/\/+$/, '');

/** The lock in `folder`, when there is one; an error that says what to fix when it cannot be read. */
export async function readAntLock(folder: string): Promise<AntLock | undefined> {
  const file = path.join(folder, ANT_LOCK_FILE);
  const json = await readJsonFile(file, MAX_LOCK_BYTES, l10n.t('the folders it manages cannot be told.'));
  if (json === undefined) return undefined;
  const listed = new Set<string>();
  const queue: unknown[] = [json];
  for (let seen = 0; queue.length > 0 && seen < MAX_STRINGS; seen++) {
    const value = queue.pop();
    if (typeof value === 'string') listed.add(normalized(value));
    else if (Array.isArray(value)) queue.push(...value);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) queue.push(key, inner);
    }
  }
  return {
    path: file,
    manages: (skillFolder) => listed.has(normalized(path.relative(folder, skillFolder))),
  };
}
