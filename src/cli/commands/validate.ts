// `claude-skills validate [paths…]`: the authoring checks the extension shows in the Problems panel — the
// folder's files, SKILL.md's frontmatter and body for the targets, secrets, the eval files — over each
// skill folder. Exit 1 when any folder has an error.
import * as l10n from '@vscode/l10n';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { positionAt } from '../../evals/evalFiles';
import { MAX_EVAL_FILE_BYTES, TOO_LARGE } from '../../evals/evalFileNames';
import { readFolderEvals } from '../../evals/folderEvals';
import { DEFAULT_EXCLUDES } from '../../skill/files';
import { LINT_TARGETS } from '../../skill/lintTargets';
import type { SkillProblem } from '../../skill/problems';
import { inspectSkillFolder } from '../../skill/skillFolder';
import { formatBytes, formatList, plural } from '../../shared/words';
import { oneLine } from '../../shared/terminalText';
import type { CommandRun } from '../commandRun';
import { ExitCode, UsageError, type CliIo, type Output } from '../output';
import { validateSarif } from '../sarif';
import { displayPath, skillFoldersOf } from '../skillFolderArgs';

/** A problem as `--json` reports it: `file` relative to the current folder, lines and columns from 1. */
export interface ReportedProblem {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  targets?: readonly string[];
}

export interface FolderReport {
  path: string;
  name: string | null;
  files: number;
  bytes: number;
  problems: ReportedProblem[];
}

export interface ValidateReport {
  command: 'validate';
  version: 1;
  targets: readonly string[];
  folders: FolderReport[];
  summary: { folders: number; errors: number; warnings: number };
}

export interface ValidateFlags {
  target?: string[];
  exclude?: string[];
  /** text (the default), json (as --json) or sarif. */
  format?: string;
}

const FORMATS = ['text', 'json', 'sarif'] as const;

function targetsOf(flags: ValidateFlags): string[] | undefined {
  const given = (flags.target ?? [])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = given.filter((t) => !(LINT_TARGETS as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new UsageError(
      l10n.t('Unknown target {0}: the targets are {1}.', unknown.join(', '), LINT_TARGETS.join(', ')),
    );
  }
  return given.length > 0 ? given : undefined;
}

/** An eval file's text from disk, bounded as the extension bounds it. */
async function readEvalText(folder: string, relativePath: string) {
  const file = path.join(folder, ...relativePath.split('/'));
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  if (info.size > MAX_EVAL_FILE_BYTES) return TOO_LARGE;
  return readFile(file, 'utf8');
}

async function validateFolder(
  folder: string,
  io: CliIo,
  options: { targets?: readonly string[]; exclude?: readonly string[] },
): Promise<FolderReport> {
  const shown = displayPath(io, folder);
  const inFolder = (file: string | undefined) => (file === undefined ? shown : `${shown}/${file}`);
  const skill = await inspectSkillFolder(folder, {
    targets: options.targets,
    exclude: options.exclude,
    scanContents: true,
  });
  const problems: ReportedProblem[] = skill.problems.map((p: SkillProblem) => ({
    rule: p.rule,
    severity: p.severity,
    message: p.message,
    file: inFolder(p.file),
    line: p.region?.line ?? p.line,
    column: p.region?.column,
    endLine: p.region?.endLine,
    endColumn: p.region?.endColumn,
    targets: p.targets,
  }));
  const evals = await readFolderEvals(folder, (relativePath) => readEvalText(folder, relativePath));
  for (const file of [evals.quality, evals.triggers]) {
    for (const p of file?.problems ?? []) {
      const start = positionAt(file!.text, p.span.offset);
      const end = positionAt(file!.text, p.span.offset + p.span.length);
      problems.push({
        rule: p.rule ?? 'evals-file',
        severity: p.severity,
        message: p.message,
        file: inFolder(file!.path),
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
      });
    }
  }
  return { path: shown, name: skill.name ?? null, files: skill.files.length, bytes: skill.totalBytes, problems };
}

export async function validate({ paths, flags, io, out, json, toolVersion }: CommandRun<ValidateFlags>) {
  const format = flags.format ?? (json ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(l10n.t('--format is one of {0}, not {1}.', FORMATS.join(', '), format));
  }
  const targets = targetsOf(flags);
  const exclude = flags.exclude ? [...DEFAULT_EXCLUDES, ...flags.exclude] : undefined;
  const folders = await skillFoldersOf(paths, io, out);
  const reports: FolderReport[] = [];
  for (const folder of folders) reports.push(await validateFolder(folder, io, { targets, exclude }));
  const all = reports.flatMap((r) => r.problems);
  const errors = all.filter((p) => p.severity === 'error').length;
  const report: ValidateReport = {
    command: 'validate',
    version: 1,
    targets: targets ?? ['api'],
    folders: reports,
    summary: { folders: reports.length, errors, warnings: all.length - errors },
  };
  for (const p of all) {
    out.annotate({
      level: p.severity,
      message: p.message,
      file: p.file,
      line: p.line,
      column: p.column,
      title: p.rule,
    });
  }
  if (format === 'json') out.json(report);
  else if (format === 'sarif') out.json(validateSarif(report, toolVersion));
  else printValidate(report, out);
  return errors > 0 ? ExitCode.findings : ExitCode.ok;
}

function printValidate(report: ValidateReport, out: Output): void {
  for (const folder of report.folders) {
    const errors = folder.problems.filter((p) => p.severity === 'error').length;
    const state =
      folder.problems.length === 0
        ? out.paint(
            'green',
            l10n.t('ready to publish ({0}, {1})', plural(folder.files, 'file'), formatBytes(folder.bytes)),
          )
        : errors > 0
          ? out.paint(
              'red',
              errors === folder.problems.length
                ? plural(errors, 'error')
                : formatList([plural(errors, 'error'), plural(folder.problems.length - errors, 'warning')]),
            )
          : out.paint('yellow', plural(folder.problems.length, 'warning'));
    out.line(`${out.paint('bold', oneLine(folder.path))}  ${state}`);
    for (const p of folder.problems) {
      const where = p.file ? oneLine(`${p.file}${p.line ? `:${p.line}` : ''}`) : '';
      const level = p.severity === 'error' ? out.paint('red', l10n.t('error')) : out.paint('yellow', l10n.t('warning'));
      out.line(`  ${level}  ${where}  ${oneLine(p.message)}  ${out.paint('dim', `[${p.rule}]`)}`);
    }
  }
  const { folders, errors, warnings } = report.summary;
  out.line(
    l10n.t(
      '{0} checked: {1}, {2}.',
      plural(folders, 'skill folder'),
      plural(errors, 'error'),
      plural(warnings, 'warning'),
    ),
  );
}
