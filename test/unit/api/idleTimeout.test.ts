// requestTimeoutSeconds is an idle timeout: a request may take as long as it needs while bytes move, and
// is cut only after that long with nothing sent or received. The transport here is undici's, slowed the
// way a slow uplink slows it: it takes the body's chunks one at a time, with a pause between them.
import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { skillFiles, useEmulator } from '../../support/harness';

/** A fetch that reads the request body `pauseMs` per chunk before sending it on, as a slow link would. */
function slowUplink(fetch: typeof globalThis.fetch, pauseMs: number) {
  const seen = { chunks: 0, startedAt: 0, endedAt: 0 };
  const slowFetch = (async (url: string, init: RequestInit) => {
    if (!(init.body instanceof ReadableStream)) return fetch(url, init);
    seen.startedAt = Date.now();
    const reader = (init.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      await new Promise((r) => setTimeout(r, pauseMs));
      if (init.signal?.aborted) throw init.signal.reason;
      const { value, done } = await reader.read();
      if (done) break;
      seen.chunks++;
      chunks.push(value);
    }
    seen.endedAt = Date.now();
    return fetch(url, { ...init, body: Buffer.concat(chunks), duplex: undefined } as RequestInit);
  }) as typeof globalThis.fetch;
  return { slowFetch, seen };
}

describe('the idle timeout', () => {
  const api = useEmulator();
  const bigFiles = () => skillFiles('slow-upload', { files: { 'data.bin': new Uint8Array(1024 * 1024) } });

  it('lets an upload that keeps moving run past the timeout', async () => {
    const { slowFetch, seen } = slowUplink(api.transport.fetch, 40);
    const client = api.clientWith({ transport: { fetch: slowFetch }, timeoutMs: () => 250 });
    const skill = await client.createSkill({ files: bigFiles() });
    assert.match(skill.id, /^skill_/);
    assert.ok(seen.chunks >= 10, `${seen.chunks} chunks`);
    assert.ok(seen.endedAt - seen.startedAt > 250 * 1.5, `the upload took ${seen.endedAt - seen.startedAt} ms`);
  });

  it('cuts an upload that stalls, and knows the server never had the whole of it', async () => {
    const { slowFetch } = slowUplink(api.transport.fetch, 400);
    const client = api.clientWith({ transport: { fetch: slowFetch }, timeoutMs: () => 150 });
    const err = await client.createSkill({ files: bigFiles() }).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /nothing was sent or received for 0 s|nothing was sent or received/);
    assert.equal(err.mayHaveBeenProcessed, false, 'the body never went out whole');
    assert.equal(api.emulator.store.all().length, 0);
  });

  it('cuts a request whose answer does not come, and then it may have been processed', async () => {
    api.emulator.latencyMs = 400;
    const err = await api
      .clientWith({ timeoutMs: () => 100 })
      .createSkill({ files: skillFiles('slow-answer') })
      .catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.kind, 'timeout');
    assert.equal(err.mayHaveBeenProcessed, true);
  });
});
