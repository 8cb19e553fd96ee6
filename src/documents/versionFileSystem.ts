// Published versions' files, served read-only under our own scheme: a temp folder would be editable, and
// an edit there would look like a change to the published skill.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import type { VersionFiles } from '../skill/versionArchive';
import { skillBundle } from '../skillBundle';
import { ReadOnlyFileSystem } from './readOnlyFileSystem';

export const VERSION_SCHEME = 'claude-skill-version';
/** The first path segment of an empty file: the missing side of an added or removed file in a diff. */
const EMPTY = '.empty';
/** Versions kept after download. They never change, so only memory bounds the cache. */
const CACHED_VERSIONS = 16;

/** `claude-skill-version:/<skill id>/<version>/<path>`. */
export function versionFileUri(skillId: string, version: string, path = ''): vscode.Uri {
  return vscode.Uri.from({ scheme: VERSION_SCHEME, path: `/${skillId}/${version}/${path}` });
}

/** An empty file named like `path`, for the side of a diff where the file does not exist. */
export function emptyFileUri(path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: VERSION_SCHEME, path: `/${EMPTY}/${path}` });
}

/** Published versions never change, so nothing here fires a change. */
export class VersionFileSystem extends ReadOnlyFileSystem implements vscode.FileSystemProvider {
  private readonly versions = new Map<string, Promise<VersionFiles>>();
  protected readonly readOnlyMessage = vscode.l10n.t(
    'Published versions are read-only. To change one, download it to a folder, edit it there and publish it as a new version.',
  );

  constructor(private readonly client: Pick<SkillsClient, 'downloadVersion'>) {
    super();
  }

  /** The version's files, downloaded once: a failed download is forgotten, so the next call tries again. */
  load(skillId: string, version: string): Promise<VersionFiles> {
    const key = `${skillId}/${version}`;
    let files = this.versions.get(key);
    if (files) {
      this.versions.delete(key); // most recently used last
    } else {
      files = this.client.downloadVersion(skillId, version).then((zip) => skillBundle().unpackVersionZip(zip));
      files.catch(() => this.versions.delete(key));
    }
    this.versions.set(key, files);
    if (this.versions.size > CACHED_VERSIONS) this.versions.delete(this.versions.keys().next().value!);
    return files;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { files, path } = await this.resolve(uri);
    const file = files.get(path);
    const stat = { ctime: 0, mtime: 0, permissions: vscode.FilePermission.Readonly };
    if (file) return { ...stat, type: vscode.FileType.File, size: file.byteLength };
    if (path === '' || [...files.keys()].some((p) => p.startsWith(`${path}/`)))
      return { ...stat, type: vscode.FileType.Directory, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const { files, path } = await this.resolve(uri);
    const prefix = path === '' ? '' : `${path}/`;
    const entries = new Map<string, vscode.FileType>();
    for (const p of files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const [first, ...rest] = p.slice(prefix.length).split('/');
      entries.set(first, rest.length > 0 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...entries];
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { files, path } = await this.resolve(uri);
    const file = files.get(path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  private async resolve(uri: vscode.Uri): Promise<{ files: VersionFiles; path: string }> {
    const [skillId, version, ...rest] = uri.path.replace(/^\//, '').split('/');
    const path = rest.join('/').replace(/\/$/, '');
    if (skillId === EMPTY) {
      const emptyPath = [version, ...rest].join('/');
      return { files: new Map([[emptyPath, new Uint8Array()]]), path: emptyPath };
    }
    if (!skillId || !version) throw vscode.FileSystemError.FileNotFound(uri);
    return { files: await this.load(skillId, version), path };
  }
}
