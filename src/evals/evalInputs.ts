// An eval's input files on disk: each must be a regular file inside the skill folder (a link could send
// another file of the machine to the Files API), within the upload bound, and free of what looks like a
// secret, since it is uploaded. What is wrong is a problem at the path's place in evals.json, and the eval
// does not run; the files that pass are what a run uploads.
import * as l10n from '@vscode/l10n';
import { lstat, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { SkillFile } from '../skill/files';
import { scanForSecrets } from '../skill/secrets';
import { formatBytes } from '../shared/words';
import type { EvalFileProblem, QualityEval } from './evalFiles';

/** One input file at most: far beyond a test fixture, well under the Files API's own limit. */
export const MAX_INPUT_FILE_BYTES = 32 * 1024 * 1024;
/** Input files checked at most per folder: beyond it, evals are left out with a problem. */
const MAX_INPUT_FILES = 500;

export interface CheckedInputs {
  /** Each runnable eval's input files, as read from disk, by eval id. */
  files: Map<number, SkillFile[]>;
  problems: EvalFileProblem[];
}

async function checkOne(skillFolder: string, realFolder: string, relativePath: string): Promise<SkillFile | string> {
  const absolutePath = path.join(skillFolder, ...relativePath.split('/'));
  const stat = await lstat(absolutePath).catch(() => undefined);
  if (!stat) return l10n.t('"{0}" does not exist in the skill folder: add the file, or fix the path.', relativePath);
  if (stat.isSymbolicLink())
    return l10n.t('"{0}" is a link: use the file itself, inside the skill folder.', relativePath);
  if (stat.isDirectory()) return l10n.t('"{0}" is a folder: list the files in it one by one.', relativePath);
  if (!stat.isFile()) return l10n.t('"{0}" is not a regular file.', relativePath);
  if (stat.size > MAX_INPUT_FILE_BYTES) {
    return l10n.t(
      '"{0}" is {1}: an input file may be at most {2}.',
      relativePath,
      formatBytes(stat.size),
      formatBytes(MAX_INPUT_FILE_BYTES),
    );
  }
  // A folder on the way may be a link out of the skill folder: the real path must stay inside.
  const real = await realpath(absolutePath).catch(() => undefined);
  if (!real || !(real + path.sep).startsWith(realFolder + path.sep)) {
    return l10n.t('"{0}" is reached through a link out of the skill folder: move the file into it.', relativePath);
  }
  return { relativePath, absolutePath, size: stat.size, mtimeMs: stat.mtimeMs };
}

/** Checks the input files of `evals`; an eval with a problem in one of them is left out of `files`. */
export async function checkInputFiles(skillFolder: string, evals: readonly QualityEval[]): Promise<CheckedInputs> {
  const realFolder = await realpath(skillFolder);
  const problems: EvalFileProblem[] = [];
  const files = new Map<number, SkillFile[]>();
  let checked = 0;
  for (const entry of evals) {
    const ok: SkillFile[] = [];
    for (const input of entry.files) {
      if (++checked > MAX_INPUT_FILES) {
        problems.push({
          severity: 'error',
          message: l10n.t('Only {0} input files are checked per skill folder: this eval is left out.', MAX_INPUT_FILES),
          span: input.span,
        });
        break;
      }
      const result = await checkOne(skillFolder, realFolder, input.path);
      if (typeof result === 'string') problems.push({ severity: 'error', message: result, span: input.span });
      else ok.push(result);
    }
    const secrets = await scanForSecrets(ok);
    for (const secret of secrets) {
      const input = entry.files.find((f) => f.path === secret.file)!;
      problems.push({
        severity: 'error',
        message: l10n.t(
          '"{0}" holds what looks like a secret on line {1}, and would be uploaded with this eval: remove it from the input file.',
          secret.file ?? '',
          secret.line ?? '',
        ),
        span: input.span,
      });
    }
    if (ok.length === entry.files.length && secrets.length === 0) files.set(entry.id, ok);
  }
  return { files, problems };
}
