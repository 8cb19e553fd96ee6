// How long an answer may take once the request is sent, beside the idle timeout (which any trickle, a
// ping every few seconds or a byte a second, keeps alive for ever). A JSON answer and a streamed turn get a
// wall-clock bound; a download gets a minimum average throughput instead, so a slow 30 MB archive still
// finishes while a drip does not.
import { formatBytes, plural } from '../shared/words';

export interface AnswerBounds {
  /** The longest the answer may take from the moment the request was sent whole. */
  maxDurationMs?: number;
  /** What to say of that bound when it is reached: where it comes from, how to change it. */
  durationNote?: string;
  /** After `graceMs`, an answer slower than this on average is stopped. */
  minBytesPerSecond?: number;
  graceMs?: number;
}

/** A JSON answer is a few KB to a few MB: minutes are far more than any real one takes. */
export const JSON_ANSWER_BOUNDS: AnswerBounds = { maxDurationMs: 3 * 60_000 };
/** A download may be slow, not a drip: 2 KB/s on average, judged after its first 30 s. */
export const DOWNLOAD_BOUNDS: AnswerBounds = { minBytesPerSecond: 2048, graceMs: 30_000 };

export class AnswerClock {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private startedAt: number | undefined;
  private bytes = 0;
  /** What stopped the answer, in a sentence, once it did. */
  reason: string | undefined;

  constructor(
    private readonly bounds: AnswerBounds,
    private readonly now: () => number = Date.now,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.reason !== undefined;
  }

  /** The request went out whole: the answer's time starts. */
  start(): void {
    if (this.startedAt !== undefined) return;
    this.startedAt = this.now();
    const ms = this.bounds.maxDurationMs;
    if (ms !== undefined) {
      this.timer = setTimeout(() => this.stop(`it went on for more than ${minutes(ms)}${this.noteOf()}`), ms);
    }
  }

  /** Bytes of the answer came: too slow on average, the answer is stopped. */
  received(bytes: number): void {
    this.bytes += bytes;
    const { minBytesPerSecond, graceMs = 0 } = this.bounds;
    if (minBytesPerSecond === undefined || this.startedAt === undefined) return;
    const elapsedMs = this.now() - this.startedAt;
    if (elapsedMs > graceMs && (this.bytes * 1000) / elapsedMs < minBytesPerSecond) {
      this.stop(
        `it came at less than ${formatBytes(minBytesPerSecond)}/s (${formatBytes(this.bytes)} in ${Math.round(elapsedMs / 1000)} s)`,
      );
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private stop(reason: string): void {
    if (this.reason) return;
    this.reason = reason;
    clearTimeout(this.timer);
    this.controller.abort(new DOMException(reason, 'TimeoutError'));
  }

  private noteOf(): string {
    return this.bounds.durationNote ? ` (${this.bounds.durationNote})` : '';
  }
}

function minutes(ms: number): string {
  const m = ms / 60_000;
  return m >= 1 && Number.isInteger(m) ? plural(m, 'minute') : `${Math.round(ms / 1000)} s`;
}
