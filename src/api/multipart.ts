// The multipart body of a create, encoded here rather than by fetch: its length is known up front (a
// Content-Length, not chunked), and its bytes go out as a stream the client watches for an idle timeout.
import { FormDataEncoder } from 'form-data-encoder';
import type { UploadFile } from './types';

/** The field every file part of a create carries on the wire. */
export const FILES_FIELD = 'files[]';

export interface EncodedForm {
  contentType: string;
  contentLength: number;
  /** The body's bytes, encoded as they are read: call once per attempt. */
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * One `files[]` part per file, its filename the path under the skill's top-level folder (the encoder
 * escapes quotes and line breaks in it), then `display_name` when given.
 */
export function encodeSkillForm(files: readonly UploadFile[], displayName?: string): EncodedForm {
  const form = new FormData();
  for (const file of files) {
    form.append(FILES_FIELD, file.data instanceof Uint8Array ? new Blob([file.data]) : file.data, file.path);
  }
  if (displayName !== undefined) form.append('display_name', displayName);
  const encoder = new FormDataEncoder(form);
  return {
    contentType: encoder.contentType,
    contentLength: Number(encoder.contentLength),
    chunks: () => encoder.encode(),
  };
}
