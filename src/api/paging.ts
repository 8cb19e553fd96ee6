// The one paging primitive of the extension: every cursor list (the Skills API's `next_page` → `page`, the
// models list's `has_more`/`last_id` → `after_id`, both normalised to a page's `nextPage`) is walked under
// the same guard, so a hostile or broken server cannot make a list page forever.
import * as l10n from '@vscode/l10n';
import { ApiError } from './errors';
import type { Page } from './types';
import { formatNumber } from '../shared/words';

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

export interface PagingLimits {
  /**
   * Empty pages in a row that still carry a cursor: followed (a server may skip past filtered items, as the
   * SDK allows since 0.130), but not without end.
   */
  maxEmptyPagesInARow?: number;
  /** Pages of one list at most: far beyond any real workspace (1,000 items a page). */
  maxPages?: number;
}

const DEFAULT_PAGING_LIMITS: Required<PagingLimits> = { maxEmptyPagesInARow: 5, maxPages: 1_000 };

function refused(message: string): ApiError {
  return new ApiError({
    kind: 'server',
    message: l10n.t('The Skills API {0}; the list was not read further.', message),
  });
}

/**
 * Watches the pages of one list as they come and throws, instead of asking for another, when the server
 * hands back a cursor it gave already, sends too many empty pages in a row, or too many pages at all.
 */
export class PageGuard {
  private readonly seen = new Set<string>();
  private emptyInARow = 0;
  private pages = 0;
  private readonly limits: Required<PagingLimits>;

  constructor(limits: PagingLimits = {}) {
    this.limits = { ...DEFAULT_PAGING_LIMITS, ...limits };
  }

  /** The cursor of the page after `page`, or undefined at the end of the list. */
  next(page: Page<unknown>): string | undefined {
    this.pages++;
    const cursor = page.nextPage ?? undefined;
    if (cursor === undefined) return undefined;
    if (this.seen.has(cursor)) throw refused(l10n.t('handed back a page cursor it had given already'));
    this.seen.add(cursor);
    this.emptyInARow = page.data.length === 0 ? this.emptyInARow + 1 : 0;
    if (this.emptyInARow >= this.limits.maxEmptyPagesInARow) {
      throw refused(l10n.t('sent {0} empty pages in a row that each promised more', this.emptyInARow));
    }
    if (this.pages >= this.limits.maxPages)
      throw refused(l10n.t('sent more than {0} pages', formatNumber(this.limits.maxPages)));
    return cursor;
  }
}

/** Every page of a cursor list, in order, under a PageGuard; stops with a cancel when `signal` aborts. */
export async function* iteratePages<T>(
  fetchPage: PageFetcher<T>,
  options: PagingLimits & { signal?: AbortSignal } = {},
): AsyncGenerator<Page<T>, void, undefined> {
  const guard = new PageGuard(options);
  let cursor: string | undefined;
  do {
    if (options.signal?.aborted) {
      throw new ApiError({ kind: 'cancelled', message: l10n.t('The request was cancelled.') });
    }
    const page = await fetchPage(cursor);
    yield page;
    cursor = guard.next(page);
  } while (cursor !== undefined);
}

export async function collectAll<T>(pages: AsyncIterable<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.data);
  return all;
}
