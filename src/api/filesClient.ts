// The Files API: what a run produced (a file's metadata, then its bytes, bounded by the caller), and an
// eval's input files (uploaded for the container, deleted after the run).
import { coreOf, type ApiCore, json, type ApiOptions } from './apiCore';
import { encodeInputFileForm } from './multipart';
import { toFileInfo } from './normalize';
import type { FileInfo, UploadFile } from './types';

/** The shortest life an upload may ask for (an hour): an eval's inputs need no more, and go sooner. */
export const MIN_FILE_EXPIRY_SECONDS = 3600;

const SERVICE = 'Files API';

export class FilesClient {
  private readonly core: ApiCore;

  constructor(coreOrOptions: ApiCore | ApiOptions) {
    this.core = coreOf(coreOrOptions);
  }

  getFile(fileId: string, signal?: AbortSignal): Promise<FileInfo> {
    return this.core.request({
      service: SERVICE,
      method: 'GET',
      path: `/v1/files/${encodeURIComponent(fileId)}`,
      parse: json(SERVICE, toFileInfo),
      signal,
    });
  }

  /** The file's bytes, refused past `maxBytes` (the metadata's size is the server's word, not a bound). */
  downloadFile(fileId: string, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
    return this.core.request({
      service: SERVICE,
      method: 'GET',
      path: `/v1/files/${encodeURIComponent(fileId)}/content`,
      accept: 'application/binary',
      maxResponseBytes: maxBytes,
      content: true,
      parse: (body) => body,
      signal,
    });
  }

  /** Uploads one file for a container; only its base name goes up. A create: never retried blindly. */
  uploadFile(file: UploadFile, expiresInSeconds?: number, signal?: AbortSignal): Promise<FileInfo> {
    return this.core.request({
      service: SERVICE,
      method: 'POST',
      path: '/v1/files',
      body: () => encodeInputFileForm(file, expiresInSeconds),
      parse: json(SERVICE, toFileInfo),
      signal,
    });
  }

  deleteFile(fileId: string, signal?: AbortSignal): Promise<void> {
    return this.core.request({
      service: SERVICE,
      method: 'DELETE',
      path: `/v1/files/${encodeURIComponent(fileId)}`,
      parse: () => undefined,
      signal,
    });
  }
}
