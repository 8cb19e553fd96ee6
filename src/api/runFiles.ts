// The files a run produced: their ids found in the tool results, their metadata and bytes fetched through
// the Files API within bounds, and names that are safe to show and to write. A name comes from the server
// and is untrusted: only its base name is kept, and a name that could still reach outside a folder, or
// mean something else on another system, is replaced by one made from the file id.
import * as l10n from '@vscode/l10n';
import { fileNameProblem, nameKey } from '../shared/fileNames';
import { formatBytes, formatNumber } from '../shared/words';
import { describeError } from './errors';
import type { FilesClient } from './filesClient';
import { isBlock, type ContentBlock } from './messageStream';
import type { FileInfo } from './types';

export interface RunFileLimits {
  /** Files of a run fetched at most; the rest are listed. */
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_RUN_FILE_LIMITS: RunFileLimits = {
  maxFiles: 50,
  maxFileBytes: 32 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
};

export interface RunFile {
  fileId: string;
  /** Safe as one path segment on any system, unique within the run. */
  name: string;
  sizeBytes: number | undefined;
  mimeType: string | undefined;
  /** The bytes, when they were fetched. */
  data?: Uint8Array;
  /** Why the file was not fetched, or what was changed about it, in a few words. */
  note?: string;
}

/** The `file_id`s of the outputs in tool result blocks (`bash_code_execution_output`, …), in order, once each. */
export function producedFileIds(content: readonly ContentBlock[] | undefined): string[] {
  const ids = new Set<string>();
  for (const block of Array.isArray(content) ? content : []) {
    if (!isBlock(block) || !block.type.endsWith('_tool_result')) continue;
    const outputs = (block.content as { content?: unknown } | undefined)?.content;
    if (!Array.isArray(outputs)) continue;
    for (const output of outputs as { file_id?: unknown }[]) {
      if (typeof output?.file_id === 'string' && output.file_id) ids.add(output.file_id);
    }
  }
  return [...ids];
}

/**
 * The base name of a server's file name, or why it is refused: `..`, a drive letter, a UNC path, control
 * characters, Windows' reserved names, or nothing left.
 */
export function safeFileName(serverName: string): { name: string } | { refused: string } {
  if (/^[\\/]{2}/.test(serverName)) return { refused: 'a network (UNC) path' };
  if (/^[A-Za-z]:/.test(serverName)) return { refused: 'a drive letter' };
  const segments = serverName.split(/[\\/]/);
  if (segments.includes('..')) return { refused: '".."' };
  const base = segments[segments.length - 1];
  const problem = fileNameProblem(base);
  return problem ? { refused: problem } : { name: base };
}

/**
 * `name`, or `name (2).ext`, `name (3).ext`… : the first not yet taken, compared as a file system that folds
 * case and composes accents (macOS, Windows) compares them, so no file overwrites its twin.
 */
export function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(nameKey(candidate)); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(nameKey(candidate));
  return candidate;
}

/** What is known of one file before its bytes: its name settled, or a note why it is not fetched. */
/** The file as listed, and whether its bytes may be fetched (a refused name is renamed, still fetched). */
function planFile(info: FileInfo, taken: Set<string>, now: number): { file: RunFile; fetchable: boolean } {
  const safe = safeFileName(info.filename);
  const idName = `file-${info.id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'unnamed'}`;
  const file: RunFile = {
    fileId: info.id,
    name: uniqueName('name' in safe ? safe.name : idName, taken),
    sizeBytes: info.sizeBytes,
    mimeType: info.mimeType,
  };
  if ('refused' in safe) file.note = l10n.t('its name from the server was refused ({0})', safe.refused);
  if (info.downloadable === false) return { file: { ...file, note: l10n.t('not downloadable') }, fetchable: false };
  if (info.expiresAt && Date.parse(info.expiresAt) <= now) {
    return { file: { ...file, note: l10n.t('expired {0}', info.expiresAt) }, fetchable: false };
  }
  return { file, fetchable: true };
}

/**
 * Every produced file's metadata, then the bytes of those that may be fetched, one at a time, within the
 * limits. A file that fails is listed with its error; the others still come.
 */
export async function fetchRunFiles(
  client: Pick<FilesClient, 'getFile' | 'downloadFile'>,
  fileIds: readonly string[],
  limits: RunFileLimits = DEFAULT_RUN_FILE_LIMITS,
  signal?: AbortSignal,
  now = Date.now(),
): Promise<RunFile[]> {
  const taken = new Set<string>();
  const files: RunFile[] = [];
  let total = 0;
  for (const [index, fileId] of fileIds.entries()) {
    if (index >= limits.maxFiles) {
      files.push({
        fileId,
        name: uniqueName(`file-${index + 1}`, taken),
        sizeBytes: undefined,
        mimeType: undefined,
        note: l10n.t("not fetched: a run's first {0} files are", formatNumber(limits.maxFiles)),
      });
      continue;
    }
    let file: RunFile;
    let fetchable: boolean;
    try {
      ({ file, fetchable } = planFile(await client.getFile(fileId, signal), taken, now));
    } catch (err) {
      if (signal?.aborted) throw err;
      files.push({
        fileId,
        name: uniqueName(`file-${index + 1}`, taken),
        sizeBytes: undefined,
        mimeType: undefined,
        note: errorNote(err),
      });
      continue;
    }
    const size = file.sizeBytes ?? 0;
    if (fetchable) {
      if (size > limits.maxFileBytes) {
        file.note = l10n.t('larger than {0}: not downloaded', formatBytes(limits.maxFileBytes));
      } else if (total + size > limits.maxTotalBytes)
        file.note = l10n.t("the run's files passed {0}: not downloaded", formatBytes(limits.maxTotalBytes));
      else {
        try {
          file.data = await client.downloadFile(fileId, limits.maxFileBytes, signal);
          total += file.data.byteLength;
        } catch (err) {
          if (signal?.aborted) throw err;
          file.note = errorNote(err);
        }
      }
    }
    files.push(file);
  }
  return files;
}

function errorNote(err: unknown): string {
  return l10n.t('could not be fetched: {0}', describeError(err));
}
