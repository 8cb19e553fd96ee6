// The plain-Node transport goes through a real HTTP proxy on loopback when one is configured.
import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SkillsClient } from '../../../src/api/client';
import { createNodeTransport, type NodeTransportOptions } from '../../../src/api/nodeHttp';
import { startEmulator, type SkillsEmulator } from '../../emulator/server';
import { TEST_KEY } from '../../support/harness';

describe('createNodeTransport: proxies', () => {
  let emulator: SkillsEmulator;
  let proxyUrl: string;
  const proxied: string[] = [];
  let closeProxy: () => void;

  before(async () => {
    emulator = await startEmulator({ apiKeys: [TEST_KEY] });
    const { createProxy } = await import('proxy');
    const server = createProxy(createServer());
    // undici tunnels through the proxy with CONNECT, even to an http: target.
    for (const event of ['request', 'connect']) server.on(event, (req: IncomingMessage) => proxied.push(`${req.method} ${req.url}`));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeProxy = () => {
      server.closeAllConnections();
      server.close();
    };
  });
  beforeEach(() => {
    proxied.length = 0;
  });
  after(async () => {
    closeProxy();
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
