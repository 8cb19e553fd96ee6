/**
 * An abort signal that fires after `ms` with no activity: each byte sent or received calls touch(), so a
 * large upload over a slow link, or a long answer, is not cut while it moves.
 */
export class IdleDeadline {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  touch(): void {
    if (this.expired) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.controller.abort(new DOMException(`Nothing moved for ${this.ms} ms`, 'TimeoutError')),
      this.ms,
    );
  }

  /** Stops the clock once the request is over, so no timer outlives it. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
