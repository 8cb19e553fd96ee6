// The files of one skill folder that an upload would carry: excludes applied (defaults, the setting and
// `.skillignore`, all in gitignore syntax; `evals/` always), symlinks that leave the folder and likely
// secrets refused.
import * as l10n from '@vscode/l10n';
import ignore, { type Ignore } from 'ignore';
import { constants, openAsBlob } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { forEachLimited } from './concurrency';
import type { RuleId, SkillProblem } from './problems';
import { formatBytes } from '../shared/words';

/** `claudeSkills.exclude`'s default. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '.git/',
  'node_modules/',
  '.venv/',
  '__pycache__/',
  '*.pyc',
  '.DS_Store',
  'Thumbs.db',
  '.vscode/',
  '.idea/',
];
export const SKILLIGNORE = '.skillignore';
/**
 * The evals of a skill (skill-creator's `evals/`, at the folder's root): never uploaded, whatever the
 * excludes say, since a model that can read the expected answers is not being tested.
 */
export const EVALS_FOLDER = 'evals';

export interface SkillFile {
  /** Relative to the skill folder, forward slashes on every OS. */
  relativePath: string;
  absolutePath: string;
  size: number;
  /** When it last changed: with the size and path, what says a file is the one already looked at. */
  mtimeMs: number;
}

/** `relative` from `root` with forward slashes, whatever the OS's separator (`pathApi` for tests). */
export function toRelativePath(root: string, file: string, pathApi: path.PlatformPath = path): string {
  return pathApi.relative(root, file).split(pathApi.sep).join('/');
}

/**
 * Files that hold credentials by their very name (a path relative to the skill folder). Their content is
 * scanned too (secrets.ts), which finds keys pasted anywhere; a name is refused even when its content is
 * not recognised.
 */
// Without regard to case: `.ENV` and `ID_RSA` hold the same secrets, and Windows and macOS read them alike.
/** Read when used: their words are in the display language, which is known only once the extension starts. */
const secretNames = (): [RegExp, string][] => [
  [/(^|\/)\.env(\.[^/]+)?$|\.env$/i, l10n.t('an environment file')],
  [/(^|\/)\.envrc$/i, l10n.t('a direnv file')],
  [/\.pem$/i, l10n.t('a PEM key or certificate')],
  [/\.key$/i, l10n.t('a private key')],
  [/\.(p12|pfx)$/i, l10n.t('a PKCS #12 key store')],
  [/(^|\/)id_[a-z0-9_]+$/i, l10n.t('an SSH private key')],
  [/(^|\/)\.aws\/credentials$/i, l10n.t('AWS credentials')],
  [/(^|\/)\.git-credentials$/i, l10n.t('stored Git credentials')],
];
const CREDENTIAL_FILES = new Set(['.npmrc', '.pypirc', '.netrc']);
const HOLDS_CREDENTIAL = /(_authToken|_auth|_password|token|password)\s*[=:]\s*\S|\bpassword\s+\S/i;
/** A `.skillignore` is a short list of patterns: more than this is not one. */
const MAX_SKILLIGNORE_BYTES = 64 * 1024;
/** How much of a credential file is read to look for a token: they are a few lines long. */
const CREDENTIAL_READ_BYTES = 64 * 1024;
/** A walk lists at most this many files, and looks at most at this many entries (a hostile or huge tree). */
export const MAX_FILES = 10_000;
const MAX_ENTRIES = 100_000;
/** Stats asked for at once: enough to keep the file system's threads busy, few enough to stay polite. */
const STATS_IN_FLIGHT = 32;
/** What a file name may hold to travel in a multipart filename and unpack on any OS. */
const SAFE_NAME = /^[\x20-\x7e]+$/;
const UNSAFE_CHARS = /[\\:*?"<>|]/;

/** Opening never waits on a FIFO's writer (POSIX); Windows has no such flag and no such wait. */
const OPEN_NON_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The first `maxBytes` of a file, read only when it is (or links to) a regular file: a FIFO or a device
 * would block Node's file-system threads (and the extension host with them), and `/dev/zero` never ends.
 * The check is of the handle opened, so nothing can swap the file in between. Links are the caller's to
 * vet (collectFiles refuses those that leave the folder).
 */
export async function readRegularFileHead(absolutePath: string, maxBytes: number): Promise<Buffer> {
  return withRegularFile(absolutePath, async (handle, info) => {
    const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  });
}

/** Runs `use` on the file opened, when it is a regular file (see readRegularFileHead); closes it after. */
export async function withRegularFile<T>(
  absolutePath: string,
  use: (handle: FileHandle, info: Stats) => Promise<T>,
): Promise<T> {
  const handle = await open(absolutePath, OPEN_NON_BLOCKING);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotARegularFileError(absolutePath);
    return await use(handle, info);
  } finally {
    await handle.close();
  }
}

