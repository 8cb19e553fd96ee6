// `claude-skills diff <path>`: a skill folder against its skill's latest version — the files added, removed
// and changed, and a unified diff of each text file among them. Exit 0 when they hold the same, 1 when they
// differ (as diff(1) does). The version's files are the server's: bounded as they unpack, and every line
// shown goes through the same one-line filter as any text from a server.
import * as l10n from '@vscode/l10n';
import { createTwoFilesPatch } from 'diff';
import { readRegularFileHead } from '../../skill/files';
import { sha256Hex } from '../../skill/fileHashes';
import { locateManifest } from '../../skill/skillsManifest';
import { unpackVersionZip } from '../../skill/versionArchive';
import { oneLine } from '../../shared/terminalText';
import { plural } from '../../shared/words';
import { folderTargets, type FolderStateClient } from '../folderTargets';
import type { ApiCommandRun } from '../commandRun';
import { ExitCode, UsageError, type Output } from '../output';
import { displayPath, skillFoldersOf } from '../skillFolderArgs';

/** Text files larger than this are compared, not diffed line by line. */
const MAX_DIFFED_BYTES = 1024 * 1024;
/** Edits a patch may take: past this, two texts are too different to be worth showing line by line. */
const MAX_EDIT_LENGTH = 20_000;

export interface FilePatch {
  file: string;
  status: 'added' | 'removed' | 'changed';
  /** A unified diff (`--- a/…`, `+++ b/…`); absent for a binary or very large file, or too many edits. */
  patch?: string;
  /** Why there is no patch. */
  note?: 'binary' | 'too large' | 'too different';
}

export interface DiffReport {
  command: 'diff';
  version: 1;
  path: string;
  skill_id: string;
  version_id: string;
  added: string[];
  removed: string[];
  changed: string[];
  patches: FilePatch[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });
function asText(bytes: Uint8Array | undefined): string | undefined {
  if (bytes === undefined) return '';
  if (bytes.includes(0)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function patchOf(file: string, status: FilePatch['status'], before?: Uint8Array, after?: Uint8Array): FilePatch {
  if ((before?.length ?? 0) > MAX_DIFFED_BYTES || (after?.length ?? 0) > MAX_DIFFED_BYTES) {
    return { file, status, note: 'too large' };
  }
  const [a, b] = [asText(before), asText(after)];
  if (a === undefined || b === undefined) return { file, status, note: 'binary' };
  const patch = createTwoFilesPatch(
    status === 'added' ? '/dev/null' : `a/${file}`,
    status === 'removed' ? '/dev/null' : `b/${file}`,
    a,
    b,
    undefined,
    undefined,
    { maxEditLength: MAX_EDIT_LENGTH },
  );
  if (patch === undefined) return { file, status, note: 'too different' };
  // createTwoFilesPatch starts with a line of `=`: a git-style patch starts at `---`.
  return { file, status, patch: patch.slice(patch.indexOf('--- ')) };
}

export async function diff({ paths, io, out, json, client }: ApiCommandRun<unknown, FolderStateClient>) {
  if (paths.length !== 1) throw new UsageError(l10n.t('diff takes one skill folder.'));
  const folders = await skillFoldersOf(paths, io, out);
  if (folders.length !== 1) {
    throw new UsageError(l10n.t('{0} holds {1}: name one of them.', paths[0], plural(folders.length, 'skill folder')));
  }
  const [target] = await folderTargets(folders, client, await locateManifest(io.cwd));
  const shown = displayPath(io, target.folder);
  if (!target.skill?.latestVersionId) {
    throw new UsageError(
      target.unknown
        ? l10n.t('{0} has no known skill to compare with: {1}.', shown, target.unknown)
        : l10n.t('{0} has not been published: no skill of yours is named {1}.', shown, target.skillFolder.name ?? '?'),
    );
  }
  const { id: skillId, latestVersionId: versionId } = target.skill;
  const published = await unpackVersionZip(await client.downloadVersion(skillId, versionId));
  const local = new Map(target.skillFolder.files.map((f) => [f.relativePath, f]));
  const report: DiffReport = {
    command: 'diff',
    version: 1,
    path: shown,
    skill_id: skillId,
    version_id: versionId,
    added: [],
    removed: [],
    changed: [],
    patches: [],
  };
  const readLocal = (path: string) => readRegularFileHead(local.get(path)!.absolutePath, MAX_DIFFED_BYTES + 1);
  for (const path of [...new Set([...published.keys(), ...local.keys()])].sort()) {
    const before = published.get(path);
    if (!local.has(path)) {
      report.removed.push(path);
      report.patches.push(patchOf(path, 'removed', before, undefined));
    } else if (!before) {
      report.added.push(path);
      report.patches.push(patchOf(path, 'added', undefined, await readLocal(path)));
    } else if (sha256Hex(before) !== target.hashes.get(path)) {
      report.changed.push(path);
      report.patches.push(patchOf(path, 'changed', before, await readLocal(path)));
    }
  }
  if (json) out.json(report);
  else printDiff(report, out);
  return report.patches.length > 0 ? ExitCode.findings : ExitCode.ok;
}

function printDiff(report: DiffReport, out: Output): void {
  if (report.patches.length === 0) {
    out.line(l10n.t('{0} holds the same files as {1}.', oneLine(report.path), report.version_id));
    return;
  }
  out.line(
    l10n.t(
      '{0} against {1}: {2} added, {3} removed, {4} changed.',
      oneLine(report.path),
      report.version_id,
      report.added.length,
      report.removed.length,
      report.changed.length,
    ),
  );
  for (const p of report.patches) {
    if (!p.patch) {
      const why =
        p.note === 'binary'
          ? l10n.t('binary')
          : p.note === 'too large'
            ? l10n.t('too large to show')
            : l10n.t('too different to show line by line');
      out.line(out.paint('bold', l10n.t('{0} ({1}, {2})', oneLine(p.file), p.status, why)));
      continue;
    }
    for (const line of p.patch.replace(/\n$/, '').split('\n')) {
      const safe = oneLine(line);
      if (safe.startsWith('+') && !safe.startsWith('+++')) out.line(out.paint('green', safe));
      else if (safe.startsWith('-') && !safe.startsWith('---')) out.line(out.paint('red', safe));
      else if (safe.startsWith('@@')) out.line(out.paint('dim', safe));
      else out.line(safe);
    }
  }
}
