import * as assert from 'node:assert/strict';
import {
  deleteSkillAndVersions,
  deleteVersions,
  listAllVersions,
  summarizeVersionDeletes,
  type VersionDeletes,
} from '../../../src/api/deleteCascade';
import { useEmulator } from '../../support/harness';

describe('the delete cascade', () => {
  const api = useEmulator();
  const versionDeletes = () => api.emulator.log.filter((r) => r.method === 'DELETE' && r.path.includes('/versions/'));

  /** A custom skill with `count` versions: its id and its version strings. */
  async function skillWithVersions(count: number, id = 'skill_cascade'): Promise<{ id: string; versions: string[] }> {
    api.seed([
      { id, name: 'cascade', display_title: 'Cascade', description: 'Has many versions.', versionCount: count },
    ]);
    const versions = (await listAllVersions(api.client, id)).map((v) => v.version);
    api.emulator.resetLog();
    api.emulator.maxInFlight = 0;
    return { id, versions };
  }

  const remaining = (id: string) =>
    api.emulator.store
      .all()
      .find((s) => s.id === id)
      ?.versions.map((v) => v.version) ?? [];

  it('lists every version across pages, 100 at a time', async () => {
    api.seed([{ id: 'skill_many', name: 'many', description: 'Many.', versionCount: 150 }]);
    const versions = await listAllVersions(api.client, 'skill_many');
    assert.equal(versions.length, 150);
    assert.equal(new Set(versions.map((v) => v.version)).size, 150);
    assert.deepEqual(
      api.emulator.log.map((r) => r.query.limit),
      ['100', '100'],
    );
  });

  it('deletes 45 versions with at most 4 in flight, then the skill once they are all gone', async () => {
    const { id, versions } = await skillWithVersions(45);
    api.emulator.latencyMs = 15; // long enough for the DELETEs to overlap
    const progress: number[] = [];
    const result = await deleteSkillAndVersions(api.client, id, versions, {
      onSettled: (settled) => progress.push(settled),
    });
    assert.equal(result.skillDeleted, true);
    assert.deepEqual(result.deleted, versions);
    assert.equal(versionDeletes().length, 45);
    assert.equal(api.emulator.maxInFlight, 4);
    const skillDelete = api.emulator.log.at(-1)!;
    assert.equal(skillDelete.path, `/v1/skills/${id}`);
    assert.ok(versionDeletes().every((r) => r.endedAt! <= skillDelete.startedAt));
    assert.deepEqual(
      progress,
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
    assert.equal(api.emulator.store.all().length, 0);
  });

  it('starts no new DELETE while an answer’s retry-after runs, then goes on', async () => {
    const { id, versions } = await skillWithVersions(16);
    api.emulator.latencyMs = 10;
    const limited = `/v1/skills/${id}/versions/${versions[2]}`;
    api.emulator.faults.push({ method: 'DELETE', path: limited, status: 429, headers: { 'retry-after-ms': '300' } });
    const result = await deleteVersions(api.client, id, versions);
    assert.equal(result.deleted.length, 16);
    const answered429 = api.emulator.log.find((r) => r.status === 429)!;
    // The harness's client does not sleep before its own retry, so only the others show the pause. One
    // may start as the 429 travels back, before the client has read it.
    const sinceAnswer = versionDeletes()
      .filter((r) => r.path !== limited && r.startedAt > answered429.endedAt! + 30)
      .map((r) => r.startedAt - answered429.endedAt!);
    assert.ok(sinceAnswer.length > 0, 'some DELETEs were left for after the pause');
    assert.ok(
      sinceAnswer.every((ms) => ms >= 290),
      `DELETEs started ${sinceAnswer.join(', ')} ms after the 429`,
    );
    assert.deepEqual(remaining(id), []);
  });

  it('stops a skill’s cascade at a version that keeps failing, keeps the skill, and accounts for every version', async () => {
    const { id, versions } = await skillWithVersions(20);
    api.emulator.latencyMs = 5;
    const broken = versions[5];
    api.emulator.faults.push({ method: 'DELETE', path: `/v1/skills/${id}/versions/${broken}`, status: 500, times: 3 });
    const result = await deleteSkillAndVersions(api.client, id, versions);
    assert.equal(result.skillDeleted, false);
    assert.deepEqual(
      result.failed.map((f) => [f.version, f.error.status]),
      [[broken, 500]],
    );
    assert.ok(result.notAttempted.length > 0, 'nothing new starts after the failure');
    assert.equal(result.deleted.length + result.failed.length + result.notAttempted.length, 20);
    assert.deepEqual(remaining(id).sort(), [...result.failed.map((f) => f.version), ...result.notAttempted].sort());
    assert.equal(api.emulator.log.filter((r) => r.path === `/v1/skills/${id}`).length, 0, 'no DELETE of the skill');
    const summary = summarizeVersionDeletes(result);
    assert.match(
      summary,
      new RegExp(
        `^deleted ${result.deleted.length} of 20 versions; 1 failed \\(${broken}: Injected HTTP 500\\.\\); ${result.notAttempted.length} not attempted$`,
      ),
    );
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
      result.failed.map((f) => f.version),
      [versions[0]],
    );
    assert.deepEqual(remaining(id).sort(), [versions[0], ...versions.slice(4)].sort());
  });

  it('counts a version that is already gone as deleted', async () => {
    const { id, versions } = await skillWithVersions(3);
    const result = await deleteSkillAndVersions(api.client, id, [...versions, '1000000000000000']);
    assert.equal(result.skillDeleted, true);
    assert.equal(result.deleted.length, 4);
  });

  it('stops on cancel: nothing new starts, and the skill is kept', async () => {
    const { id, versions } = await skillWithVersions(30);
    api.emulator.latencyMs = 10;
    const abort = new AbortController();
    const result = await deleteSkillAndVersions(api.client, id, versions, {
      signal: abort.signal,
      onSettled: (settled) => settled === 6 && abort.abort(),
    });
    assert.equal(result.cancelled, true);
    assert.equal(result.skillDeleted, false);
    assert.ok(result.notAttempted.length >= 30 - 6 - 4, `${result.notAttempted.length} not attempted`);
    assert.equal(result.deleted.length + result.unknown.length + result.notAttempted.length, 30);
    // What is left is exactly what was not deleted (a DELETE cut off mid-way may have gone either way).
    const left = new Set(remaining(id));
    assert.ok(result.notAttempted.every((v) => left.has(v)));
    assert.ok(result.deleted.every((v) => !left.has(v)));
  });

  it('reports Anthropic’s versions as refused, and deletes nothing', async () => {
    api.seed([{ id: 'pdf', source: 'anthropic', name: 'pdf', description: 'PDF.', versionCount: 2 }]);
    const versions = (await listAllVersions(api.client, 'pdf')).map((v) => v.version);
    const result = await deleteSkillAndVersions(api.client, 'pdf', versions);
    assert.equal(result.skillDeleted, false);
    assert.equal(result.failed[0].error.kind, 'permission');
    assert.equal(remaining('pdf').length, 2);
  });

  it('summarises every outcome', () => {
    const deletes: VersionDeletes = {
      deleted: ['1', '2'],
      failed: [],
      unknown: ['3'],
      notAttempted: ['4', '5'],
      cancelled: true,
    };
    assert.equal(
      summarizeVersionDeletes(deletes),
      'deleted 2 of 5 versions; 1 cancelled while under way, so perhaps deleted (the view shows what is left); 2 not attempted',
    );
    assert.equal(summarizeVersionDeletes({ ...deletes, unknown: [], notAttempted: [] }), 'deleted 2 of 2 versions');
  });
});
