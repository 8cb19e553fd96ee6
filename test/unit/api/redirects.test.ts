// Redirects from a hostile server: the key goes to the API's own origin only. Every status, same origin and
// another, https to http, a create, a download sent on to signed storage; on undici with our Agent and on
// Node's global fetch (the one VS Code's extension host hands the extension).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import type { HttpTransport } from '../../../src/api/apiCore';
import { ApiError } from '../../../src/api/errors';
import { nextHop } from '../../../src/api/redirects';
import { skillFiles } from '../../support/harness';
import { HOSTILE_KEY, json, startHostileServer, type HostileServer } from '../../support/hostileServer';
import { TLS_HOST, makeTestCertificates } from '../../support/tls';

const STATUSES = [301, 302, 303, 307, 308];

describe('redirects: the key never leaves the API', function () {
  this.timeout(30_000);
  let api: HostileServer;
  /** Another origin: what a hostile answer points at. */
  let elsewhere: HostileServer;
  /** Signed storage, over https with the tests' own CA. */
  let storage: HostileServer;
  let tlsTransport: HttpTransport;
  let agent: Agent;

  before(async () => {
    const paths = makeTestCertificates();
    const read = (file: string) => readFileSync(file, 'utf8');
    api = await startHostileServer();
    elsewhere = await startHostileServer({ host: '127.0.0.3' });
    storage = await startHostileServer({ host: TLS_HOST, tls: { key: read(paths.key), cert: read(paths.cert) } });
    agent = new Agent({ connect: { ca: read(paths.caCert) } });
    tlsTransport = {
      fetch: ((input: string, init?: RequestInit) =>
        undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
    };
    elsewhere.handle((_req, res) => json(res, { id: 'skill_evil', type: 'skill' }));
  });
  after(async () => {
    await Promise.all([api.close(), elsewhere.close(), storage.close(), agent.close()]);
  });

  const redirectTo = (location: string, status = 302) =>
    api.handle((_req, res) => {
      res.writeHead(status, { location });
      res.end();
    });

  const failure = async (call: Promise<unknown>): Promise<ApiError> => {
    const err = await call.then(
      () => assert.fail('expected the call to fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiError, String(err));
    return err;
  };

  for (const [transportName, transport] of [
    ['undici with our Agent', undefined],
    ["Node's global fetch", { fetch: globalThis.fetch }],
  ] as const) {
    for (const status of STATUSES) {
      it(`refuses a ${status} of an API call to another origin, naming it (${transportName})`, async () => {
        redirectTo(`${elsewhere.url}/v1/skills/skill_evil`, status);
        elsewhere.requests.length = 0;
        const client = api.client(transport ? { transport } : {});
        const err = await failure(client.getSkill('skill_1'));
        assert.match(
          err.message,
          new RegExp(`redirect \\(HTTP ${status}\\) to ${elsewhere.url.replace(/\./g, '\\.')}`),
        );
        assert.match(err.message, /it was not followed/);
        assert.equal(elsewhere.requests.length, 0, 'nothing was sent to the other origin');
        assert.equal(api.requests.length, 1, 'not retried');
      });
    }
  }

  it('follows a redirect on the API origin for a GET, with the key, up to 5 hops', async () => {
    api.handle((_req, res, url) => {
      const hop = Number(url.searchParams.get('hop') ?? 0);
      if (hop < 5) {
        res.writeHead(307, { location: `/v1/skills/skill_1?hop=${hop + 1}` });
        res.end();
        return;
      }
      json(res, {
        id: 'skill_1',
        type: 'skill',
        display_name: 'One',
        source: { type: 'custom' },
        latest_version_id: 'skver_1',
        created_at: '2026-12-01T00:00:00Z',
        updated_at: '2026-12-01T00:00:00Z',
      });
    });
    const skill = await api.client().getSkill('skill_1');
    assert.equal(skill.id, 'skill_1');
    assert.equal(api.requests.length, 6);
    assert.ok(api.headers.every((h) => h['x-api-key'] === HOSTILE_KEY));

    api.handle((_req, res, url) => {
      res.writeHead(302, { location: `${url.pathname}?again=${api.requests.length}` });
      res.end();
    });
    const err = await failure(api.client().getSkill('skill_1'));
    assert.match(err.message, /redirect after 5/);
    assert.equal(api.requests.length, 6, 'the sixth redirect is not followed');
  });

  it('never sends a create or a delete on to another address, even on the same origin', async () => {
    for (const status of [307, 308, 303]) {
      redirectTo('/v1/skills', status);
      const create = await failure(api.client().createSkill({ files: skillFiles('redirected') }));
      assert.match(create.message, /a POST is never sent again/);
      assert.equal(create.mayHaveBeenProcessed, true, 'whether the server acted is not known');
      assert.equal(api.requests.length, 1);
      redirectTo('/v1/skills/skill_2', status);
      const del = await failure(api.client().deleteSkill('skill_1'));
      assert.match(del.message, /a DELETE is never sent again/);
      assert.equal(api.requests.length, 1);
    }
  });

  it('follows a download to another origin over https, without the key or any anthropic header', async () => {
    storage.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/zip' });
      res.end(Buffer.from('PK-not-really'));
    });
    redirectTo(`${storage.url}/signed/archive.zip?sig=abc`, 302);
    const bytes = await api.client({ transport: tlsTransport }).downloadVersion('skill_1', 'skver_1');
    assert.equal(Buffer.from(bytes).toString(), 'PK-not-really');
    assert.equal(storage.requests.length, 1);
    const sent = storage.headers[0];
    assert.equal(sent['x-api-key'], undefined);
    assert.equal(sent.authorization, undefined);
    assert.equal(sent.cookie, undefined);
    assert.deepEqual(
      Object.keys(sent).filter((h) => h.startsWith('anthropic-')),
      [],
    );
  });

  it('refuses a download sent on over plain http, and an API call sent on over https elsewhere', async () => {
    redirectTo(`${elsewhere.url}/archive.zip`, 301);
    elsewhere.requests.length = 0;
    const download = await failure(api.client().downloadVersion('skill_1', 'skver_1'));
    assert.match(download.message, /over https only/);
    assert.equal(elsewhere.requests.length, 0);

    storage.requests.length = 0;
    redirectTo(`${storage.url}/v1/skills/skill_1`, 302);
    const call = await failure(api.client({ transport: tlsTransport }).getSkill('skill_1'));
    assert.match(call.message, /only the API's own address is trusted with your key/);
    assert.equal(storage.requests.length, 0);
  });

  it('decides https → http on one host as another origin, and a location that is no URL as no address', () => {
    const from = new URL('https://api.example.com/v1/skills/x/versions/y/content');
    const base = { method: 'GET', apiOrigin: 'https://api.example.com', from, hops: 0, withKey: true };
    assert.deepEqual(nextHop({ ...base, content: false, location: 'http://api.example.com/v1/skills/x' }), {
      refused: "only the API's own address is trusted with your key, and this is no download",
      origin: 'http://api.example.com',
    });
    assert.match(
      String(
        (nextHop({ ...base, content: true, location: 'http://api.example.com/c' }) as { refused: string }).refused,
      ),
      /https only/,
    );
    assert.match(
      String((nextHop({ ...base, content: true, location: 'javascript:alert(1)' }) as { refused: string }).refused),
      /no web address/,
    );
    assert.deepEqual(nextHop({ ...base, content: false, location: '/v1/skills/z' }), {
      follow: new URL('https://api.example.com/v1/skills/z'),
      withKey: true,
    });
  });
});
