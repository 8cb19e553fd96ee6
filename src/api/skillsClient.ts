import { coreOf, type ApiCore, json, type ApiOptions, type RequestSpec } from './apiCore';
import { encodeSkillForm } from './multipart';
import { toDeleted, toModel, toPage, toSkill, toSkillVersion } from './normalize';
import { iteratePages } from './paging';
import type {
  CreateSkillRequest,
  Deleted,
  ListSkillsRequest,
  ModelInfo,
  Page,
  PageRequest,
  Skill,
  SkillVersion,
  UploadFile,
} from './types';

const SERVICE = 'Skills API';
/** An archive of a version is under 30 MB; more is a hostile server. */
const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;

const skillsJson = <T>(convert: (value: unknown, requestId?: string) => T) => json(SERVICE, convert);
const segment = encodeURIComponent;

/** The Skills API (and the model list a try picks from), over the shared request core. */
export class SkillsClient {
  private readonly core: ApiCore;

  constructor(coreOrOptions: ApiCore | ApiOptions) {
    this.core = coreOf(coreOrOptions);
  }

  listSkills(request: ListSkillsRequest = {}, signal?: AbortSignal): Promise<Page<Skill>> {
    const { limit, page, source } = request;
    return this.request({
      method: 'GET',
      path: '/v1/skills',
      query: { limit, page, source },
      parse: skillsJson((v, id) => toPage(v, toSkill, id)),
      signal,
    });
  }

  /** Every page of the skill list, fetched as the caller iterates. */
  skillPages(request: Omit<ListSkillsRequest, 'page'> = {}, signal?: AbortSignal): AsyncGenerator<Page<Skill>> {
    return iteratePages((page) => this.listSkills({ ...request, page }, signal), { signal });
  }

  /** One page of the models the key may use, newest first (`after_id` paging). */
  listModels(request: PageRequest = {}, signal?: AbortSignal): Promise<Page<ModelInfo>> {
    return this.request({
      method: 'GET',
      path: '/v1/models',
      query: { limit: request.limit, after_id: request.page },
      parse: skillsJson((v, id) => toPage(v, toModel, id)),
      signal,
    });
  }

  modelPages(request: Omit<PageRequest, 'page'> = {}, signal?: AbortSignal): AsyncGenerator<Page<ModelInfo>> {
    return iteratePages((page) => this.listModels({ ...request, page }, signal), { signal });
  }

  getSkill(skillId: string, signal?: AbortSignal): Promise<Skill> {
    return this.request({ method: 'GET', path: `/v1/skills/${segment(skillId)}`, parse: skillsJson(toSkill), signal });
  }

  createSkill(request: CreateSkillRequest, signal?: AbortSignal): Promise<Skill> {
    return this.request({
      method: 'POST',
      path: '/v1/skills',
      body: () => encodeSkillForm(request.files, request.displayName),
      parse: skillsJson(toSkill),
      signal,
    });
  }

  deleteSkill(skillId: string, signal?: AbortSignal): Promise<Deleted> {
    return this.request({
      method: 'DELETE',
      path: `/v1/skills/${segment(skillId)}`,
      parse: skillsJson(toDeleted),
      signal,
    });
  }

  listVersions(skillId: string, request: PageRequest = {}, signal?: AbortSignal): Promise<Page<SkillVersion>> {
    const { limit, page } = request;
    return this.request({
      method: 'GET',
      path: `/v1/skills/${segment(skillId)}/versions`,
      query: { limit, page },
      parse: skillsJson((v, id) => toPage(v, toSkillVersion, id)),
      signal,
    });
  }

  versionPages(
    skillId: string,
    request: Omit<PageRequest, 'page'> = {},
    signal?: AbortSignal,
  ): AsyncGenerator<Page<SkillVersion>> {
    return iteratePages((page) => this.listVersions(skillId, { ...request, page }, signal), { signal });
  }

  /** A version by its id, or the skill's newest with `'latest'`. */
  getVersion(skillId: string, versionId: string, signal?: AbortSignal): Promise<SkillVersion> {
    return this.request({
      method: 'GET',
      path: versionPath(skillId, versionId),
      parse: skillsJson(toSkillVersion),
      signal,
    });
  }

  createVersion(skillId: string, files: readonly UploadFile[], signal?: AbortSignal): Promise<SkillVersion> {
    return this.request({
      method: 'POST',
      path: `/v1/skills/${segment(skillId)}/versions`,
      body: () => encodeSkillForm(files),
      parse: skillsJson(toSkillVersion),
      signal,
    });
  }

  deleteVersion(skillId: string, versionId: string, signal?: AbortSignal): Promise<Deleted> {
    return this.request({
      method: 'DELETE',
      path: versionPath(skillId, versionId),
      parse: skillsJson(toDeleted),
      signal,
    });
  }

  /** The version's files as the zip the API serves (as the SDK asks for it: no query, a binary Accept). */
  downloadVersion(skillId: string, versionId: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.request({
      method: 'GET',
      path: `${versionPath(skillId, versionId)}/content`,
      accept: 'application/binary',
      maxResponseBytes: MAX_ARCHIVE_BYTES,
      content: true,
      parse: (body) => body,
      signal,
    });
  }

  /**
   * Called with the delay whenever a request waits before its retry because the server's `retry-after`
   * asked: other requests to it are likely to meet the same limit.
   */
  onServerDelay(listener: (delayMs: number) => void): { dispose(): void } {
    return this.core.onServerDelay(listener);
  }

  private request<T>(spec: Omit<RequestSpec<T>, 'service'>): Promise<T> {
    return this.core.request({ service: SERVICE, ...spec });
  }
}

function versionPath(skillId: string, versionId: string): string {
  return `/v1/skills/${segment(skillId)}/versions/${segment(versionId)}`;
}
