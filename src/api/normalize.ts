// Tolerant parsing of the API's answers: the GA shapes, and the legacy beta names a gateway may still
// answer with (`display_title`, `latest_version`, a `version` string, `source` as a string, `has_more`).
import * as l10n from '@vscode/l10n';
import { ApiError } from './errors';
import type { Deleted, FileInfo, ModelInfo, Page, Skill, SkillVersion } from './types';

type Json = Record<string, unknown>;

/** What the API answered with, when it is not what it should be: whole sentences for translators. */
const UNEXPECTED = {
  skill: () => l10n.t('The API answered with an unexpected skill.'),
  version: () => l10n.t('The API answered with an unexpected skill version.'),
  model: () => l10n.t('The API answered with an unexpected model.'),
  list: () => l10n.t('The API answered with an unexpected list.'),
  deleted: () => l10n.t('The API answered with an unexpected delete result.'),
  file: () => l10n.t('The API answered with an unexpected file.'),
};
type Answer = keyof typeof UNEXPECTED;

function malformed(what: Answer, requestId: string | undefined): ApiError {
  return new ApiError({
    kind: 'server',
    message: UNEXPECTED[what](),
    requestId,
    mayHaveBeenProcessed: true,
  });
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function requireFields(obj: Json | undefined, what: Answer, fields: string[], requestId?: string): Json {
  if (!obj || fields.some((f) => str(obj[f]) === undefined)) throw malformed(what, requestId);
  return obj;
}

export function toSkill(value: unknown, requestId?: string): Skill {
  const raw = requireFields(asObject(value), 'skill', ['id', 'created_at', 'updated_at'], requestId);
  const source = str(asObject(raw.source)?.type) ?? str(raw.source);
  if (source === undefined) throw malformed('skill', requestId);
  return {
    id: raw.id as string,
    displayName: str(raw.display_name) ?? str(raw.display_title) ?? null,
    latestVersionId: str(raw.latest_version_id) ?? str(raw.latest_version) ?? null,
    source,
    createdAt: raw.created_at as string,
    updatedAt: raw.updated_at as string,
  };
}

export function toSkillVersion(value: unknown, requestId?: string): SkillVersion {
  const raw = requireFields(asObject(value), 'version', ['id', 'skill_id', 'created_at'], requestId);
  return {
    // A legacy answer addresses versions (and names the latest) by its `version` string, not by the id.
    id: str(raw.version) ?? (raw.id as string),
    skillId: raw.skill_id as string,
    name: str(raw.name) ?? '',
    description: str(raw.description) ?? '',
    createdAt: raw.created_at as string,
  };
}

export function toModel(value: unknown, requestId?: string): ModelInfo {
  const raw = requireFields(asObject(value), 'model', ['id'], requestId);
  const serverTools = asObject(asObject(raw.capabilities)?.server_tools);
  const codeExecution = asObject(serverTools?.code_execution)?.supported;
  return {
    id: raw.id as string,
    displayName: str(raw.display_name) ?? (raw.id as string),
    createdAt: str(raw.created_at) ?? '',
    lifecycle: str(raw.lifecycle) ?? 'active',
    maxTokens: typeof raw.max_tokens === 'number' && raw.max_tokens > 0 ? raw.max_tokens : null,
    codeExecution: typeof codeExecution === 'boolean' ? codeExecution : undefined,
  };
}

/**
 * A list in either cursor style the API has: `next_page` (the Skills lists), or `has_more` with `last_id`
 * (the models list, whose next page is asked `after_id`). Either way the cursor is the page's `nextPage`.
 */
export function toPage<T>(value: unknown, item: (v: unknown, requestId?: string) => T, requestId?: string): Page<T> {
  const raw = asObject(value);
  if (!raw || !Array.isArray(raw.data)) throw malformed('list', requestId);
  // A has_more of false ends a list whatever cursor came with it (legacy answers send both).
  const cursor = 'next_page' in raw ? str(raw.next_page) : raw.has_more === true ? str(raw.last_id) : undefined;
  return { data: raw.data.map((v) => item(v, requestId)), nextPage: raw.has_more === false ? null : (cursor ?? null) };
}

export function toDeleted(value: unknown, requestId?: string): Deleted {
  const raw = requireFields(asObject(value), 'deleted', ['id'], requestId);
  return { id: raw.id as string };
}

export function toFileInfo(value: unknown, requestId?: string): FileInfo {
  const raw = requireFields(asObject(value), 'file', ['id', 'filename'], requestId);
  const size = raw.size_bytes;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw malformed('file', requestId);
  return {
    id: raw.id as string,
    filename: raw.filename as string,
    mimeType: str(raw.mime_type),
    sizeBytes: size,
    downloadable: typeof raw.downloadable === 'boolean' ? raw.downloadable : undefined,
    expiresAt: str(raw.expires_at) ?? null,
  };
}
