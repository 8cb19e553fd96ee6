// The plain-Node transport goes through a real HTTP proxy on loopback when one is configured.
import * as assert from 'node:assert/strict';
import { SkillsClient } from '../../../src/api/skillsClient';
import { createNodeTransport, type NodeTransportOptions } from '../../../src/api/nodeHttp';
import { startEmulator, type SkillsEmulator } from '../../emulator/server';
import { TEST_KEY } from '../../support/harness';
import { startRecordingProxy, type RecordingProxy } from '../../support/proxy';

describe('createNodeTransport: proxies', () => {
  let emulator: SkillsEmulator;
  let proxy: RecordingProxy;
  let proxyUrl: string;
  let proxied: string[];

  before(async () => {
    emulator = await startEmulator({ apiKeys: [TEST_KEY] });
    proxy = await startRecordingProxy();
    ({ url: proxyUrl, proxied } = proxy);
  });
  beforeEach(() => {
    proxied.length = 0;
  });
  after(async () => {
    proxy.close();
    await emulator.close();
  });

  async function listThrough(options: NodeTransportOptions): Promise<number> {
    const transport = createNodeTransport(options);
    try {
      const client = new SkillsClient({ transport, baseUrl: () => emulator.url, apiKey: () => TEST_KEY });
      return (await client.listSkills({ limit: 1 })).data.length;
    } finally {
      await transport.close();
    }
  }

  it('sends requests through an explicit proxy', async () => {
    assert.equal(await listThrough({ proxyUrl, env: {} }), 0);
    assert.deepEqual(proxied, [`CONNECT ${new URL(emulator.url).host}`]);
  });

  it('takes the proxy from the environment, and honours NO_PROXY', async () => {
    await listThrough({ env: { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl } });
    assert.equal(proxied.length, 1);
    await listThrough({ env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
    assert.equal(proxied.length, 1, 'NO_PROXY must bypass the proxy');
  });

  it('goes direct without any proxy setting', async () => {
    await listThrough({ env: {} });
    assert.deepEqual(proxied, []);
  });
});
