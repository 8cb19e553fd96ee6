// How an eval run's requests share the key: a fixed number in flight; a rate limit or an overload on one
// pauses them all for the wait the server asked (each request retrying alone would hammer it, and an
// iteration's numbers would mix throttled and unthrottled runs); a limit without a stated wait, or a billing
// error, stops the run, since waiting cannot be known to help; and one cancel stops everything in flight.
import * as l10n from '@vscode/l10n';
import { abortableSleep } from '../api/retry';
import { ApiError } from '../api/errors';

export interface LimiterOptions {
  concurrency: number;
  /** How often one request is sent again after a shared pause, before its error stands. */
  maxPausesPerRequest?: number;
  /** The longest pause honoured: a server asking for more stops the run instead. */
  maxPauseMs?: number;
}

/** Why a run stopped early: the error that stopped it (or the cancel), for each request still waiting. */
export class RunStopped extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : l10n.t('The run was stopped.'));
    this.name = 'RunStopped';
  }
}

const pausing = (err: unknown): err is ApiError =>
  err instanceof ApiError && (err.kind === 'rateLimited' || err.kind === 'overloaded');

export class RequestLimiter {
  private inFlight = 0;
  /** Requests waiting for a slot: resumed one by one as slots free, all failed at once on a stop. */
  private readonly waiting: { resume: () => void; fail: (err: RunStopped) => void }[] = [];
  private pauseUntil = 0;
  private readonly stop = new AbortController();
  private readonly concurrency: number;
  private readonly maxPauses: number;
  private readonly maxPauseMs: number;

  constructor(options: LimiterOptions, outer?: AbortSignal) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency));
    this.maxPauses = options.maxPausesPerRequest ?? 3;
    this.maxPauseMs = options.maxPauseMs ?? 5 * 60_000;
    if (outer?.aborted) this.stop.abort(outer.reason);
    else outer?.addEventListener('abort', () => this.stop.abort(outer.reason), { once: true });
    // One listener for all that wait: one each would be thousands on a large run.
    this.stop.signal.addEventListener(
      'abort',
      () => {
        for (const waiter of this.waiting.splice(0)) waiter.fail(new RunStopped(this.stop.signal.reason));
      },
      { once: true },
    );
  }

  /** Aborted when the run stops: on cancel, or on an error no pause can help. Each request takes it. */
  get signal(): AbortSignal {
    return this.stop.signal;
  }

  /** The request, when a slot is free and no pause holds; a shared pause and a retry on 429/529. */
  async run<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    for (let pauses = 0; ; pauses++) {
      await this.acquire();
      try {
        await this.waitOutPause();
        return await request(this.stop.signal);
      } catch (err) {
        if (this.stop.signal.aborted) throw new RunStopped(this.stop.signal.reason);
        if (err instanceof ApiError && err.kind === 'billing') {
          this.stop.abort(err);
          throw err;
        }
        if (!pausing(err)) throw err;
        const wait = err.retryAfterMs;
        if (wait === undefined || wait > this.maxPauseMs) {
          this.stop.abort(err);
          throw err;
        }
        if (pauses >= this.maxPauses) throw err;
        this.pauseUntil = Math.max(this.pauseUntil, Date.now() + wait);
      } finally {
        this.release();
      }
    }
  }

  private async waitOutPause(): Promise<void> {
    for (let left = this.pauseUntil - Date.now(); left > 0; left = this.pauseUntil - Date.now()) {
      try {
        await abortableSleep(left, this.stop.signal);
      } catch {
        throw new RunStopped(this.stop.signal.reason);
      }
    }
    if (this.stop.signal.aborted) throw new RunStopped(this.stop.signal.reason);
  }

  private acquire(): Promise<void> {
    if (this.stop.signal.aborted) return Promise.reject(new RunStopped(this.stop.signal.reason));
    if (this.inFlight < this.concurrency) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resume: () => {
          this.inFlight++;
          resolve();
        },
        fail: reject,
      });
    });
  }

  private release(): void {
    this.inFlight--;
    if (this.stop.signal.aborted) return;
    this.waiting.shift()?.resume();
  }
}
