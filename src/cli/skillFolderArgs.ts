// The skill folders a command works on: the paths given (each a skill folder, a SKILL.md, or a root searched
// for them), or the current folder when none is given.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { findSkillFolders } from '../skill/folderSearch';
import { UsageError, type CliIo, type Output } from './output';

export async function skillFoldersOf(paths: readonly string[], io: CliIo, out: Output): Promise<string[]> {
  const roots = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  const search = await findSkillFolders(roots).catch((err: unknown) => {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  });
  if (search.truncated) {
    out.note(l10n.t('The search stopped early in a very large tree: name the skill folders, or a smaller root.'));
  }
  if (search.folders.length === 0) {
    throw new UsageError(
      l10n.t(
        'No skill folder (a folder holding a SKILL.md) under {0}.',
        roots.map((r) => displayPath(io, r)).join(', '),
      ),
    );
  }
  return search.folders;
}

/** A path as output shows it: relative to the current folder (as GitHub's annotations want), with `/`. */
export function displayPath(io: CliIo, absolute: string): string {
  const relative = path.relative(io.cwd, absolute) || '.';
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
}
