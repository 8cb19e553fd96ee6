import * as assert from 'node:assert/strict';
import { SkillsClient } from '../../../src/api/client';
import { createNodeTransport, type NodeTransport } from '../../../src/api/nodeHttp';
import { startEmulator, type SkillsEmulator } from '../../emulator/server';

describe('SkillsClient over undici against the emulator', () => {
  let emulator: SkillsEmulator;
  let transport: NodeTransport;
  before(async () => {
    emulator = await startEmulator({ apiKeys: ['sk-ant-unit'] });
    transport = createNodeTransport();
  });
  after(async () => {
    await transport.close();
    await emulator.close();
  });

  it('lists an empty workspace', async () => {
    const client = new SkillsClient({ transport, baseUrl: () => emulator.url, apiKey: () => 'sk-ant-unit' });
    assert.deepEqual(await client.listSkills(), { data: [], nextPage: null });
    assert.equal(emulator.log.length, 1);
  });
});
