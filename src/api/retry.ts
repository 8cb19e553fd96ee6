// The official SDK's retry policy: 2 retries, 0.5 s doubling to 8 s with up to 25 % jitter, the server's
// retry-after(-ms) when it is reasonable, and x-should-retry overriding the status-based choice.
import type { ApiError } from './errors';

export interface RetryPolicy {
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000 };

/** A server-given delay beyond this is ignored in favour of our own backoff (as the SDK does). */
const MAX_SERVER_DELAY_MS = 60_000;

/** Statuses that say the server did not act on the request, so even a create may be sent again. */
const NOT_PROCESSED_STATUSES = new Set([429, 529]);

export function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'DELETE';
}

export function shouldRetry(method: string, err: ApiError, headers: Headers | undefined): boolean {
  if (err.kind === 'cancelled' || !err.retryable) return false;
  const override = headers?.get('x-should-retry');
  if (override === 'false') return false;
  if (!isIdempotent(method)) {
    // A create is never retried unless the server certainly did not process it.
    if (err.mayHaveBeenProcessed) return false;
    return (
      override === 'true' ||
      (err.status !== undefined && NOT_PROCESSED_STATUSES.has(err.status)) ||
      err.kind === 'network'
    );
  }
  if (override === 'true') return true;
  if (err.status === undefined) return err.kind === 'network' || err.kind === 'timeout';
  return err.status === 408 || err.status === 409 || err.status === 429 || err.status >= 500;
}

/**
 * The delay the server asks for, in ms, from `retry-after-ms` or `retry-after` (seconds or an HTTP date);
 * undefined when it asks for none, or for none worth waiting (0, or a date already past).
 */
export function serverRetryDelayMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const positive = (ms: number) => (ms > 0 ? ms : undefined);
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return positive(ms);
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return positive(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : positive(date - now);
}

/** How long to wait before retry number `retriesDone + 1`. */
export function retryDelayMs(
  policy: RetryPolicy,
  retriesDone: number,
  headers: Headers | undefined,
  random: () => number = Math.random,
  now = Date.now(),
): number {
  const fromServer = serverRetryDelayMs(headers, now);
  // As the SDK: a delay of 0 (or in the past) says nothing, and the usual backoff applies.
  if (fromServer !== undefined && fromServer > 0 && fromServer < MAX_SERVER_DELAY_MS) return fromServer;
  const base = Math.min(policy.initialDelayMs * 2 ** retriesDone, policy.maxDelayMs);
  return base * (1 - random() * 0.25);
}

/** A sleep that ends early, rejecting, when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
