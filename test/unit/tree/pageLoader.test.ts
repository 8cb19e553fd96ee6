import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { Page } from '../../../src/api/types';
import { PageLoader } from '../../../src/tree/pageLoader';
import { customSkills, useEmulator } from '../../support/harness';

/** A list of `total` numbers served `size` at a time, with a record of the requests. */
function numbers(total: number, size: number) {
  const requests: (string | undefined)[] = [];
  let failNext: Error | undefined;
  const gates: (() => void)[] = [];
  let gated = false;
  const fetch = async ({ page, limit }: { page?: string; limit?: number }): Promise<Page<number>> => {
    requests.push(page);
    if (gated) await new Promise<void>((r) => gates.push(r));
    if (failNext !== undefined) {
      const err = failNext;
      failNext = undefined;
      throw err;
    }
    const start = page ? Number(page) : 0;
    const end = Math.min(start + (limit ?? size), total);
    return {
      data: Array.from({ length: end - start }, (_, i) => start + i),
      nextPage: end < total ? String(end) : null,
    };
  };
  return {
    fetch,
    requests,
    failNextWith: (err: Error) => (failNext = err),
    gate: () => (gated = true),
    release: () => {
      gated = false;
      gates.splice(0).forEach((open) => open());
    },
  };
}

describe('PageLoader', () => {
  it('loads one page at a time until next_page is null', async () => {
    const list = numbers(45, 20);
    const loader = new PageLoader(list.fetch);
    assert.equal(loader.hasMore, true);
    await loader.ensureFirstPage();
    assert.equal(loader.loaded.length, 20);
    await loader.ensureFirstPage();
    assert.equal(list.requests.length, 1, 'the first page is fetched once');
    await loader.loadMore();
    await loader.loadMore();
    assert.equal(loader.loaded.length, 45);
    assert.equal(loader.hasMore, false);
    await loader.loadMore();
    assert.deepEqual(list.requests, [undefined, '20', '40']);
  });

  it('joins a load under way instead of sending a second request (double click)', async () => {
    const list = numbers(45, 20);
    const loader = new PageLoader(list.fetch);
    await loader.ensureFirstPage();
    list.gate();
    const clicks = [loader.loadMore(), loader.loadMore(), loader.loadMore()];
    assert.equal(loader.isLoading, true);
    list.release();
    await Promise.all(clicks);
    assert.deepEqual(list.requests, [undefined, '20']);
    assert.equal(loader.loaded.length, 40);
  });

  it('keeps a failure as state, never rejects, and retries the same page', async () => {
    const list = numbers(30, 20);
    const loader = new PageLoader(list.fetch);
    await loader.ensureFirstPage();
    const failure = new ApiError({ kind: 'server', message: 'boom', requestId: 'req_1' });
    list.failNextWith(failure);
    await loader.loadMore();
    assert.equal(loader.error, failure);
    assert.equal(loader.loaded.length, 20);
    await loader.loadMore();
    assert.equal(loader.error, undefined);
    assert.deepEqual(list.requests, [undefined, '20', '20']);
    assert.equal(loader.loaded.length, 30);
  });

  it('a failed first page is not refetched by ensureFirstPage, only by loadMore (Retry)', async () => {
    const list = numbers(5, 20);
    const loader = new PageLoader(list.fetch);
    list.failNextWith(new Error('offline'));
    await loader.ensureFirstPage();
    await loader.ensureFirstPage();
    assert.equal(list.requests.length, 1);
    await loader.loadMore();
    assert.equal(loader.loaded.length, 5);
  });

  it('loads all remaining pages with a bigger limit, and stops when aborted', async () => {
    const list = numbers(250, 20);
    const loader = new PageLoader(list.fetch);
    await loader.ensureFirstPage();
    await loader.loadAll(100);
    assert.equal(loader.loaded.length, 250);
    assert.deepEqual(list.requests, [undefined, '20', '120', '220']);

    const stopped = new PageLoader(numbers(250, 20).fetch);
    const abort = new AbortController();
    abort.abort();
    await stopped.loadAll(100, abort.signal);
    assert.equal(stopped.loaded.length, 0);
  });

  it('reset drops what is loaded and ignores the answer of an abandoned load', async () => {
    const list = numbers(45, 20);
    const loader = new PageLoader(list.fetch);
    list.gate();
    const abandoned = loader.loadMore();
    loader.reset();
    list.release();
    await abandoned;
    assert.equal(loader.loaded.length, 0);
    assert.equal(loader.hasMore, true);
    await loader.ensureFirstPage();
    assert.equal(loader.loaded.length, 20);
  });

  it('lists an upserted item first, once, even when a later page brings it again', async () => {
    const list = numbers(45, 20);
    const loader = new PageLoader(list.fetch, String);
    loader.upsert(44); // before the first page: listed at once, and the first page still loads
    assert.deepEqual(loader.loaded, [44]);
    assert.equal(loader.hasMore, true);
    await loader.ensureFirstPage();
    assert.equal(list.requests.length, 1);
    loader.upsert(44);
    loader.upsert(44);
    loader.upsert(3); // already listed: replaced in place
    assert.deepEqual(loader.loaded.slice(0, 5), [44, 0, 1, 2, 3]);
    await loader.loadAll(100);
    assert.equal(loader.loaded.length, 45);
    assert.equal(loader.loaded.filter((n) => n === 44).length, 1);
  });

  it('removes deleted items and goes on paging from where it was', async () => {
    const list = numbers(45, 20);
    const loader = new PageLoader(list.fetch, String);
    await loader.ensureFirstPage();
    loader.remove(['0', '5', '44']);
    assert.deepEqual(loader.loaded.slice(0, 5), [1, 2, 3, 4, 6]);
    assert.equal(loader.loaded.length, 18);
    await loader.loadMore();
    assert.equal(list.requests.length, 2);
    assert.deepEqual(loader.loaded.slice(17, 19), [19, 20]);
  });
});

