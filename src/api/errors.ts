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
  cause?: unknown;
}

export class SkillsApiError extends Error {
  readonly kind: SkillsApiErrorKind;
  readonly status: number | undefined;
  readonly errorType: string | undefined;
  readonly requestId: string | undefined;
  readonly mayHaveBeenProcessed: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(init: SkillsApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'SkillsApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.errorType = init.errorType;
    this.requestId = init.requestId;
    this.mayHaveBeenProcessed = init.mayHaveBeenProcessed ?? false;
    this.retryAfterMs = init.retryAfterMs;
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

/** `message (request req_…)`, for error text shown to people. */
export function describeError(err: unknown): string {
  if (err instanceof SkillsApiError) {
    return err.requestId ? `${err.message} (request ${err.requestId})` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