/** A Blob that reads a regular file from disk when the upload reaches it; a FIFO or device is refused. */
export async function openRegularFileAsBlob(absolutePath: string): Promise<Blob> {
  const info = await stat(absolutePath);
  if (!info.isFile()) throw new NotARegularFileError(absolutePath);
  return openAsBlob(absolutePath);
}

class NotARegularFileError extends Error {
  constructor(readonly path: string) {
    super(l10n.t('{0} is not a regular file', path));
    this.name = 'NotARegularFileError';
  }
}

async function secretKind(relativePath: string, name: string, absolutePath: string): Promise<string | undefined> {
  const byName = secretNames().find(
    ([pattern]) => pattern.test(relativePath) && !relativePath.toLowerCase().endsWith('.pub'),
  );
  if (byName) return byName[1];
  if (CREDENTIAL_FILES.has(name.toLowerCase())) {
    const text = (
      await readRegularFileHead(absolutePath, CREDENTIAL_READ_BYTES).catch(() => Buffer.alloc(0))
    ).toString();
    if (HOLDS_CREDENTIAL.test(text)) return l10n.t('{0} holding a token or password', name);
  }
  return undefined;
}

/** The folder's `.skillignore`: none is fine; one that is not a small regular file is a problem. */
async function readSkillignore(folder: string): Promise<{ patterns: string; problem?: SkillProblem }> {
  const file = path.join(folder, SKILLIGNORE);
  const info = await lstat(file).catch(() => undefined);
  if (info === undefined) return { patterns: '' };
  const refuse = (message: string) => ({
    patterns: '',
    problem: { rule: 'files' as const, severity: 'error' as const, file: SKILLIGNORE, message },
  });
  if (!info.isFile()) {
    return refuse(
      l10n.t(
        '{0} is not a regular file (a link, a folder or a pipe): replace it with a plain text file of patterns.',
        SKILLIGNORE,
      ),
    );
  }
  if (info.size > MAX_SKILLIGNORE_BYTES) {
    return refuse(
      l10n.t(
        '{0} is {1}; a list of patterns is at most {2}. Shorten it.',
        SKILLIGNORE,
        formatBytes(info.size),
        formatBytes(MAX_SKILLIGNORE_BYTES),
      ),
    );
  }
  return { patterns: (await readRegularFileHead(file, MAX_SKILLIGNORE_BYTES)).toString('utf8') };
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Walks `folder` and lists the files an upload would carry, sorted by path. Problems: symlinks that
 * leave the folder or lead nowhere, likely secrets, file names that cannot travel. Excluded files are
 * not looked at, so excluding is always a way out.
 */
export async function collectFiles(
  folder: string,
  exclude: readonly string[] = DEFAULT_EXCLUDES,
): Promise<{ files: SkillFile[]; problems: SkillProblem[] }> {
  const root = await realpath(folder);
  const skillignore = await readSkillignore(folder);
  const excluded: Ignore = ignore()
    .add([...exclude])
    .add(skillignore.patterns)
    .add([`/${SKILLIGNORE}`, `/${EVALS_FOLDER}/`]);
  const files: SkillFile[] = [];
  const problems: SkillProblem[] = skillignore.problem ? [skillignore.problem] : [];
  const error = (file: string, message: string, rule: RuleId = 'files') =>
    problems.push({ rule, severity: 'error', file, message });
  const visited = new Set<string>([root]);
  let entriesSeen = 0;
  let tooMany = false;

  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (entriesSeen + entries.length > MAX_ENTRIES) {
      tooMany = true;
      return;
    }
    // The regular files' sizes and times, asked for together: one at a time, each waits on the disk in turn.
    const fileInfo = new Map<string, Stats>();
    const wanted = entries.filter(
      (e) => e.isFile() && !excluded.ignores(toRelativePath(folder, path.join(dir, e.name))),
    );
    await forEachLimited(wanted, STATS_IN_FLIGHT, async (e) => {
      fileInfo.set(e.name, await lstat(path.join(dir, e.name)));
    });
    for (const entry of entries) {
      const { name } = entry;
      if (++entriesSeen > MAX_ENTRIES || files.length >= MAX_FILES) {
        tooMany = true;
        return;
      }
      const absolutePath = path.join(dir, name);
      const relativePath = toRelativePath(folder, absolutePath);
      if (entry.isDirectory()) {
        if (!excluded.ignores(`${relativePath}/`)) await walk(absolutePath);
        continue;
      }
      // A pipe, a socket or a device is never read: it could block, or never end.
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      let info = fileInfo.get(name);
      if (entry.isSymbolicLink()) {
        const target = await realpath(absolutePath).catch(() => undefined);
        const targetInfo = target === undefined ? undefined : await stat(absolutePath);
        if (excluded.ignores(relativePath) || (targetInfo?.isDirectory() && excluded.ignores(`${relativePath}/`)))
          continue;
        if (target === undefined || targetInfo === undefined) {
          error(
            relativePath,
            l10n.t('"{0}" is a symbolic link to nothing: delete it, or exclude it in {1}.', relativePath, SKILLIGNORE),
          );
          continue;
        }
        if (!isInside(root, target)) {
          error(
            relativePath,
            l10n.t(
              '"{0}" is a symbolic link to {1}, outside the skill folder: copy what it needs into the folder, or exclude it in {2}.',
              relativePath,
              target,
              SKILLIGNORE,
            ),
          );
          continue;
        }
        info = targetInfo;
        if (info.isDirectory()) {
          if (visited.has(target)) continue; // a loop, or a folder already walked
          visited.add(target);
          if (!excluded.ignores(`${relativePath}/`)) await walk(absolutePath);
          continue;
        }
      }
      if (info === undefined || !info.isFile() || excluded.ignores(relativePath)) continue;
      if (!SAFE_NAME.test(relativePath) || UNSAFE_CHARS.test(relativePath)) {
        error(
          relativePath,
          l10n.t(
            '"{0}": file and folder names must use plain ASCII characters without \\ : * ? " < > |, so that they upload and unpack the same everywhere. Rename it, or exclude it in {1}.',
            relativePath,
            SKILLIGNORE,
          ),
        );
        continue;
      }
      const secret = await secretKind(relativePath, name, absolutePath);
      if (secret) {
        error(
          relativePath,
          l10n.t(
            '"{0}" looks like a secret ({1}) and would be uploaded to your Anthropic workspace. Remove it from the skill folder, or exclude it in {2}.',
            relativePath,
            secret,
            SKILLIGNORE,
          ),
          'secret',
        );
        continue;
      }
      files.push({ relativePath, absolutePath, size: info.size, mtimeMs: info.mtimeMs });
    }
  };
  await walk(folder);
  if (tooMany) {
    problems.push({
      rule: 'files',
      severity: 'error',
      message: l10n.t(
        'The folder holds more than {0} files (or {1} entries): a skill needs far fewer. Exclude what it does not need in {2} or claudeSkills.exclude.',
        MAX_FILES.toLocaleString('en-US'),
        MAX_ENTRIES.toLocaleString('en-US'),
        SKILLIGNORE,
      ),
    });
  }
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { files, problems };
}
