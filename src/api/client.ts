import { SkillsApiError, kindForStatus } from './errors';
import { buildSkillForm } from './multipart';
import { toDeleted, toErrorBody, toPage, toSkill, toSkillVersion } from './normalize';
import { iteratePages } from './paging';
import {
  DEFAULT_RETRY_POLICY,
  abortableSleep,
  retryDelayMs,
  serverRetryDelayMs,
  shouldRetry,
  type RetryPolicy,
} from './retry';
import type {
  CreateSkillRequest,
  Deleted,
  ListSkillsRequest,
  Page,
  PageRequest,
  Skill,
  SkillVersion,
  UploadFile,
} from './types';

/** A `fetch` and the `FormData` class of the same realm (see multipart.ts). */
export interface HttpTransport {
  fetch: typeof fetch;
  FormData: typeof FormData;
}

export interface RequestLogEntry {
  method: string;
  /** Path and query, never headers: the key is not in it. */
  path: string;
  status?: number;
  durationMs: number;
  requestId?: string;
  /** 0 for the first try. */
  attempt: number;
  error?: string;
}

export interface SkillsClientOptions {
  transport: HttpTransport;
  /** Read at every request, so a settings change applies at once. */
  baseUrl: () => string;
  /** Read at every request: the stored key, else the environment's. */
  apiKey: () => string | undefined | Promise<string | undefined>;
  timeoutMs?: () => number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  onRequest?: (entry: RequestLogEntry) => void;
}

/**
 * What marks a request as the beta Skills surface. GA would drop both and address versions by `id`,
 * which the normalised types already carry as `SkillVersion.version`.
 */
const BETA_SURFACE = { query: { beta: 'true' }, headers: { 'anthropic-beta': 'skills-2025-10-02' } };
const API_VERSION = '2023-06-01';
const DEFAULT_TIMEOUT_MS = 60_000;

type Query = Record<string, string | number | undefined>;
type Parse<T> = (res: Response, requestId: string | undefined) => Promise<T>;

interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Query;
  /** Built afresh for every attempt: a FormData body cannot be sent twice. */
  body?: () => FormData;
  parse: Parse<T>;
  signal?: AbortSignal;
}

/** One attempt's failure, with the headers the retry decision needs. */
class AttemptFailure {
  constructor(
    readonly error: SkillsApiError,
    readonly headers?: Headers,
  ) {}
}

const json =
  <T>(convert: (value: unknown, requestId?: string) => T): Parse<T> =>
  async (res, requestId) =>
    convert(await res.json(), requestId);

const segment = encodeURIComponent;

export class SkillsClient {
  private readonly retryPolicy: RetryPolicy;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly serverDelayListeners = new Set<(delayMs: number) => void>();

  constructor(private readonly options: SkillsClientOptions) {
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? abortableSleep;
  }

  listSkills(request: ListSkillsRequest = {}, signal?: AbortSignal): Promise<Page<Skill>> {
    const { limit, page, source } = request;
    return this.request({
      method: 'GET',
      path: '/v1/skills',
      query: { limit, page, source },
      parse: json((v, id) => toPage(v, toSkill, id)),
      signal,
    });
  }

  /** Every page of the skill list, fetched as the caller iterates. */
  skillPages(request: Omit<ListSkillsRequest, 'page'> = {}, signal?: AbortSignal): AsyncGenerator<Page<Skill>> {
    return iteratePages((page) => this.listSkills({ ...request, page }, signal));
  }

  getSkill(skillId: string, signal?: AbortSignal): Promise<Skill> {
    return this.request({ method: 'GET', path: `/v1/skills/${segment(skillId)}`, parse: json(toSkill), signal });
  }

  createSkill(request: CreateSkillRequest, signal?: AbortSignal): Promise<Skill> {
    return this.request({
      method: 'POST',
      path: '/v1/skills',
      body: () => buildSkillForm(this.options.transport.FormData, request.files, request.displayTitle),
      parse: json(toSkill),
      signal,
    });
  }

