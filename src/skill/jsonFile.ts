// A JSON file of a checkout (claude-skills.json, claude-lock.json): as untrusted as any file of it, so read
// only when it is a regular file within a size, and refused with a message that says what to do.
import * as l10n from '@vscode/l10n';
import { readFile, stat } from 'node:fs/promises';
import { formatBytes } from '../shared/words';

/** The parsed file; undefined when there is none. `todo` ends each refusal: what the reader should do. */
export async function readJsonFile(file: string, maxBytes: number, todo: string): Promise<unknown> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile() || info.size > maxBytes) {
    throw new Error(l10n.t('{0} is not a file of at most {1}: {2}', file, formatBytes(maxBytes), todo));
  }
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(l10n.t('{0} is not valid JSON ({1}): {2}', file, (err as Error).message, todo), { cause: err });
  }
}
