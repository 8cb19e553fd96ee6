// The Files API, for what a run produced: a file's metadata, then its bytes, bounded by the caller.
import { coreOf, type ApiCore, json, type ApiOptions } from './apiCore';
import { toFileInfo } from './normalize';
import type { FileInfo } from './types';

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
}
