// The request core every client of the API shares: the key, base URL, version and workspace headers, an
// idle timeout, bounded answers, retries by the SDK's policy, typed errors that never carry the key, and
// one log entry per attempt. The Skills, Messages and Files clients describe requests; this sends them.
import * as l10n from '@vscode/l10n';
import { AnswerClock, DOWNLOAD_BOUNDS, JSON_ANSWER_BOUNDS, type AnswerBounds } from './answerClock';
import {
  ApiError,
  cancelled,
  describeError,
  httpError,
  plainRequestId,
  redactedError,
  serverText,
  transportError,
} from './errors';
import { IdleDeadline } from './idleDeadline';
import type { EncodedForm } from './multipart';
import { isRedirect, nextHop } from './redirects';
import {
  DEFAULT_RETRY_POLICY,
  abortableSleep,
  retryDelayMs,
  serverRetryDelayMs,
  shouldRetry,
  type RetryPolicy,
} from './retry';

/** The `fetch` requests go through: VS Code's in the extension (proxy-aware), undici's in plain Node. */
export interface HttpTransport {
  fetch: typeof fetch;
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

export interface ApiOptions {
  transport: HttpTransport;
  /** Read at every request, so a settings change applies at once. */
  baseUrl: () => string;
  /** Read at every request: the stored key, else the environment's. */
  apiKey: () => string | undefined | Promise<string | undefined>;
  /** Read at every request: sent as `anthropic-workspace-id` when set (keys that act on several workspaces). */
  workspaceId?: () => string | undefined;
  /** How long a request may go with no byte sent or received: an idle timeout, not a total. */
  timeoutMs?: () => number;
  /** How long answers may take: JSON_ANSWER_BOUNDS and DOWNLOAD_BOUNDS unless said (tests say less). */
  answerBounds?: { json?: AnswerBounds; content?: AnswerBounds };
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  onRequest?: (entry: RequestLogEntry) => void;
}

/** The newest API version, as the current SDK sends it. No `anthropic-beta`: the extension speaks GA Skills. */
const API_VERSION = '2026-10-21';
const DEFAULT_TIMEOUT_MS = 60_000;
/** What a JSON answer may weigh: a page of 1,000 skills is well under 1 MB. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
const MAX_ERROR_BYTES = 64 * 1024;

type Query = Record<string, string | number | undefined>;
export type Parse<T> = (body: Uint8Array, requestId: string | undefined) => T;

export interface RequestSpec<T> {
  /** Which API, as messages name it ("the Skills API answered …"). */
  service: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Query;
  /** Built afresh for every attempt: a streamed body cannot be sent twice. */
  body?: () => EncodedForm;
  /** What the answer may be: JSON unless said. */
  accept?: string;
  maxResponseBytes?: number;
  /** Reads the whole (bounded) answer. */
  parse?: Parse<T>;
  /**
   * Reads the answer as it streams, instead of `parse`: each chunk counts as activity for the idle timeout.
   * What it throws after the answer began is not retried (the server has acted).
   */
  read?: (chunks: AsyncIterable<Uint8Array>, requestId: string | undefined) => Promise<T>;
  /**
   * A download of content (an archive, a file): it may follow a redirect to another host over https,
   * without the key, and is bounded by throughput rather than time.
   */
  content?: boolean;
  /** How long the answer may take; by default, JSON_ANSWER_BOUNDS, or DOWNLOAD_BOUNDS for content. */
  bounds?: AnswerBounds;
  signal?: AbortSignal;
}

/** One attempt's failure, with the headers the retry decision needs. */
class AttemptFailure {
  constructor(
    readonly error: ApiError,
    readonly headers?: Headers,
  ) {}
}

export const json =
  <T>(service: string, convert: (value: unknown, requestId?: string) => T): Parse<T> =>
  (body, requestId) => {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new ApiError({
        kind: 'server',
        message: l10n.t('The {0} answered with something that is not JSON.', service),
        requestId,
        mayHaveBeenProcessed: true,
      });
    }
    return convert(value, requestId);
  };

/** A JSON request body already encoded, in the shape the core sends a body in. */
export function jsonBody(bytes: Uint8Array): EncodedForm {
  return {
    contentType: 'application/json',
    contentLength: bytes.byteLength,
    async *chunks() {
      yield bytes;
    },
  };
}

export class ApiCore {
  private readonly retryPolicy: RetryPolicy;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly serverDelayListeners = new Set<(delayMs: number) => void>();