describe('PageLoader over the client and the emulator', () => {
  const api = useEmulator();

  it('pages 27 skills at 20 per page: two requests, each a page the emulator served once', async () => {
    api.seed(customSkills(27));
    const loader = new PageLoader((request, signal) =>
      api.client.listSkills({ ...request, limit: request.limit ?? 20, source: 'custom' }, signal),
    );
    await loader.ensureFirstPage();
    await Promise.all([loader.loadMore(), loader.loadMore()]);
    assert.equal(loader.loaded.length, 27);
    assert.equal(loader.hasMore, false);
    const [first, second] = api.emulator.log;
    assert.equal(api.emulator.log.length, 2);
    assert.equal(first.query.page, undefined);
    assert.match(second.query.page ?? '', /^page_/);
  });

  it('tells of each load no caller watches, once, and its cancel aborts the request: the error row retries', async () => {
    api.seed(customSkills(3));
    api.emulator.faults.push({ method: 'GET', path: '/v1/skills', latencyMs: 30_000 });
    const told: (() => void)[] = [];
    const loader = new PageLoader(
      (request, signal) => api.client.listSkills({ ...request, source: 'custom' }, signal),
      undefined,
      (_load, cancel) => told.push(cancel),
    );
    const started = Date.now();
    const first = loader.ensureFirstPage();
    void loader.loadMore(); // a second look joins the load: told once
    assert.equal(told.length, 1);
    while (api.emulator.log.length === 0) await new Promise((r) => setTimeout(r, 10)); // the server holds it
    told[0]();
    await first;
    assert.ok(Date.now() - started < 10_000, 'the cancel ended the held request');
    assert.ok(loader.error instanceof ApiError && loader.error.kind === 'cancelled', String(loader.error));
    await loader.loadMore(); // Retry
    assert.equal(loader.error, undefined);
    assert.equal(loader.loaded.length, 3);
    assert.equal(told.length, 2);
  });

  it('loadAll with a signal shows its own progress (nothing told), and its abort aborts the page in flight', async () => {
    api.seed(customSkills(3));
    api.emulator.faults.push({ method: 'GET', path: '/v1/skills', latencyMs: 30_000 });
    let told = 0;
    const loader = new PageLoader(
      (request, signal) => api.client.listSkills({ ...request, source: 'custom' }, signal),
      undefined,
      () => told++,
    );
    const abort = new AbortController();
    const started = Date.now();
    const all = loader.loadAll(1000, abort.signal);
    setTimeout(() => abort.abort(), 50);
    await all;
    assert.ok(Date.now() - started < 10_000, 'the abort ended the held request');
    assert.equal(told, 0);
    assert.equal(loader.loaded.length, 0);
  });
});
