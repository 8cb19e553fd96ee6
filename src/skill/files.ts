// The files of one skill folder that an upload would carry: excludes applied (defaults, the setting and
// `.skillignore`, all in gitignore syntax), symlinks that leave the folder and likely secrets refused.
import ignore, { type Ignore } from 'ignore';
import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { SkillProblem } from './problems';

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

export interface SkillFile {
  /** Relative to the skill folder, forward slashes on every OS. */
  relativePath: string;
  absolutePath: string;
  size: number;
}

/** `relative` from `root` with forward slashes, whatever the OS's separator (`pathApi` for tests). */
export function toRelativePath(root: string, file: string, pathApi: path.PlatformPath = path): string {
  return pathApi.relative(root, file).split(pathApi.sep).join('/');
}

const SECRET_NAMES: [RegExp, string][] = [
  [/^\.env(\..+)?$/, 'an environment file'],
  [/\.pem$/i, 'a PEM key or certificate'],
  [/\.key$/i, 'a private key'],
  [/\.(p12|pfx)$/i, 'a PKCS #12 key store'],
  [/^id_(rsa|ed25519)/, 'an SSH private key'],
];
const CREDENTIAL_FILES = new Set(['.npmrc', '.pypirc', '.netrc']);
const HOLDS_CREDENTIAL = /(_authToken|_auth|_password|token|password)\s*[=:]\s*\S|\bpassword\s+\S/i;
/** What a file name may hold to travel in a multipart filename and unpack on any OS. */
const SAFE_NAME = /^[\x20-\x7e]+$/;
const UNSAFE_CHARS = /[\\:*?"<>|]/;

async function secretKind(name: string, absolutePath: string): Promise<string | undefined> {
  const byName = SECRET_NAMES.find(([pattern]) => pattern.test(name));
  if (byName) return byName[1];
  if (CREDENTIAL_FILES.has(name)) {
    const text = await readFile(absolutePath, 'utf8').catch(() => '');
    if (HOLDS_CREDENTIAL.test(text)) return `${name} holding a token or password`;
  }
  return undefined;
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
  const skillignore = await readFile(path.join(folder, SKILLIGNORE), 'utf8').catch(() => '');
  const excluded: Ignore = ignore()
    .add([...exclude])
    .add(skillignore)
    .add(`/${SKILLIGNORE}`);
  const files: SkillFile[] = [];
  const problems: SkillProblem[] = [];
  const error = (file: string, message: string) => problems.push({ severity: 'error', file, message });
  const visited = new Set<string>([root]);

  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir)).sort();
    for (const name of entries) {
      const absolutePath = path.join(dir, name);
      const relativePath = toRelativePath(folder, absolutePath);
      const link = await lstat(absolutePath);
      let info = link;
      if (link.isSymbolicLink()) {
        const target = await realpath(absolutePath).catch(() => undefined);
        const targetInfo = target === undefined ? undefined : await stat(absolutePath);
        if (excluded.ignores(relativePath) || (targetInfo?.isDirectory() && excluded.ignores(`${relativePath}/`)))
          continue;
        if (target === undefined || targetInfo === undefined) {
          error(
            relativePath,
            `"${relativePath}" is a symbolic link to nothing: delete it, or exclude it in ${SKILLIGNORE}.`,
          );
          continue;
        }
        if (!isInside(root, target)) {
          error(
            relativePath,
            `"${relativePath}" is a symbolic link to ${target}, outside the skill folder: copy what it needs into the folder, or exclude it in ${SKILLIGNORE}.`,
          );
          continue;
        }
        info = targetInfo;
        if (info.isDirectory()) {
          if (visited.has(target)) continue; // a loop, or a folder already walked
          visited.add(target);
        }
      }
      if (info.isDirectory()) {
        if (!excluded.ignores(`${relativePath}/`)) await walk(absolutePath);
        continue;
      }
      if (!info.isFile() || excluded.ignores(relativePath)) continue;
      if (!SAFE_NAME.test(relativePath) || UNSAFE_CHARS.test(relativePath)) {
        error(
          relativePath,
          `"${relativePath}": file and folder names must use plain ASCII characters without \\ : * ? " < > |, so that they upload and unpack the same everywhere. Rename it, or exclude it in ${SKILLIGNORE}.`,
        );
        continue;
      }
      const secret = await secretKind(name, absolutePath);
      if (secret) {
        error(
          relativePath,
          `"${relativePath}" looks like a secret (${secret}) and would be uploaded to your Anthropic workspace. Remove it from the skill folder, or exclude it in ${SKILLIGNORE}.`,
        );
        continue;
      }
      files.push({ relativePath, absolutePath, size: info.size });
    }
  };
  await walk(folder);
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { files, problems };
}
