// The client against a server that misbehaves on purpose: echoes of the key, answers that are not JSON,
// answers without end. Each ends in a clear error, with the key nowhere in what is shown or logged.
import * as assert from 'node:assert/strict';
import type { RequestLogEntry } from '../../../src/api/apiCore';
import { ApiError, describeError } from '../../../src/api/errors';
import { skillFiles } from '../../support/harness';
import { HOSTILE_KEY, json, startHostileServer, type HostileServer } from '../../support/hostileServer';

describe('the client against a hostile server', () => {
  let server: HostileServer;
  before(async () => {
    server = await startHostileServer();
  });
  after(() => server.close());

  /** A client whose log lines are kept, and the error a call ends in. */
  async function failureOf(call: (client: ReturnType<HostileServer['client']>) => Promise<unknown>) {
    const logged: RequestLogEntry[] = [];
    const client = server.client({ onRequest: (entry) => logged.push(entry) });
    const err = await call(client).then(
      () => assert.fail('the call was expected to fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiError, String(err));
    return { err, logged: JSON.stringify(logged) };
  }

  it('never copies the key from an echoed request-id or error message into errors or the log', async () => {
    server.handle((_req, res) =>
      json(
        res,
        { type: 'error', error: { type: 'api_error', message: `bad key ${HOSTILE_KEY}` }, request_id: HOSTILE_KEY },
        400,
        { 'request-id': `req_${HOSTILE_KEY}!` },
      ),
    );
    const { err, logged } = await failureOf((client) => client.listSkills());
    assert.equal(err.requestId, undefined, 'a request id of another shape is not taken');
    assert.equal(err.message, 'bad key [redacted]');
    for (const text of [describeError(err), logged, String(err.stack)]) assert.ok(!text.includes(HOSTILE_KEY), text);
  });

  it('reads at most 64 KB of an error answer: a huge one is told by its status alone', async () => {
    let sent = 0;
    server.handle((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json', 'request-id': 'req_011CHuge' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      // Far more than any error body, sent until the client stops reading (at most 256 MB).
      const more = () => {
        while (sent < 256 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 256 * 1024 * 1024) res.once('drain', more);
        else res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      more();
    });
    const { err } = await failureOf((client) => client.getSkill('skill_x'));
    assert.equal(err.status, 500);
    assert.equal(err.message, 'The Skills API answered HTTP 500 Internal Server Error.');
    assert.equal(err.requestId, 'req_011CHuge');
    assert.ok(sent < 32 * 1024 * 1024, `${sent} bytes were sent before the client stopped reading`);
  });

  it('takes a request id of the plain shape', async () => {
    server.handle((_req, res) =>
      json(res, { type: 'error', error: { type: 'not_found_error', message: 'No.' } }, 404, {
        'request-id': 'req_011CAbc-_9',
      }),
    );
    const { err } = await failureOf((client) => client.getSkill('skill_x'));
    assert.equal(err.requestId, 'req_011CAbc-_9');
  });

  it('calls a 200 that is not JSON an unexpected answer, and does not retry a create on it', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "skill_1", "trunc');
    });
    const list = await failureOf((client) => client.listSkills());
    assert.match(list.err.message, /answered with something that is not JSON/);
    assert.equal(list.err.kind, 'server');
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>a proxy page</html>');
    });
    const create = await failureOf((client) => client.createSkill({ files: skillFiles('not-json') }));
    assert.match(create.err.message, /not JSON/);
    assert.equal(create.err.mayHaveBeenProcessed, true, 'a 200 says the server acted');
    assert.equal(server.requests.length, 1, 'not retried');
  });

  it('refuses an answer larger than it may be, whether it says so up front or not', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) });
      res.write('{"data": [');
      // It never sends what it announced: the client must not wait for it.
    });
    const declared = await failureOf((client) => client.listSkills());
    assert.match(declared.err.message, /larger than 16 MB; it was not read/);

    let sent = 0;
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const more = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100) res.once('drain', more);
        else res.end();
      };
      more();
    });
    const streamed = await failureOf((client) => client.listSkills());
    assert.match(streamed.err.message, /larger than 16 MB/);
    assert.ok(sent < 100, `the client stopped reading: ${sent} MB were sent`);
  });
});