  constructor(private readonly options: ApiOptions) {
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? abortableSleep;
  }

  /**
   * Called with the delay whenever a request waits before its retry because the server's `retry-after`
   * asked: other requests to it are likely to meet the same limit.
   */
  onServerDelay(listener: (delayMs: number) => void): { dispose(): void } {
    this.serverDelayListeners.add(listener);
    return { dispose: () => this.serverDelayListeners.delete(listener) };
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
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
        new ApiError({
          kind: 'auth',
          message: l10n.t('No Anthropic API key is set. Run "Claude Skills: Set API Key".'),
        }),
      );
    }
    const pathAndQuery = withQuery(spec.path, spec.query);
    const base = this.options.baseUrl().replace(/\/+$/, '');
    const idleMs = this.options.timeoutMs?.() ?? DEFAULT_TIMEOUT_MS;
    const deadline = new IdleDeadline(idleMs);
    const defaults = this.options.answerBounds;
    const clock = new AnswerClock(
      spec.bounds ?? (spec.content ? (defaults?.content ?? DOWNLOAD_BOUNDS) : (defaults?.json ?? JSON_ANSWER_BOUNDS)),
    );
    const signal = AbortSignal.any([deadline.signal, clock.signal, ...(spec.signal ? [spec.signal] : [])]);
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
    const form = spec.body?.();
    // Until the body's last byte is handed over, the server holds no whole request it could act on.
    let bodySent = form === undefined;
    if (bodySent) clock.start();
    // The body's own failure (a file that could not be read) is the caller's to fix, not the network's.
    let sourceError: { error: unknown } | undefined;
    try {
      const workspaceId = this.options.workspaceId?.();
      const accept = spec.accept ?? 'application/json';
      const keyed: Record<string, string> = {
        'x-api-key': apiKey,
        'anthropic-version': API_VERSION,
        accept,
        ...(workspaceId ? { 'anthropic-workspace-id': workspaceId } : {}),
        ...(form ? { 'content-type': form.contentType, 'content-length': String(form.contentLength) } : {}),
      };
      let url = new URL(base + pathAndQuery);
      let withKey = true;
      for (let hops = 0; ; hops++) {
        res = await this.options.transport.fetch(url.href, {
          method: spec.method,
          // Off the API's origin, a download goes with none of our headers: no key, no `anthropic-*`.
          headers: withKey ? keyed : { accept },
          body:
            hops === 0 && form
              ? watchedStream(
                  form.chunks(),
                  () => deadline.touch(),
                  () => ((bodySent = true), clock.start()),
                  (error) => (sourceError = { error }),
                )
              : undefined,
          ...(hops === 0 && form ? { duplex: 'half' } : {}),
          redirect: 'manual',
          signal,
        } as RequestInit);
        deadline.touch();
        if (!isRedirect(res)) break;
        await res.body?.cancel().catch(() => undefined);
        const hop = nextHop({
          method: spec.method,
          content: spec.content === true,
          apiOrigin: new URL(base).origin,
          from: url,
          location: res.headers.get('location'),
          hops,
          withKey,
        });
        if ('refused' in hop) {
          const error = redirectRefused(spec, res.status, hop, pathAndQuery, apiKey);
          log({ status: res.status, error: error.message });
          throw new AttemptFailure(error);
        }
        url = hop.follow;
        withKey = hop.withKey;
      }
      requestId = plainRequestId(res.headers.get('request-id'), apiKey);
      if (!res.ok) {
        // An error's body is a short JSON object: more than MAX_ERROR_BYTES is not read, the status says enough.
        const text = await readBody(res, deadline, clock, MAX_ERROR_BYTES, spec.service, requestId).then(
          (bytes) => new TextDecoder().decode(bytes),
          () => '',
        );
        const error = httpError(spec.service, res, text, requestId, apiKey);
        log({ status: res.status, requestId: error.requestId, error: error.message });
        throw new AttemptFailure(error, res.headers);
      }
      const result = spec.read
        ? await spec.read(watchedChunks(res, deadline, clock), requestId)
        : parseWhole(
            spec,
            await readBody(res, deadline, clock, spec.maxResponseBytes ?? MAX_JSON_BYTES, spec.service, requestId),
            requestId,
          );
      log({ status: res.status, requestId });
      return result;
    } catch (err) {
      if (err instanceof AttemptFailure) throw err;
      if (sourceError && !spec.signal?.aborted) {
        log({ error: describeError(sourceError.error) });
        throw sourceError.error;
      }
      if (clock.expired && !spec.signal?.aborted) {
        const error = new ApiError({
          kind: 'timeout',
          message: l10n.t("The {0}'s answer was stopped: {1}.", spec.service, clock.reason ?? ''),
          requestId,
          mayHaveBeenProcessed: spec.method !== 'GET',
          retryable: false,
        });
        log({ status: res?.status, requestId, error: error.message });
        throw new AttemptFailure(error);
      }
      if (err instanceof ApiError) {
        // What a reader made of the answer (an error event, a bad block) is server text too.
        const error = redactedError(err, apiKey);
        log({ status: res?.status, requestId, error: error.message });
        throw new AttemptFailure(error);
      }
      const error = transportError(
        err,
        spec,
        { deadline, idleMs, bodySent, answered: res !== undefined },
        requestId,
        apiKey,
      );
      log({ status: res?.status, requestId, error: error.message });
      throw new AttemptFailure(error);
    } finally {
      deadline.dispose();
      clock.dispose();
    }
  }
}

