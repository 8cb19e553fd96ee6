import { SkillsApiError } from './errors';
import type { Page } from './types';

export type PageFetcher<T> = (page: string | undefined) => Promise<Page<T>>;

/** Every page of a cursor list, in order, until `nextPage` is null. */
export async function* iteratePages<T>(fetchPage: PageFetcher<T>): AsyncGenerator<Page<T>, void, undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield page;
    token = page.nextPage ?? undefined;
    if (token !== undefined) {
      // A server that hands back a token it already gave would otherwise page forever.
      if (seen.has(token)) {
        throw new SkillsApiError({ kind: 'server', message: 'The Skills API repeated a page token.' });
      }
      seen.add(token);
    }
  } while (token !== undefined);
}

export async function collectAll<T>(pages: AsyncIterable<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.data);
  return all;
}