  deleteSkill(skillId: string, signal?: AbortSignal): Promise<Deleted> {
    return this.request({ method: 'DELETE', path: `/v1/skills/${segment(skillId)}`, parse: json(toDeleted), signal });
  }

  listVersions(skillId: string, request: PageRequest = {}, signal?: AbortSignal): Promise<Page<SkillVersion>> {
    const { limit, page } = request;
    return this.request({
      method: 'GET',
      path: `/v1/skills/${segment(skillId)}/versions`,
      query: { limit, page },
      parse: json((v, id) => toPage(v, toSkillVersion, id)),
      signal,
    });
  }

  versionPages(
    skillId: string,
    request: Omit<PageRequest, 'page'> = {},
    signal?: AbortSignal,
  ): AsyncGenerator<Page<SkillVersion>> {
    return iteratePages((page) => this.listVersions(skillId, { ...request, page }, signal));
  }

  getVersion(skillId: string, version: string, signal?: AbortSignal): Promise<SkillVersion> {
    return this.request({ method: 'GET', path: versionPath(skillId, version), parse: json(toSkillVersion), signal });
  }

  createVersion(skillId: string, files: readonly UploadFile[], signal?: AbortSignal): Promise<SkillVersion> {
    return this.request({
      method: 'POST',
      path: `/v1/skills/${segment(skillId)}/versions`,
      body: () => buildSkillForm(this.options.transport.FormData, files),
      parse: json(toSkillVersion),
      signal,
    });
  }

  deleteVersion(skillId: string, version: string, signal?: AbortSignal): Promise<Deleted> {
    return this.request({ method: 'DELETE', path: versionPath(skillId, version), parse: json(toDeleted), signal });
  }

  /** The version's files as the zip the API serves. */
  downloadVersion(skillId: string, version: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.request({
      method: 'GET',
      path: `${versionPath(skillId, version)}/content`,
      parse: async (res) => new Uint8Array(await res.arrayBuffer()),
      signal,
    });
  }

  /**
   * Called with the delay whenever a request waits before its retry because the server's `retry-after`
   * asked: other requests to it are likely to meet the same limit.
   */
  onServerDelay(listener: (delayMs: number) => void): { dispose(): void } {
    this.serverDelayListeners.add(listener);
    return { dispose: () => this.serverDelayListeners.delete(listener) };
  }

  private async request<T>(spec: RequestSpec<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let failure: AttemptFailure;
      try {
        return await this.attempt(spec, attempt);
      } catch (err) {
        if (!(err instanceof AttemptFailure)) throw err;
        failure = err;
      }
      if (attempt >= this.retryPolicy.maxRetries || !shouldRetry(spec.method, failure.error, failure.headers)) {
        throw failure.error;
      }
      const delay = retryDelayMs(this.retryPolicy, attempt, failure.headers, this.options.random);
      if (serverRetryDelayMs(failure.headers) !== undefined) {
        for (const listener of this.serverDelayListeners) listener(delay);
      }
      try {
        await this.sleep(delay, spec.signal);
      } catch {
        // Only an attempt the server certainly did not act on is retried, so nothing is pending now.
        throw cancelled(false);
      }
    }
  }

  private async attempt<T>(spec: RequestSpec<T>, attempt: number): Promise<T> {
    if (spec.signal?.aborted) throw new AttemptFailure(cancelled(false));
    const apiKey = await this.options.apiKey();
    if (!apiKey) {
      throw new AttemptFailure(
        new SkillsApiError({ kind: 'auth', message: 'No Anthropic API key is set. Run "Claude Skills: Set API Key".' }),
      );
    }
    const pathAndQuery = withQuery(spec.path, spec.query);
    const url = this.options.baseUrl().replace(/\/+$/, '') + pathAndQuery;
    const timeout = AbortSignal.timeout(this.options.timeoutMs?.() ?? DEFAULT_TIMEOUT_MS);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const started = Date.now();
    const log = (entry: Partial<RequestLogEntry>) =>
      this.options.onRequest?.({
        method: spec.method,
        path: pathAndQuery,
        durationMs: Date.now() - started,
        attempt,
        ...entry,
      });

    let res: Response | undefined;
    let requestId: string | undefined;
    try {
      res = await this.options.transport.fetch(url, {
        method: spec.method,
        headers: {
          'x-api-key': apiKey,
          'anthropic-version': API_VERSION,
          ...BETA_SURFACE.headers,
        },
        body: spec.body?.(),
        signal,
      });
      requestId = res.headers.get('request-id') ?? undefined;
      if (!res.ok) {
        const error = await httpError(res, requestId, apiKey);
        log({ status: res.status, requestId: error.requestId, error: error.message });
        throw new AttemptFailure(error, res.headers);
      }
      const result = await spec.parse(res, requestId);
      log({ status: res.status, requestId });
      return result;
    } catch (err) {
      if (err instanceof AttemptFailure) throw err;
      if (err instanceof SkillsApiError) {
        log({ status: res?.status, requestId, error: err.message });
        throw new AttemptFailure(err);
      }
      const error = transportError(err, spec, timeout, res !== undefined, requestId, apiKey);
      log({ status: res?.status, requestId, error: error.message });
      throw new AttemptFailure(error);
    }
  }
}

