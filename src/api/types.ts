/** A skill as the extension sees it: the GA shape, whichever field names (GA or legacy) the server used. */
export interface Skill {
  id: string;
  /** `display_name` (legacy: `display_title`). Not unique. Null only in a legacy answer that had none. */
  displayName: string | null;
  /** The newest version's id, what `latest` resolves to (legacy: `latest_version`). Null only in a legacy answer. */
  latestVersionId: string | null;
  /** `custom` (the user's, writable), `anthropic`, `anthropic_example`, `plugin`, or a source the API may add. */
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface SkillVersion {
  /**
   * What addresses the version in paths and in `container.skills`: its `skver_…` id. Opaque: never parsed
   * or ordered (a legacy answer's `version` string stands in for it, since that surface addresses by it).
   */
  id: string;
  skillId: string;
  /** The skill's immutable slug: the same for every version of a skill. */
  name: string;
  description: string;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  /** Opaque token for the next page; null on the last page. */
  nextPage: string | null;
}

export interface PageRequest {
  /** Page size, 1–1000; the server's default (20) when absent. */
  limit?: number;
  /** A `nextPage` token from the previous page. */
  page?: string;
}

export interface ListSkillsRequest extends PageRequest {
  /** Omit for every source. */
  source?: 'custom' | 'anthropic';
}

/**
 * One file of an upload; `path` is `<frontmatter name>/<relative path>` with forward slashes. `data` is its
 * bytes, or a Blob that reads them from disk as the upload goes (`fs.openAsBlob`), so a publish need not
 * hold every file in memory.
 */
export interface UploadFile {
  path: string;
  data: Uint8Array | Blob;
}

/** The bytes of an upload file, read from disk when it is a Blob. */
export async function bytesOf(file: UploadFile): Promise<Uint8Array> {
  return file.data instanceof Uint8Array ? file.data : new Uint8Array(await file.data.arrayBuffer());
}

export interface CreateSkillRequest {
  files: readonly UploadFile[];
  /** Sent as `display_name`; the server derives one from the SKILL.md `name` when absent. */
  displayName?: string;
}

/** What a delete returns: the id of what is gone. */
export interface Deleted {
  id: string;
}
