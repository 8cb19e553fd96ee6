/** A skill as the extension sees it, whichever shape (beta or GA) the server answered in. */
export interface Skill {
  id: string;
  /** `display_title` (beta) or `display_name` (GA); null when the skill has none. */
  displayTitle: string | null;
  /** The path key of the latest version (see {@link SkillVersion.version}), or null. */
  latestVersion: string | null;
  /** `custom`, `anthropic`, or another source the API may add. */
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface SkillVersion {
  /** `skillver_…` */
  id: string;
  skillId: string;
  /**
   * The key that addresses this version in a path: the epoch (or date) `version` string on the beta
   * surface, the `id` on the GA surface, which has no `version` field.
   */
  version: string;
  name: string;
  description: string;
  /** The uploaded top-level folder (beta only). */
  directory: string | null;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  /** Opaque token for the next page; null on the last page. */
  nextPage: string | null;
}

export interface PageRequest {
  /** Page size; the server's default (20) when absent. */
  limit?: number;
  /** A `nextPage` token from the previous page. */
  page?: string;
}

export interface ListSkillsRequest extends PageRequest {
  /** Omit for every source. */
  source?: 'custom' | 'anthropic';
}

/** One file of an upload; `path` is `<frontmatter name>/<relative path>` with forward slashes. */
export interface UploadFile {
  path: string;
  data: Uint8Array;
}

export interface CreateSkillRequest {
  files: readonly UploadFile[];
  displayTitle?: string;
}

/** What a delete returns: the id of what is gone (a skill id, or a version's path key). */
export interface Deleted {
  id: string;
}
