import * as assert from 'node:assert/strict';
import { DEFAULT_RETRY_POLICY, retryDelayMs, serverRetryDelayMs } from '../../../src/api/retry';
import { skillFiles, useEmulator } from '../../support/harness';

const headers = (init: Record<string, string>) => new Headers(init);

describe('retry policy', () => {
  it('backs off 0.5 s doubling to an 8 s cap, with up to 25 % jitter', () => {
    const none = () => 0;
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((n) => retryDelayMs(DEFAULT_RETRY_POLICY, n, undefined, none)),
      [500, 1000, 2000, 4000, 8000, 8000],
    );
    assert.equal(
      retryDelayMs(DEFAULT_RETRY_POLICY, 0, undefined, () => 1),
      375,
    );
  });

  it('reads retry-after-ms, retry-after seconds and retry-after dates', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    assert.equal(serverRetryDelayMs(headers({ 'retry-after-ms': '50' })), 50);
    assert.equal(serverRetryDelayMs(headers({ 'retry-after': '3' })), 3000);
    assert.equal(serverRetryDelayMs(headers({ 'retry-after': 'Sat, 21 Nov 2026 10:00:05 GMT' }), now), 5000);
    assert.equal(serverRetryDelayMs(headers({ 'retry-after': 'soon' })), undefined);
    assert.equal(serverRetryDelayMs(headers({})), undefined);
  });

  it('takes a retry-after of 0 (or a date past) as no delay asked: its own backoff, not 0 ms', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    assert.equal(serverRetryDelayMs(headers({ 'retry-after': '0' })), undefined);
    assert.equal(serverRetryDelayMs(headers({ 'retry-after-ms': '0' })), undefined);
    assert.equal(serverRetryDelayMs(headers({ 'retry-after': 'Sat, 21 Nov 2026 09:59:00 GMT' }), now), undefined);
    assert.equal(
      retryDelayMs(DEFAULT_RETRY_POLICY, 0, headers({ 'retry-after': '0' }), () => 0),
      500,
    );
    assert.equal(
      retryDelayMs(DEFAULT_RETRY_POLICY, 1, headers({ 'retry-after-ms': '0' }), () => 0),
      1000,
    );
  });

  it('ignores a server delay of a minute or more in favour of its own backoff', () => {
    assert.equal(
      retryDelayMs(DEFAULT_RETRY_POLICY, 0, headers({ 'retry-after': '120' }), () => 0),
      500,
    );
  });
});

describe('SkillsClient: retries against the emulator', () => {
  const api = useEmulator();

  it('retries a GET on 500 twice with backoff, then succeeds', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 500, times: 2 });
    const page = await api.client.listSkills();
    assert.deepEqual(page.data, []);
    assert.deepEqual(
      api.emulator.log.map((r) => r.status),
      [500, 500, 200],
    );
    assert.deepEqual(api.sleeps, [500, 1000]);
  });

  it('gives up after 2 retries with the last error', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 529, times: 5 });
    await assert.rejects(api.client.listSkills(), { kind: 'overloaded' });
    assert.equal(api.emulator.log.length, 3);
  });

  it('honours retry-after on a 429', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 429, headers: { 'retry-after': '2' } });
    await api.client.listSkills();
    assert.deepEqual(api.sleeps, [2000]);
  });

  it('really waits for retry-after-ms: 50', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 429, headers: { 'retry-after-ms': '50' } });
    const client = api.clientWith({ sleep: undefined });
    const started = Date.now();
    await client.listSkills();
    const gap = api.emulator.log[1].startedAt - api.emulator.log[0].startedAt;
    assert.ok(gap >= 45, `the retry came after ${gap} ms`);
    assert.ok(Date.now() - started < 2000);
  });

  it('x-should-retry: false stops a retry the status would allow', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 500, headers: { 'x-should-retry': 'false' } });
    await assert.rejects(api.client.listSkills(), { kind: 'server' });
    assert.equal(api.emulator.log.length, 1);
  });

  it('x-should-retry: true retries a status it would not', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 400, headers: { 'x-should-retry': 'true' } });
    await api.client.listSkills();
    assert.equal(api.emulator.log.length, 2);
  });

  it('does not retry a 4xx such as 404', async () => {
    await assert.rejects(api.client.getSkill('skill_missing'), { kind: 'notFound' });
    assert.equal(api.emulator.log.length, 1);
  });

  it('retries a DELETE on a connection reset', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('reset-me') });
    await api.client.createVersion(skill.id, skillFiles('reset-me')); // the only version could not go
    api.emulator.resetLog();
    api.emulator.faults.push({ method: 'DELETE', reset: 'beforeProcessing' });
    await api.client.deleteVersion(skill.id, skill.latestVersionId!);
    assert.deepEqual(
      api.emulator.log.map((r) => r.status),
      ['reset', 200],
    );
  });

  describe('a create (POST) is never retried blindly', () => {
    it('is retried on 429 and 529: the server did not process it', async () => {
      api.emulator.faults.push({ method: 'POST', status: 429 }, { method: 'POST', status: 529 });
      const skill = await api.client.createSkill({ files: skillFiles('retried-create') });
      assert.deepEqual(
        api.emulator.log.map((r) => r.status),
        [429, 529, 200],
      );
      assert.equal(api.emulator.store.all().length, 1);
      assert.equal(api.emulator.store.all()[0].id, skill.id);
      // Each attempt sent the whole body again.
      assert.deepEqual(
        api.emulator.log.map((r) => r.files.map((f) => f.filename)),
        Array(3).fill(['retried-create/SKILL.md']),
      );
    });

    it('is not retried on 500: the server may have acted', async () => {
      api.emulator.faults.push({ method: 'POST', status: 500 });
      const err = await api.client.createSkill({ files: skillFiles('not-retried') }).catch((e) => e);
      assert.equal(err.kind, 'server');
      assert.equal(err.mayHaveBeenProcessed, true);
      assert.equal(api.emulator.log.length, 1);
    });

    it('is not retried when the connection drops after the server processed it', async () => {
      api.seed([{ name: 'target', display_name: 'Target', description: 'A target.' }]);
      const [skill] = api.emulator.store.all();
      api.emulator.faults.push({ method: 'POST', reset: 'afterProcessing' });
      const err = await api.client.createVersion(skill.id, skillFiles('target')).catch((e) => e);
      assert.equal(err.kind, 'network');
      assert.equal(err.mayHaveBeenProcessed, true);
      assert.equal(api.emulator.log.length, 1);
      assert.equal(skill.versions.length, 2, 'the version was made, so a blind retry would have made a third');
    });

    it('is not retried after a timeout', async () => {
      api.emulator.latencyMs = 500;
      const err = await api
        .clientWith({ timeoutMs: () => 100 })
        .createSkill({ files: skillFiles('slow-create') })
        .catch((e) => e);
      assert.equal(err.kind, 'timeout');
      assert.equal(api.emulator.log.length, 1);
    });
  });

  it('an abort during the backoff sleep cancels at once', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 500 });
    const abort = new AbortController();
    const client = api.clientWith({
      sleep: async () => {
        abort.abort();
        throw new Error('aborted');
      },
    });
    await assert.rejects(client.listSkills({}, abort.signal), { kind: 'cancelled' });
    assert.equal(api.emulator.log.length, 1);
  });
});
