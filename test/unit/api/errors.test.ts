import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { ApiError, describeError } from '../../../src/api/errors';
import { TEST_KEY, skillFiles, useEmulator } from '../../support/harness';

/** A port nothing listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('SkillsClient: typed errors', () => {
  const api = useEmulator();
  const noRetry = () => api.clientWith({ retry: { maxRetries: 0 } });

  async function failure(promise: Promise<unknown>): Promise<ApiError> {
    const err = await promise.then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiError, `not a ApiError: ${err}`);
    return err;
  }

  it('401 authentication_error for a key the API refuses, without echoing the key', async () => {
    const err = await failure(api.clientWith({ apiKey: () => 'sk-ant-nope-secret' }).listSkills());
    assert.equal(err.kind, 'auth');
    assert.equal(err.status, 401);
    assert.equal(err.errorType, 'authentication_error');
    assert.match(err.requestId ?? '', /^req_/);
    assert.ok(!JSON.stringify({ ...err, message: err.message }).includes('sk-ant-nope-secret'));
  });

  it('auth error before any request when no key is set', async () => {
    const err = await failure(api.clientWith({ apiKey: () => undefined }).listSkills());
    assert.equal(err.kind, 'auth');
    assert.match(err.message, /Set API Key/);
    assert.equal(api.emulator.log.length, 0);
  });

  it('400 invalid_request_error with the server reason, e.g. a display_name of two lines', async () => {
    const err = await failure(api.client.createSkill({ files: skillFiles('second-one'), displayName: 'Two\nlines' }));
    assert.equal(err.kind, 'invalidRequest');
    assert.match(err.message, /^display_name: must be one non-empty line/);
    assert.equal(err.mayHaveBeenProcessed, false);
    assert.match(describeError(err), /\(request req_\w+\)$/);
  });

  it('403 permission_error on Anthropic skills, 404 not_found_error on unknown ones', async () => {
    api.seed([{ id: 'xlsx', source: 'anthropic', name: 'xlsx', description: 'Sheets.', versionCount: 2 }]);
    const latest = api.emulator.store.skill('xlsx').versions[1].id;
    assert.equal((await failure(api.client.deleteVersion('xlsx', latest))).kind, 'permission');
    assert.equal((await failure(api.client.deleteSkill('xlsx'))).kind, 'permission');
    assert.equal((await failure(api.client.createVersion('xlsx', skillFiles('xlsx')))).kind, 'permission');
    assert.equal((await failure(api.client.getVersion('xlsx', 'skver_01Missing'))).kind, 'notFound');
  });

  it('413 request_too_large over 30 MB', async () => {
    const big = new Uint8Array(30 * 1024 * 1024 + 1);
    const err = await failure(api.client.createSkill({ files: skillFiles('too-big', { files: { 'data.bin': big } }) }));
    assert.equal(err.kind, 'tooLarge');
    assert.equal(err.status, 413);
    assert.equal(err.errorType, 'request_too_large');
  });

  for (const [status, kind, errorType] of [
    [402, 'billing', 'billing_error'],
    [409, 'conflict', 'conflict_error'],
    [429, 'rateLimited', 'rate_limit_error'],
    [500, 'server', 'api_error'],
    [504, 'timeout', 'timeout_error'],
    [529, 'overloaded', 'overloaded_error'],
  ] as const) {
    it(`${status} ${errorType} is a '${kind}' error`, async () => {
      api.emulator.faults.push({ path: '/v1/skills', status });
      const err = await failure(noRetry().listSkills());
      assert.deepEqual([err.kind, err.status, err.errorType], [kind, status, errorType]);
      assert.equal(err.requestId, api.emulator.log[0].requestId);
    });
  }

  it('a body that is not JSON still gives the status', async () => {
    const server = (await import('node:http')).createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = server.address() as { port: number };
      const err = await failure(
        api.clientWith({ baseUrl: () => `http://127.0.0.1:${port}`, retry: { maxRetries: 0 } }).listSkills(),
      );
      assert.equal(err.kind, 'server');
      assert.equal(err.status, 502);
      assert.match(err.message, /HTTP 502/);
    } finally {
      server.close();
    }
  });

  it('network: a connection reset before any answer', async () => {
    api.emulator.faults.push({ path: '/v1/skills', reset: 'beforeProcessing' });
    const err = await failure(noRetry().listSkills());
    assert.equal(err.kind, 'network');
    assert.equal(err.mayHaveBeenProcessed, true);
  });

  it('network: a refused connection was certainly not processed', async () => {
    const port = await closedPort();
    const err = await failure(
      api.clientWith({ baseUrl: () => `http://127.0.0.1:${port}`, retry: { maxRetries: 0 } }).listSkills(),
    );
    assert.equal(err.kind, 'network');
    assert.match(err.message, /ECONNREFUSED/);
    assert.equal(err.mayHaveBeenProcessed, false);
  });

  it('timeout: the server answers later than the per-request timeout', async () => {
    api.emulator.latencyMs = 1000;
    const err = await failure(api.clientWith({ timeoutMs: () => 100, retry: { maxRetries: 0 } }).listSkills());
    assert.equal(err.kind, 'timeout');
    assert.equal(err.mayHaveBeenProcessed, true);
  });

  it('cancelled: the caller aborts a request under way', async () => {
    api.emulator.latencyMs = 1000;
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    const started = Date.now();
    const err = await failure(api.client.listSkills({}, abort.signal));
    assert.equal(err.kind, 'cancelled');
    assert.ok(Date.now() - started < 900, 'the abort must end the request at once');
  });

  it('cancelled before sending: an already aborted signal sends nothing', async () => {
    const err = await failure(api.client.getSkill('skill_x', AbortSignal.abort()));
    assert.equal(err.kind, 'cancelled');
    assert.equal(api.emulator.log.length, 0);
  });

  it('a create cancelled before sending was certainly not processed; one cancelled under way may have been', async () => {
    const before = await failure(api.client.createSkill({ files: skillFiles('never-sent') }, AbortSignal.abort()));
    assert.deepEqual([before.kind, before.mayHaveBeenProcessed], ['cancelled', false]);
    assert.equal(api.emulator.log.length, 0);

    api.emulator.latencyMs = 1000;
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    const during = await failure(api.client.createSkill({ files: skillFiles('maybe-sent') }, abort.signal));
    assert.deepEqual([during.kind, during.mayHaveBeenProcessed], ['cancelled', true]);
  });

  it('a server message that echoes the key is redacted', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 400, message: `bad key ${TEST_KEY}!` });
    const err = await failure(api.client.listSkills());
    assert.equal(err.message, 'bad key [redacted]!');
  });
});