function versionPath(skillId: string, version: string): string {
  return `/v1/skills/${segment(skillId)}/versions/${segment(version)}`;
}

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams(BETA_SURFACE.query);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  return `${path}?${params}`;
}

/** Server text can echo what it was sent; the key must never travel on in an error. */
function redact(text: string, apiKey: string): string {
  return text.split(apiKey).join('[redacted]');
}

async function httpError(res: Response, requestId: string | undefined, apiKey: string): Promise<SkillsApiError> {
  let body: ReturnType<typeof toErrorBody> = {};
  try {
    body = toErrorBody(JSON.parse(await res.text()));
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone must do.
  }
  const status = res.status;
  return new SkillsApiError({
    kind: kindForStatus(status),
    status,
    errorType: body.type,
    message: redact(
      body.message ?? `The Skills API answered HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''}.`,
      apiKey,
    ),
    requestId: requestId ?? body.requestId,
    // A 5xx other than overloaded (a gateway timeout included) may come after the server acted.
    mayHaveBeenProcessed: status >= 500 && status !== 529,
  });
}

function cancelled(mayHaveBeenProcessed: boolean): SkillsApiError {
  return new SkillsApiError({ kind: 'cancelled', message: 'The request was cancelled.', mayHaveBeenProcessed });
}

/** Codes that mean the request never reached a server, so it cannot have been processed. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function transportError(
  err: unknown,
  spec: RequestSpec<unknown>,
  timeout: AbortSignal,
  answered: boolean,
  requestId: string | undefined,
  apiKey: string,
): SkillsApiError {
  // Cancelled while under way: a create or a delete may have reached the server; only the caller's
  // re-list can tell. A GET changes nothing, so it has nothing to settle.
  if (spec.signal?.aborted) return cancelled(spec.method !== 'GET');
  if (timeout.aborted) {
    return new SkillsApiError({
      kind: 'timeout',
      message: `The Skills API did not answer in time${answered ? ' (the answer stopped part-way)' : ''}.`,
      requestId,
      mayHaveBeenProcessed: true,
      cause: err,
    });
  }
  const code = errorCode(err);
  const detail = redact(code ?? (err instanceof Error ? err.message : String(err)), apiKey);
  return new SkillsApiError({
    kind: 'network',
    message: answered
      ? `The connection broke while reading the answer (${detail}).`
      : `Could not reach the Skills API (${detail}).`,
    requestId,
    mayHaveBeenProcessed: answered || code === undefined || !NEVER_SENT_CODES.has(code),
    cause: err,
  });
}

/** The system error code (`ECONNRESET`, …) that fetch implementations keep in `cause`. */
function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}
