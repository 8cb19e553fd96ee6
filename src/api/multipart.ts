// The multipart body of a create, encoded here rather than by fetch: its length is known up front (a
// Content-Length, not chunked), its bytes go out as a stream the client watches for an idle timeout, and
// each file's bytes are handed over as they are (in memory, or read from disk as the encoder reaches
// them), never copied.
import { FormDataEncoder } from 'form-data-encoder';
import type { FileSource, UploadFile } from './types';

/** The field every file part of a create carries on the wire. */
export const FILES_FIELD = 'files[]';

export interface EncodedForm {
  contentType: string;
  contentLength: number;
  /** The body's bytes, encoded as they are read: call once per attempt. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** A file part as the encoder reads one (a File's shape), over the upload file's own bytes. */
class FilePart {
  readonly [Symbol.toStringTag] = 'File';
  readonly type = '';
  readonly lastModified = 0;

  constructor(
    readonly name: string,
    private readonly data: Uint8Array | FileSource,
  ) {}

  get size(): number {
    return this.data instanceof Uint8Array ? this.data.byteLength : this.data.size;
  }

  stream(): AsyncIterable<Uint8Array> {
    const { data } = this;
    return data instanceof Uint8Array
      ? (async function* () {
          yield data;
        })()
      : data.stream();
  }
}

/** The form's entries, as the encoder reads a FormData: a FormData would copy each file into a Blob. */
class Parts {
  readonly [Symbol.toStringTag] = 'FormData';
  private readonly all: [string, FilePart | string][] = [];

  append(name: string, value: FilePart | string): void {
    this.all.push([name, value]);
  }

  getAll(name: string): (FilePart | string)[] {
    return this.all.filter(([n]) => n === name).map(([, value]) => value);
  }

  entries(): IterableIterator<[string, FilePart | string]> {
    return this.all[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, FilePart | string]> {
    return this.entries();
  }
}

/**
 * One `files[]` part per file, its filename the path under the skill's top-level folder (the encoder
 * escapes quotes and line breaks in it), then `display_name` when given.
 */
export function encodeSkillForm(files: readonly UploadFile[], displayName?: string): EncodedForm {
  const form = new Parts();
  for (const file of files) form.append(FILES_FIELD, new FilePart(file.path, file.data));
  if (displayName !== undefined) form.append('display_name', displayName);
  return encoded(form);
}

/**
 * A Files API upload: one `file` part named by the file's base name (the API keeps no more of a path),
 * then `expires_in_seconds` when given.
 */
export function encodeInputFileForm(file: UploadFile, expiresInSeconds?: number): EncodedForm {
  const form = new Parts();
  form.append('file', new FilePart(file.path.split('/').pop() ?? file.path, file.data));
  if (expiresInSeconds !== undefined) form.append('expires_in_seconds', String(expiresInSeconds));
  return encoded(form);
}

function encoded(form: Parts): EncodedForm {
  const encoder = new FormDataEncoder(form);
  return {
    contentType: encoder.contentType,
    contentLength: Number(encoder.contentLength),
    chunks: () => encoder.encode(),
  };
}
