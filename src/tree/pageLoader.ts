// A cursor list loaded a page at a time for the tree: the nodes read what is loaded, the loader does the
// requests, under the same guard as every other list. No `vscode` import, so it is tested in plain Node.
import { PageGuard } from '../api/paging';
import type { Page } from '../api/types';

/** The page size used to load every remaining page (the filter's): the API's maximum, the fewest requests. */
export const ALL_PAGES_LIMIT = 1000;

export type PageFetch<T> = (request: { page?: string; limit?: number }, signal: AbortSignal) => Promise<Page<T>>;

/** Told of each load no caller watches (one a tree row started): it may offer `cancel`, which aborts it. */
export type UnwatchedLoad = (load: Promise<void>, cancel: () => void) => void;

export class PageLoader<T> {
  private items: T[] = [];
  private nextPage: string | undefined;
  private firstPageLoaded = false;
  private failure: unknown;
  private inFlight: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private guard = new PageGuard();
  /** Set when the guard stopped the list: a Retry then reads it again from the start. */
  private stopped = false;
  /** Bumped by reset(), so an answer to a request made before it is dropped. */
  private generation = 0;

  /** `keyOf` tells items apart, so an item added by {@link upsert} is not listed twice when a page brings it. */
  constructor(
    private readonly fetchPage: PageFetch<T>,
    private readonly keyOf?: (item: T) => string,
    private readonly onUnwatchedLoad?: UnwatchedLoad,
  ) {}

  get loaded(): readonly T[] {
    return this.items;
  }

  /** True until the first page is in, and while the last page had a `next_page`. */
  get hasMore(): boolean {
    return !this.firstPageLoaded || this.nextPage !== undefined;
  }

  /** The error of the last load, until a load succeeds. */
  get error(): unknown {
    return this.failure;
  }

  get isLoading(): boolean {
    return this.inFlight !== undefined;
  }

  /**
   * Loads the next page (the first, if none is in). A call while a load is under way joins it instead of
   * sending a second request: a double click on "Load more…" costs one page. Never rejects: a failure is
   * kept in `error` for the tree to show. `watched` says the caller shows its own progress and Cancel.
   */
  loadMore(limit?: number, watched = false): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.stopped) this.reset();
    if (!this.hasMore) return Promise.resolve();
    const generation = this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const load = this.fetchPage({ page: this.nextPage, limit }, abort.signal).then(
      (page) => {
        if (generation !== this.generation) return;
        const known = this.keyOf && new Set(this.items.map(this.keyOf));
        this.items.push(...(known ? page.data.filter((item) => !known.has(this.keyOf!(item))) : page.data));
        this.firstPageLoaded = true;
        this.failure = undefined;
        try {
          this.nextPage = this.guard.next(page);
        } catch (err) {
          this.nextPage = undefined;
          this.stopped = true;
          this.failure = err;
        }
      },
      (err: unknown) => {
        if (generation === this.generation) this.failure = err;
      },
    );
    this.inFlight = load.finally(() => {
      if (generation === this.generation) this.inFlight = undefined;
    });
    if (!watched) this.onUnwatchedLoad?.(this.inFlight, () => abort.abort());
    return this.inFlight;
  }

  /** The first page, once: later calls do nothing (a failure is retried by loadMore). */
  ensureFirstPage(limit?: number): Promise<void> {
    if (this.firstPageLoaded || this.failure !== undefined) return this.inFlight ?? Promise.resolve();
    return this.loadMore(limit);
  }

  /**
   * Every remaining page, `limit` at a time, stopping at a failure (the guard's included: a repeated
   * cursor, endless empty pages) or when `signal` aborts: a caller with a signal watches the loads.
   */
  async loadAll(limit: number, signal?: AbortSignal): Promise<void> {
    const abortPage = () => this.abort?.abort();
    signal?.addEventListener('abort', abortPage);
    try {
      while (this.hasMore && !signal?.aborted) {
        await this.loadMore(limit, signal !== undefined);
        if (this.failure !== undefined) return;
      }
    } finally {
      signal?.removeEventListener('abort', abortPage);
    }
  }

  /**
   * Puts an item just created or changed (a publish) into the list without a reload: in place of the one
   * with its key, else first, where it stays when pages arrive (a page that brings it again is deduped).
   */
  upsert(item: T): void {
    const index = this.keyOf ? this.items.findIndex((existing) => this.keyOf!(existing) === this.keyOf!(item)) : -1;
    if (index === -1) this.items.unshift(item);
    else this.items[index] = item;
  }

  /** Drops the items with these keys (deleted ones), keeping the rest and the place in the pages. */
  remove(keys: Iterable<string>): void {
    const gone = new Set(keys);
    if (this.keyOf) this.items = this.items.filter((item) => !gone.has(this.keyOf!(item)));
  }

  /** Forgets everything loaded and abandons a load under way. */
  reset(): void {
    this.generation++;
    this.abort?.abort();
    this.abort = undefined;
    this.inFlight = undefined;
    this.items = [];
    this.nextPage = undefined;
    this.firstPageLoaded = false;
    this.failure = undefined;
    this.guard = new PageGuard();
    this.stopped = false;
  }
}
