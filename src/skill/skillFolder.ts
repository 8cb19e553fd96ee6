// One local skill folder, inspected as a publish would see it: its SKILL.md, the files an upload would
// carry, and every problem, before a byte leaves the machine.
import * as l10n from '@vscode/l10n';
import JSZip from 'jszip';
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import { bytesOf, type FileSource, type UploadFile } from '../api/types';
import {
  collectFiles,
  DEFAULT_EXCLUDES,
  MAX_FILES,
  openRegularFileAsBlob,
  readRegularFileHead,
  SKILLIGNORE,
  type SkillFile,
} from './files';
import { encodingProblem, FRONTMATTER_WINDOW, parseSkillMd, SKILL_MD } from './frontmatter';
import { formatProblem, hasErrors, type SkillProblem } from './problems';
import { bodyProblems } from './bodyRules';
import { targetsOf } from './lintTargets';
import { validateFrontmatter } from './rules';
import { forEachLimited } from './concurrency';
import { scanForSecrets } from './secrets';
import { formatBytes, plural } from '../shared/words';

/** The Skills API's limit for all files of one upload together. */
/** All files together, uncompressed: the GA limit (the legacy beta's was 8 MB). */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;
/** Longest upload path (`<name>/<relative path>`): what zip tools and file systems take everywhere. */
export const MAX_PATH_LENGTH = 255;

export interface SkillFolder {
  /** The folder as given. */
  folder: string;
  /** The frontmatter's `name` when it is valid: the upload's top-level folder. */
  name: string | undefined;
  /** The line of `name` in SKILL.md, when there is one. */
  nameLine: number | undefined;
  description: string | undefined;
  /** What an upload would carry, sorted by path. */
  files: SkillFile[];
  totalBytes: number;
  problems: SkillProblem[];
}

/** A folder without errors: its name is known. */
export type PublishableSkillFolder = SkillFolder & { name: string };

export interface InspectOptions {
  /** gitignore-syntax patterns left out (`claudeSkills.exclude`); DEFAULT_EXCLUDES when absent. */
  exclude?: readonly string[];
  /** SKILL.md's text when an editor holds unsaved changes. */
  skillMdText?: string;
  /** `claudeSkills.lintTargets`: the consumers the folder is checked for, beside those its place implies. */
  targets?: readonly string[];
  /**
   * Whether every file's content is scanned for secrets (publishing, validating, packaging do it; the
   * checks while SKILL.md is edited do not, since they run at every pause in typing).
   */
  scanContents?: boolean;
}

/** Files opened at once for an upload: thousands at once would run out of file handles (EMFILE). */
const READS_IN_FLIGHT = 16;
/**
 * Files up to this size are read ahead, several at once, and held until sent; larger ones are read from disk
 * as the upload reaches them. Small files opened one by one mid-upload cost more time than their memory.
 */
const READ_AHEAD_MAX = 1024 * 1024;

/** "3 files, 4.2 KB": what an upload or a package of the folder carries. */
export function describeFiles(skill: Pick<SkillFolder, 'files' | 'totalBytes'>): string {
  return `${plural(skill.files.length, 'file')}, ${formatBytes(skill.totalBytes)}`;
}

/** Reads and checks `folder`; never throws for a problem of the folder's content (only for I/O failures). */
export async function inspectSkillFolder(folder: string, options: InspectOptions = {}): Promise<SkillFolder> {
  const { files, problems } = await collectFiles(folder, options.exclude ?? DEFAULT_EXCLUDES);
  const skillMd = files.find((f) => f.relativePath === SKILL_MD);
  let name: string | undefined;
  let nameLine: number | undefined;
  let description: string | undefined;
  if (!skillMd) {
    problems.unshift({ rule: 'skill-md', severity: 'error', message: await missingSkillMdMessage(folder, files) });
  } else {
    // Only the head is read: the frontmatter is at the top, and a huge SKILL.md must not fill memory.
    const head = await readRegularFileHead(skillMd.absolutePath, FRONTMATTER_WINDOW);
    const encoding = encodingProblem(head);
    const text = options.skillMdText ?? head.toString('utf8');
    const parsed = encoding ? { ...parseSkillMd(''), problems: [encoding] } : parseSkillMd(text);
    if (!encoding) {
      const complete = options.skillMdText !== undefined || head.length < FRONTMATTER_WINDOW;
      problems.push(...bodyProblems(text, new Set(files.map((f) => f.relativePath)), complete));
    }
    const frontmatterProblems = validateFrontmatter(parsed, {
      targets: targetsOf(folder, options.targets),
      folderName: path.basename(folder),
    });
    problems.unshift(...frontmatterProblems);
    nameLine = parsed.keyLines.get('name');
    if (!frontmatterProblems.some((p) => p.severity === 'error' && p.line === nameLine))
      name = parsed.data?.name as string;
    if (typeof parsed.data?.description === 'string') description = parsed.data.description;
  }
  for (const file of name === undefined ? [] : files) {
    const uploadPath = `${name}/${file.relativePath}`;
    if (uploadPath.length > MAX_PATH_LENGTH) {
      problems.push({
        rule: 'files',
        severity: 'error',
        file: file.relativePath,
        message: l10n.t(
          '"{0}" is {1} characters long; upload paths are limited to {2}. Shorten the folder or file names.',
          uploadPath,
          uploadPath.length,
          MAX_PATH_LENGTH,
        ),
      });
    }
  }
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  if (totalBytes > MAX_UPLOAD_BYTES)
    problems.push({ rule: 'files', severity: 'error', message: tooLargeMessage(files, totalBytes) });
  // Content is scanned only when the folder could be uploaded at all: past the limits it is refused anyway.
  else if (options.scanContents !== false && files.length < MAX_FILES) problems.push(...(await scanForSecrets(files)));
  return { folder, name, nameLine, description, files, totalBytes, problems };
}

