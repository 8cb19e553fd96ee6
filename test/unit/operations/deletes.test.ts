import * as assert from 'node:assert/strict';
import {
  countVersions,
  deleteSkill,
  deleteVersions,
  holdsEveryVersion,
  summarizeVersionDeletes,
  type VersionDeletes,
} from '../../../src/operations/deletes';
import { collectAll } from '../../../src/api/paging';
import { useEmulator } from '../../support/harness';

describe('deletes: a whole skill in one request, selected versions a few at a time', () => {
  const api = useEmulator();
  const versionDeletes = () => api.emulator.log.filter((r) => r.method === 'DELETE' && r.path.includes('/versions/'));

  /** A custom skill with `count` versions: its id and its version ids, newest first. */
  async function skillWithVersions(count: number, id = 'skill_many'): Promise<{ id: string; versions: string[] }> {
    api.seed([{ id, name: 'many', display_name: 'Many', description: 'Has many versions.', versionCount: count }]);
    const versions = (await collectAll(api.client.versionPages(id, { limit: 1000 }))).map((v) => v.id);
    api.emulator.resetLog();
    api.emulator.maxInFlight = 0;
    return { id, versions };
  }

  const remaining = (id: string) =>
    api.emulator.store
      .all()
      .find((s) => s.id === id)
      ?.versions.map((v) => v.id) ?? [];

  it('tells a selection of every version from one that leaves one, with one request a version longer', async () => {
    api.seed([{ id: 'skill_three', name: 'three', description: 'Three.', versionCount: 3 }]);
    const all = api.emulator.store.listVersions('skill_three');
    const whole = { skill: { id: 'skill_three' }, versions: all.map((v) => ({ id: v.id })) };
    assert.equal(await holdsEveryVersion(api.client, whole), true);
    assert.equal(await holdsEveryVersion(api.client, { ...whole, versions: whole.versions.slice(1) }), false);
    assert.deepEqual(
      api.emulator.log.map((r) => r.query.limit),
      ['4', '3'],
    );
  });

  it('counts versions with one request of 1,000: exact below, "more" beyond', async () => {
    const { id } = await skillWithVersions(45);
    assert.deepEqual(await countVersions(api.client, id), { count: 45, more: false });
    assert.deepEqual(
      api.emulator.log.map((r) => r.query.limit),
      ['1000'],
    );
    const big = await skillWithVersions(1001, 'skill_big');
    assert.deepEqual(await countVersions(api.client, big.id), { count: 1000, more: true });
    assert.equal(api.emulator.log.length, 1);
  });

  it('deletes a skill of 45 versions with one DELETE', async () => {
    const { id } = await skillWithVersions(45);
    assert.deepEqual(await deleteSkill(api.client, id), { status: 'deleted' });
    assert.deepEqual(
      api.emulator.log.map((r) => `${r.method} ${r.path}`),
      [`DELETE /v1/skills/${id}`],
    );
    assert.equal(api.emulator.store.all().length, 0);
  });

  it('keeps a skill whose DELETE fails, saying why; a skill already gone counts as deleted', async () => {
    const { id } = await skillWithVersions(2);
    api.emulator.faults.push({ method: 'DELETE', status: 403, message: 'Not yours.' });
    const kept = await deleteSkill(api.client, id);
    assert.equal(kept.status, 'kept');
    assert.equal(kept.status === 'kept' && kept.error.message, 'Not yours.');
    assert.deepEqual(await deleteSkill(api.client, 'skill_gone'), { status: 'deleted' });
  });

  describe('a DELETE cancelled while under way is settled with one GET', () => {
    it('404 afterwards: the skill was deleted', async () => {
      const { id } = await skillWithVersions(3);
      api.emulator.faults.push({ method: 'DELETE', answerDelayMs: 400 });
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 100);
      assert.deepEqual(await deleteSkill(api.client, id, abort.signal), { status: 'deleted' });
      assert.deepEqual(
        api.emulator.log.map((r) => r.method),
        ['DELETE', 'GET'],
      );
    });

    it('200 afterwards: the version was not deleted, and says so', async () => {
      const { id, versions } = await skillWithVersions(3);
      api.emulator.faults.push({ method: 'DELETE', latencyMs: 400, reset: 'beforeProcessing' });
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 100);
      const result = await deleteVersions(api.client, id, [versions[0]], { signal: abort.signal });
      assert.deepEqual(result.notAttempted, [versions[0]]);
      assert.deepEqual(result.unknown, []);
      assert.equal(remaining(id).length, 3);
    });

    it('the GET failing too: unknown, and only then', async () => {
      const { id } = await skillWithVersions(3);
      api.emulator.faults.push({ method: 'DELETE', answerDelayMs: 400 }, { method: 'GET', status: 500, times: 3 });
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 100);
      const outcome = await deleteSkill(api.client, id, abort.signal);
      assert.equal(outcome.status, 'unknown');
    });
  });

  it('deletes 40 of 45 versions with at most 4 in flight', async () => {
    const { id, versions } = await skillWithVersions(45);
    api.emulator.latencyMs = 15; // long enough for the DELETEs to overlap
    const progress: number[] = [];
    const chosen = versions.slice(0, 40);
    const result = await deleteVersions(api.client, id, chosen, { onSettled: (settled) => progress.push(settled) });
    assert.deepEqual(result.deleted, chosen);
    assert.equal(versionDeletes().length, 40);
    assert.equal(api.emulator.maxInFlight, 4);
    assert.deepEqual(
      progress,
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    assert.deepEqual(remaining(id), versions.slice(40).reverse());
  });

  it('starts no new DELETE while an answer’s retry-after runs, then goes on', async () => {
    const { id, versions } = await skillWithVersions(17);
    const chosen = versions.slice(0, 16);
    api.emulator.latencyMs = 10;
    const limited = `/v1/skills/${id}/versions/${chosen[2]}`;
    api.emulator.faults.push({ method: 'DELETE', path: limited, status: 429, headers: { 'retry-after-ms': '600' } });
    const result = await deleteVersions(api.client, id, chosen);
    assert.equal(result.deleted.length, 16);
    const answered429 = api.emulator.log.find((r) => r.status === 429)!;
    // The harness's client does not sleep before its own retry, so only the others show the pause. Some may
    // start as the 429 travels back, before the client has read it; on a busy machine the emulator (in this
    // same process) may log them late, so only those logged well after the answer count.
    const sinceAnswer = versionDeletes()
      .filter((r) => r.path !== limited && r.startedAt > answered429.endedAt! + 150)
      .map((r) => r.startedAt - answered429.endedAt!);
    assert.ok(sinceAnswer.length > 0, 'some DELETEs were left for after the pause');
    assert.ok(
      sinceAnswer.every((ms) => ms >= 590),
      `DELETEs started ${sinceAnswer.join(', ')} ms after the 429`,
    );
    assert.deepEqual(remaining(id), [versions[16]]);
  });

  it('waits out a burst of 429s past the client’s own retries, pausing every DELETE, and deletes them all', async () => {
    const { id, versions } = await skillWithVersions(7);
    const chosen = versions.slice(0, 6);
    // Eight 429s in a row: more than the two retries a request gets.
    api.emulator.faults.push({ method: 'DELETE', status: 429, headers: { 'retry-after-ms': '40' }, times: 8 });
    const result = await deleteVersions(api.client, id, chosen);
    assert.deepEqual(result.deleted.sort(), [...chosen].sort());
    assert.deepEqual(result.failed, []);
    assert.equal(versionDeletes().filter((r) => r.status === 429).length, 8);
  });

  it('gives up on an endless rate limit once its wait budget is spent, within a bounded number of requests', async () => {
    const { id, versions } = await skillWithVersions(5);
    api.emulator.faults.push({ method: 'DELETE', status: 429, headers: { 'retry-after-ms': '20' }, times: 10_000 });
    const result = await deleteVersions(api.client, id, versions.slice(0, 4), { maxRateLimitWaitMs: 200 });
    assert.equal(result.failed.length, 4);
    assert.ok(result.failed.every((f) => f.error.kind === 'rateLimited'));
    assert.ok(versionDeletes().length <= 4 * 3 + (200 / 20) * 3, `${versionDeletes().length} requests`);
    assert.equal(remaining(id).length, 5);
  });

  it('goes on past a failure when deleting chosen versions, reporting each', async () => {
    const { id, versions } = await skillWithVersions(6);
    api.emulator.faults.push({
      method: 'DELETE',
      path: `/v1/skills/${id}/versions/${versions[0]}`,
      status: 500,
      times: 3,
    });
    const result = await deleteVersions(api.client, id, versions.slice(0, 4));
    assert.deepEqual(result.deleted, versions.slice(1, 4));
    assert.deepEqual(
      result.failed.map((f) => f.versionId),
      [versions[0]],
    );
    assert.deepEqual(remaining(id).sort(), [versions[0], ...versions.slice(4)].sort());
    assert.match(
      summarizeVersionDeletes(result),
      new RegExp(`^deleted 3 of 4 versions; 1 failed \\(${versions[0]}: Injected HTTP 500\\.\\)$`),
    );
  });

  it('counts a version that is already gone as deleted', async () => {
    const { id, versions } = await skillWithVersions(3);
    const result = await deleteVersions(api.client, id, [versions[0], 'skver_01AlreadyGone']);
    assert.equal(result.deleted.length, 2);
  });

  it('stops on cancel: nothing new starts, and every version is accounted for', async () => {
    const { id, versions } = await skillWithVersions(31);
    const chosen = versions.slice(0, 30);
    api.emulator.latencyMs = 10;
    const abort = new AbortController();
    const result = await deleteVersions(api.client, id, chosen, {
      signal: abort.signal,
      onSettled: (settled) => settled === 6 && abort.abort(),
    });
    assert.equal(result.cancelled, true);
    assert.ok(result.notAttempted.length >= 30 - 6 - 4, `${result.notAttempted.length} not attempted`);
    assert.equal(result.deleted.length + result.unknown.length + result.notAttempted.length, 30);
    const left = new Set(remaining(id));
    assert.ok(result.notAttempted.every((v) => left.has(v)));
    assert.ok(result.deleted.every((v) => !left.has(v)));
  });

  it('reports Anthropic’s versions as refused, and deletes nothing', async () => {
    api.seed([{ id: 'pdf', source: 'anthropic', name: 'pdf', description: 'PDF.', versionCount: 2 }]);
    const [latest] = (await api.client.listVersions('pdf')).data;
    const result = await deleteVersions(api.client, 'pdf', [latest.id]);
    assert.equal(result.failed[0].error.kind, 'permission');
    assert.equal(remaining('pdf').length, 2);
  });

  it('summarises every outcome', () => {
    const deletes: VersionDeletes = {
      deleted: ['a', 'b'],
      failed: [],
      unknown: ['c'],
      notAttempted: ['d', 'e'],
      cancelled: true,
    };
    assert.equal(
      summarizeVersionDeletes(deletes),
      'deleted 2 of 5 versions; 1 cancelled while under way and not known (the view shows what is left); 2 not attempted',
    );
    assert.equal(summarizeVersionDeletes({ ...deletes, unknown: [], notAttempted: [] }), 'deleted 2 of 2 versions');
  });
});
