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

/** A model as `GET /v1/models` lists it, in what Try in Claude needs of it. */
export interface ModelInfo {
  id: string;
  displayName: string;
  createdAt: string;
  /** `active`, `deprecated`, `retired`, or a stage the API may add. */
  lifecycle: string;
  /** The highest `max_tokens` it takes, when the API says. */
  maxTokens: number | null;
  /** Whether it runs the code execution tool (which skills need); undefined when the API does not say. */
  codeExecution: boolean | undefined;
}

/** A file's metadata in the Files API (what a run produced). Its name is the server's: untrusted. */
export interface FileInfo {
  id: string;
  filename: string;
  mimeType: string | undefined;
  sizeBytes: number;
  /** Only files a tool produced can be downloaded; absent means the API did not say. */
  downloadable: boolean | undefined;
  expiresAt: string | null;
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
 * Bytes read when the upload reaches them (a file on disk, through `fs.openAsBlob`); the size is known
 * before, for the request's length.
 */
export interface FileSource {
  readonly size: number;
  stream(): AsyncIterable<Uint8Array>;
}

/**
 * One file of an upload; `path` is `<frontmatter name>/<relative path>` with forward slashes. `data` is its
 * bytes, or a source that reads them as the upload goes, so a publish need not hold every file in memory.
 */
export interface UploadFile {
  path: string;
  data: Uint8Array | FileSource;
}

/** The bytes of an upload file, read when they come from a source. */
export async function bytesOf(file: UploadFile): Promise<Uint8Array> {
  if (file.data instanceof Uint8Array) return file.data;
  const chunks: Uint8Array[] = [];
  for await (const chunk of file.data.stream()) chunks.push(chunk);
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
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
