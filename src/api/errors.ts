import * as l10n from '@vscode/l10n';
import type { IdleDeadline } from './idleDeadline';
import { serverRetryDelayMs } from './retry';

export type SkillsApiErrorKind =
  | 'invalidRequest'
  | 'auth'
  | 'billing'
  | 'permission'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'rateLimited'
  | 'overloaded'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled';

export interface SkillsApiErrorInit {
  kind: SkillsApiErrorKind;
  message: string;
  status?: number;
  /** The API's `error.type`, e.g. `invalid_request_error`. */
  errorType?: string;
  requestId?: string;
  /**
   * False only when the server certainly did not act on the request (an HTTP error answer, a refused
   * connection, a cancel before sending). A create that fails with `true` must be settled by re-listing.
   */
  mayHaveBeenProcessed?: boolean;
  /** How long the server asked to wait (`retry-after`), on a rate limit or an overload. */
  retryAfterMs?: number;
  /** False when sending it again cannot help (a server that redirects elsewhere, or drips without end). */
  retryable?: boolean;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: SkillsApiErrorKind;
  readonly status: number | undefined;
  readonly errorType: string | undefined;
  readonly requestId: string | undefined;
  readonly mayHaveBeenProcessed: boolean;
  readonly retryAfterMs: number | undefined;
  readonly retryable: boolean;

  constructor(init: SkillsApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.errorType = init.errorType;
    this.requestId = init.requestId;
    this.mayHaveBeenProcessed = init.mayHaveBeenProcessed ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.retryable = init.retryable ?? true;
  }
}

const KIND_BY_STATUS: Record<number, SkillsApiErrorKind> = {
  400: 'invalidRequest',
  401: 'auth',
  402: 'billing',
  403: 'permission',
  404: 'notFound',
  408: 'timeout',
  409: 'conflict',
  413: 'tooLarge',
  429: 'rateLimited',
  504: 'timeout',
  529: 'overloaded',
};

export function kindForStatus(status: number): SkillsApiErrorKind {
  return KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'invalidRequest');
}

const KIND_BY_ERROR_TYPE: Record<string, SkillsApiErrorKind> = {
  invalid_request_error: 'invalidRequest',
  authentication_error: 'auth',
  billing_error: 'billing',
  permission_error: 'permission',
  not_found_error: 'notFound',
  request_too_large: 'tooLarge',
  rate_limit_error: 'rateLimited',
  timeout_error: 'timeout',
  overloaded_error: 'overloaded',
};

/** The kind of an error known only by its `error.type` (an `error` event in a stream has no status). */
export function kindForErrorType(type: string): SkillsApiErrorKind {
  return Object.hasOwn(KIND_BY_ERROR_TYPE, type) ? KIND_BY_ERROR_TYPE[type] : 'server';
}

/** `message (request req_…)`, for error text shown to people. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    return err.requestId ? `${err.message} (request ${err.requestId})` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Server text can echo what it was sent; the key must never travel on in an error, nor be printed. */
export function redact(text: string, apiKey: string): string {
  return apiKey ? text.split(apiKey).join('[redacted]') : text;
}

/** What a server's message may weigh in ours: a real one is a sentence or two. */
const MAX_SERVER_TEXT = 1000;

/**
 * Text the server chose (a message, an event name, a field's value), as it may appear in our messages and
 * the log: the key redacted, control characters gone, at most MAX_SERVER_TEXT characters.
 */
