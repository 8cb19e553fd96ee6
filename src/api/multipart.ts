import type { UploadFile } from './types';

/** The field every file part of a create carries on the wire. */
export const FILES_FIELD = 'files[]';

/**
 * The multipart body of a create: one `files[]` part per file, its filename the path under the skill's
 * top-level folder. The FormData class must come from the same realm as the fetch that sends it (undici's
 * fetch does not recognise Node's global FormData), so it is passed in with the transport.
 */
export function buildSkillForm(
  FormDataClass: typeof FormData,
  files: readonly UploadFile[],
  displayTitle?: string,
): FormData {
  const form = new FormDataClass();
  for (const file of files) {
    form.append(FILES_FIELD, new Blob([file.data]), file.path);
  }
  if (displayTitle !== undefined) form.append('display_title', displayTitle);
  return form;
}
