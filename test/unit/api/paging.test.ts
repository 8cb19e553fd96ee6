// The paging primitive against a server that pages wrongly: a repeated cursor, endless empty pages, a
// list that never ends. Every case stops with a clear error after a bounded number of requests.
import * as assert from 'node:assert/strict';
import { collectAll, iteratePages } from '../../../src/api/paging';
import { toPage } from '../../../src/api/normalize';
import { PageLoader } from '../../../src/tree/pageLoader';
import { json, startHostileServer, type HostileServer } from '../../support/hostileServer';

const skill = (n: number) => ({
  id: `skill_${n}`,
  type: 'skill',
  display_name: `Skill ${n}`,
  latest_version_id: `skver_${n}`,
  source: { type: 'custom' },
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
});

describe('paging under a guard, against a hostile server', () => {
  let server: HostileServer;
  before(async () => {
    server = await startHostileServer();
  });
  after(() => server.close());

  it('stops when the server hands back a cursor it gave already', async () => {
    server.handle((_req, res) => json(res, { data: [skill(1)], next_page: 'page_same' }));
    await assert.rejects(collectAll(server.client().skillPages()), {
      kind: 'server',
      message: /handed back a page cursor it had given already/,
    });
    assert.equal(server.requests.length, 2);
  });

  it('goes on past an empty page, but not past five in a row', async () => {
    let n = 0;
    server.handle((_req, res) => {
      n++;
      // Two empty pages, one with a skill, then empty pages forever, each with a fresh cursor.
      json(res, { data: n === 3 ? [skill(3)] : [], next_page: `page_${n}` });
    });
    await assert.rejects(collectAll(server.client().skillPages()), /5 empty pages in a row/);
    assert.equal(server.requests.length, 8, 'three pages, then five empty ones');
  });

  it('stops a list that never ends, at 1,000 pages', async () => {
    let n = 0;
    server.handle((_req, res) => json(res, { data: [skill(++n)], next_page: `page_${n}` }));
    await assert.rejects(collectAll(server.client().skillPages()), /more than 1,000 pages/);
    assert.equal(server.requests.length, 1000);
  });

  it('stops when cancelled, before the next request', async () => {
    let n = 0;
    const abort = new AbortController();
    server.handle((_req, res) => {
      if (++n === 3) abort.abort();
      json(res, { data: [skill(n)], next_page: `page_${n}` });
    });
    await assert.rejects(collectAll(server.client().skillPages({}, abort.signal)), { kind: 'cancelled' });
    assert.equal(server.requests.length, 3);
  });

  it("the tree's load-all (Filter) stops at a repeated cursor with an error it shows, and starts over on Retry", async () => {
    const client = server.client();
    const loader = new PageLoader((request, signal) => client.listSkills(request, signal));
    server.handle((_req, res) => json(res, { data: [skill(1)], next_page: 'page_same' }));
    await loader.loadAll(1000);
    assert.match(String(loader.error), /handed back a page cursor it had given already/);
    assert.equal(loader.hasMore, false);
    assert.equal(server.requests.length, 2);
    server.handle((_req, res) => json(res, { data: [skill(2)], next_page: null }));
    await loader.loadMore();
    assert.equal(loader.error, undefined);
    assert.deepEqual(
      loader.loaded.map((s) => s.id),
      ['skill_2'],
    );
  });

  it('reads both cursor styles: next_page, and has_more with last_id (the models list)', async () => {
    const item = (v: unknown) => v as { id: string };
    assert.equal(toPage({ data: [], next_page: 'page_2' }, item).nextPage, 'page_2');
    assert.equal(toPage({ data: [{ id: 'm1' }, { id: 'm2' }], has_more: true, last_id: 'm2' }, item).nextPage, 'm2');
    assert.equal(toPage({ data: [{ id: 'm3' }], has_more: false, last_id: 'm3' }, item).nextPage, null);
    // The same guard walks the models style: after_id cursors that repeat are refused too.
    const pages = [
      { data: [{ id: 'm1' }], nextPage: 'm1' },
      { data: [{ id: 'm1' }], nextPage: 'm1' },
    ];
    let i = 0;
    await assert.rejects(collectAll(iteratePages(async () => pages[i++])), /given already/);
  });
});
