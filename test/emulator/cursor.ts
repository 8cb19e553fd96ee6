// Opaque page tokens that point after the last item returned, so pages stay right when items are added
// or deleted between two requests (as a real cursor would).
import { ApiFailure } from './failure';
import type { ListPage } from './store';

/** Where an item stands in its list's order: compared number first, then string. */
export type SortKey = [number, string];

interface Cursor {
  scope: string;
  after: SortKey;
}

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

function encode(cursor: Cursor): string {
  return 'page_' + Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decode(token: string, scope: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(token.replace(/^page_/, ''), 'base64url').toString('utf8')) as Cursor;
    if (cursor.scope === scope && Array.isArray(cursor.after) && cursor.after.length === 2) return cursor;
  } catch {
    // fall through to the error below
  }
  throw new ApiFailure(400, 'invalid_request_error', 'Invalid page token.');
}

/** One page of `items` (already in list order), `scope` naming the list a token belongs to. */
export function paginate<T, J>(
  items: T[],
  keyOf: (item: T) => SortKey,
  toJson: (item: T) => J,
  scope: string,
  limit: number,
  token: string | undefined,
): ListPage<J> {
  const start = token === undefined ? 0 : firstAfter(items, keyOf, decode(token, scope).after);
  const slice = items.slice(start, start + limit);
  const hasMore = start + limit < items.length;
  return {
    data: slice.map(toJson),
    next_page: hasMore ? encode({ scope, after: keyOf(slice[slice.length - 1]) }) : null,
  };
}

function firstAfter<T>(items: T[], keyOf: (item: T) => SortKey, after: SortKey): number {
  const index = items.findIndex((item) => compareKeys(keyOf(item), after) > 0);
  return index === -1 ? items.length : index;
}