/** The error of a redirect not followed: where it pointed, and why not. */
function redirectRefused(
  spec: RequestSpec<unknown>,
  status: number,
  hop: { refused: string; origin: string },
  path: string,
  apiKey: string,
): ApiError {
  const where = serverText(hop.origin, apiKey, 200);
  return new ApiError({
    kind: 'server',
    status: status || undefined,
    message: status
      ? l10n.t(
          'The {0} answered {1} {2} with a redirect (HTTP {3}) to {4}; it was not followed: {5}.',
          spec.service,
          spec.method,
          path,
          status,
          where,
          hop.refused,
        )
      : l10n.t(
          'The {0} answered {1} {2} with a redirect to {3}; it was not followed: {4}.',
          spec.service,
          spec.method,
          path,
          where,
          hop.refused,
        ),
    // A redirect of a create or a delete says nothing sure of whether it was acted on.
    mayHaveBeenProcessed: spec.method !== 'GET',
    retryable: false,
  });
}

/**
 * The body as a stream that counts as activity each time the transport takes the next chunk to send, and
 * tells when its source fails (a file that changed while it was being read).
 */
function watchedStream(
  chunks: AsyncIterable<Uint8Array>,
  onChunk: () => void,
  onEnd: () => void,
  onSourceError: (err: unknown) => void,
): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await iterator.next();
        } catch (err) {
          onSourceError(err);
          throw err;
        }
        const { value, done } = next;
        if (done) {
          onEnd();
          return controller.close();
        }
        onChunk();
        controller.enqueue(value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

function parseWhole<T>(spec: RequestSpec<T>, body: Uint8Array, requestId: string | undefined): T {
  if (!spec.parse)
    throw new Error(l10n.t('{0} {1} says neither how to parse nor how to read its answer.', spec.method, spec.path));
  return spec.parse(body, requestId);
}

/** The answer's chunks as they arrive, each counting as activity, and against the answer's bounds. */
async function* watchedChunks(res: Response, deadline: IdleDeadline, clock: AnswerClock): AsyncGenerator<Uint8Array> {
  if (!res.body) return;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      deadline.touch();
      clock.received(value.byteLength);
      if (clock.expired) throw clock.signal.reason;
      yield value;
    }
  } finally {
    // A reader that stops early (an error event, a bound) leaves no connection streaming on.
    await reader.cancel().catch(() => undefined);
  }
}

/** The whole answer, each chunk counting as activity, refused past `limit` bytes (a hostile server). */
async function readBody(
  res: Response,
  deadline: IdleDeadline,
  clock: AnswerClock,
  limit: number,
  service: string,
  requestId: string | undefined,
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooLarge = () =>
    new ApiError({
      kind: 'server',
      message: l10n.t(
        "The {0}'s answer is larger than {1} MB; it was not read.",
        service,
        Math.round(limit / 1024 / 1024),
      ),
      requestId,
      mayHaveBeenProcessed: true,
    });
  if (declared > limit) {
    await res.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const value of watchedChunks(res, deadline, clock)) {
    size += value.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The core a client was given, or one over the options it was given (one client alone). */
export function coreOf(coreOrOptions: ApiCore | ApiOptions): ApiCore {
  return coreOrOptions instanceof ApiCore ? coreOrOptions : new ApiCore(coreOrOptions);
}