export function serverText(text: string, apiKey: string, max = MAX_SERVER_TEXT): string {
  // eslint-disable-next-line no-control-regex
  const plain = redact(text, apiKey).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ');
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

/** An `error.type` as the API writes them (`invalid_request_error`); anything else is not repeated. */
export function plainErrorType(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(value) ? value : undefined;
}

/**
 * The one place every error of a request passes before anyone sees it: its message and type as the
 * server wrote them, redacted and bounded, whichever part of the answer they came from.
 */
export function redactedError(err: ApiError, apiKey: string): ApiError {
  const message = serverText(err.message, apiKey);
  const errorType = plainErrorType(err.errorType);
  const requestId = err.requestId && plainRequestId(err.requestId, apiKey);
  if (message === err.message && errorType === err.errorType && requestId === err.requestId) return err;
  return new ApiError({
    kind: err.kind,
    message,
    status: err.status,
    errorType,
    requestId,
    mayHaveBeenProcessed: err.mayHaveBeenProcessed,
    retryAfterMs: err.retryAfterMs,
    retryable: err.retryable,
    cause: redactedCause(err.cause, apiKey),
  });
}

/**
 * A request id as the API writes them (`req_011C…`): letters, digits, `_` and `-`, and never the key.
 * Anything else — a server echoing a header, or the key, into it — is not copied into messages and the log.
 */
export function plainRequestId(value: string | null | undefined, apiKey: string): string | undefined {
  return value && /^[A-Za-z0-9_-]{1,128}$/.test(value) && !value.includes(apiKey) ? value : undefined;
}

/** The error a transport threw, with the key redacted from its message and its causes' (a few deep). */
function redactedCause(err: unknown, apiKey: string, depth = 0): unknown {
  if (!(err instanceof Error) || depth > 4) return err;
  const copy = new Error(redact(err.message, apiKey), { cause: redactedCause(err.cause, apiKey, depth + 1) });
  copy.name = err.name;
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

/**
 * The error of an HTTP error answer (`text` is its body, or what was read of it): its kind by status, the
 * API's type and message, never the key.
 */
export function httpError(
  service: string,
  res: Pick<Response, 'status' | 'statusText' | 'headers'>,
  text: string,
  requestId: string | undefined,
  apiKey: string,
): ApiError {
  const body = errorBody(text);
  const status = res.status;
  return new ApiError({
    kind: kindForStatus(status),
    status,
    errorType: plainErrorType(body.type),
    message: serverText(
      body.message ?? `The ${service} answered HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''}.`,
      apiKey,
    ),
    requestId: requestId ?? plainRequestId(body.requestId, apiKey),
    // A 5xx other than overloaded (a gateway timeout included) may come after the server acted.
    mayHaveBeenProcessed: status >= 500 && status !== 529,
    retryAfterMs: serverRetryDelayMs(res.headers),
  });
}

export function cancelled(mayHaveBeenProcessed: boolean): ApiError {
  return new ApiError({ kind: 'cancelled', message: l10n.t('The request was cancelled.'), mayHaveBeenProcessed });
}

/** Codes that mean the request never reached a server, so it cannot have been processed. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface AttemptState {
  deadline: IdleDeadline;
  idleMs: number;
  /** The whole body went out (or there was none). */
  bodySent: boolean;
  /** The answer's status and headers came. */
  answered: boolean;
}

/** The error of a request that got no whole answer: cancelled, timed out, or cut off. */
export function transportError(
  err: unknown,
  spec: { service: string; method: string; signal?: AbortSignal },
  { deadline, idleMs, bodySent, answered }: AttemptState,
  requestId: string | undefined,
  apiKey: string,
): ApiError {
  // Cancelled while under way: a create or a delete whose request went out whole may have been acted
  // on; only the caller's check can tell. A GET changes nothing, so it has nothing to settle.
  if (spec.signal?.aborted) return cancelled(spec.method !== 'GET' && bodySent);
  if (deadline.expired) {
    const seconds = Math.round(idleMs / 1000);
    return new ApiError({
      kind: 'timeout',
      message: answered
        ? l10n.t("The {0}'s answer stopped part-way: nothing arrived for {1} s.", spec.service, seconds)
        : l10n.t('The {0} did not answer in time: nothing was sent or received for {1} s.', spec.service, seconds),
      requestId,
      mayHaveBeenProcessed: bodySent,
      cause: redactedCause(err, apiKey),
    });
  }
  const code = errorCode(err);
  const detail = redact(code ?? describeError(err), apiKey);
  return new ApiError({
    kind: 'network',
    message: answered
      ? l10n.t('The connection broke while reading the answer ({0}).', detail)
      : l10n.t('Could not reach the {0} ({1}).', spec.service, detail),
    requestId,
    mayHaveBeenProcessed: answered || (bodySent && (code === undefined || !NEVER_SENT_CODES.has(code))),
    cause: redactedCause(err, apiKey),
  });
}

/** The system error code (`ECONNRESET`, …) that fetch implementations keep in `cause`. */
function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{2,}$/.test(code)) return code;
  }
  return undefined;
}

/** The `error` object of an error answer's body, if the body is one (a proxy's HTML page is not). */
function errorBody(text: string): { type?: string; message?: string; requestId?: string } {
  let raw: { error?: { type?: unknown; message?: unknown }; request_id?: unknown } | null;
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    return {};
  }
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { type: str(raw?.error?.type), message: str(raw?.error?.message), requestId: str(raw?.request_id) };
}