/**
 * A new version must carry its skill's slug: a skill's `name` is set by its first upload and never
 * changes. The problem sits on the `name` line, for the Problems panel.
 */
export function slugMismatch(skill: PublishableSkillFolder, slug: string, skillTitle: string): SkillProblem {
  return {
    rule: 'name-mismatch',
    severity: 'error',
    file: SKILL_MD,
    line: skill.nameLine,
    message: l10n.t(
      '"name" is "{0}", but "{1}" is the skill "{2}", and a skill\'s name never changes. Rename it back to "{3}" to publish a new version of it, or publish this folder as a new skill.',
      skill.name,
      skillTitle,
      slug,
      slug,
    ),
  };
}

async function missingSkillMdMessage(folder: string, files: readonly SkillFile[]): Promise<string> {
  const there = await lstat(path.join(folder, SKILL_MD)).catch(() => undefined);
  if (there && !there.isFile() && !there.isSymbolicLink())
    return l10n.t('SKILL.md is not a regular file (a pipe, a device or a folder): make it a plain text file.');
  const lookalike = files.find((f) => !f.relativePath.includes('/') && f.relativePath.toLowerCase() === 'skill.md');
  if (lookalike)
    return l10n.t('The skill\'s file must be named exactly SKILL.md: rename "{0}".', lookalike.relativePath);
  if (files.length === 0)
    return l10n.t(
      'The folder has no files to upload: add a SKILL.md (or check claudeSkills.exclude and {0}).',
      SKILLIGNORE,
    );
  return l10n.t(
    'No SKILL.md at the top of the folder: a skill folder needs one, with "name" and "description" in its frontmatter.',
  );
}

/** Names the largest files, since they are what to exclude. */
export function tooLargeMessage(files: readonly SkillFile[], totalBytes: number): string {
  const largest = [...files].sort((a, b) => b.size - a.size).slice(0, 3);
  const list = largest.map((f) => `${f.relativePath} (${formatBytes(f.size)})`).join(', ');
  return l10n.t(
    'The files total {0}; the Skills API takes at most {1}. Largest: {2}. Exclude what the skill does not need in {3} or claudeSkills.exclude.',
    formatBytes(totalBytes),
    formatBytes(MAX_UPLOAD_BYTES),
    list,
    SKILLIGNORE,
  );
}

export class SkillFolderError extends Error {
  constructor(readonly problems: readonly SkillProblem[]) {
    super(
      problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n'),
    );
    this.name = 'SkillFolderError';
  }
}

function assertPublishable(skill: SkillFolder): asserts skill is PublishableSkillFolder {
  if (hasErrors(skill.problems) || skill.name === undefined) throw new SkillFolderError(skill.problems);
}

/**
 * The upload: every file as `<name>/<relative path>`, small ones read ahead (several at a time) and held
 * until sent, larger ones read from disk as the upload reaches them. Refuses a folder with errors, and a
 * file that changed (or stopped being a regular file) since the folder was checked; a large one that
 * changes during the upload fails it, saying which file to check.
 */
export async function readUploadFiles(skill: SkillFolder): Promise<UploadFile[]> {
  assertPublishable(skill);
  const upload: UploadFile[] = new Array(skill.files.length);
  await forEachLimited(skill.files, READS_IN_FLIGHT, async (f, i) => {
    const changed = () =>
      new Error(l10n.t('{0} changed while it was being published: check it, then publish again.', f.relativePath));
    let data: UploadFile['data'];
    if (f.size <= READ_AHEAD_MAX) {
      const bytes = await readRegularFileHead(f.absolutePath, f.size + 1).catch(() => undefined);
      if (bytes?.length !== f.size) throw changed();
      data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    } else {
      const blob = await openRegularFileAsBlob(f.absolutePath).catch(() => undefined);
      if (blob?.size !== f.size) throw changed();
      data = new FileOnDisk(blob, changed);
    }
    upload[i] = { path: `${skill.name}/${f.relativePath}`, data };
  });
  return upload;
}

/** A large file's bytes, read from disk as the upload reaches them; a failed read names the file. */
class FileOnDisk implements FileSource {
  constructor(
    private readonly blob: Blob,
    private readonly changed: () => Error,
  ) {}

  get size(): number {
    return this.blob.size;
  }

  async *stream(): AsyncIterable<Uint8Array> {
    try {
      yield* this.blob.stream();
    } catch {
      throw this.changed();
    }
  }
}

/** `<name>.zip` holding `<name>/…`, the layout the Claude apps accept. Refuses a folder with errors. */
export async function buildZip(skill: SkillFolder): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of await readUploadFiles(skill)) zip.file(file.path, await bytesOf(file));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
