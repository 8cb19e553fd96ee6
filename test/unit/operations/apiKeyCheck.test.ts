import * as assert from 'node:assert/strict';
import { checkApiKey } from '../../../src/operations/apiKeyCheck';
import { TEST_KEY, useEmulator } from '../../support/harness';

describe("Set API Key's check of a key, against the emulator", () => {
  const api = useEmulator();
  const clientWithKey = (key: string) => api.clientWith({ apiKey: () => key, retry: { maxRetries: 0 } });

  it('keeps a key that lists skills, with one limit=1 request', async () => {
    assert.deepEqual(await checkApiKey(clientWithKey, TEST_KEY), { outcome: 'works' });
    assert.deepEqual(
      api.emulator.log.map((r) => [r.method, r.path, r.query.limit]),
      [['GET', '/v1/skills', '1']],
    );
  });

  it('refuses a key the API refuses, without repeating it', async () => {
    const check = await checkApiKey(clientWithKey, 'sk-ant-wrong-key-42');
    assert.equal(check.outcome, 'refused');
    assert.match(
      (check as { message: string }).message,
      /^The Anthropic API refused this key \(.+\)\. It was not saved\.$/,
    );
    assert.ok(!(check as { message: string }).message.includes('sk-ant-wrong-key-42'));
  });

  it('leaves a key it could not check to the user, saying why', async () => {
    api.emulator.faults.push({ path: '/v1/skills', status: 500, message: 'Down for a moment.' });
    const check = await checkApiKey(clientWithKey, TEST_KEY);
    assert.equal(check.outcome, 'unchecked');
    assert.match((check as { message: string }).message, /^The key could not be checked: Down for a moment\./);
  });

  it('says nothing more once cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    assert.deepEqual(await checkApiKey(clientWithKey, TEST_KEY, abort.signal), { outcome: 'cancelled' });
  });
});
