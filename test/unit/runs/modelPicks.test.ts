import * as assert from 'node:assert/strict';
import { collectAll } from '../../../src/api/paging';
import { modelPicks, tryMaxTokens } from '../../../src/runs/modelPicks';
import { useEmulator } from '../../support/harness';

describe('the models Try in Claude offers, against the emulator', () => {
  const api = useEmulator();

  it('reads every page of GET /v1/models, one request a page, with after_id', async () => {
    const models = await collectAll(api.client.modelPages({ limit: 2 }));
    assert.deepEqual(
      models.map((m) => m.id),
      ['claude-emulated-opus-2', 'claude-emulated-haiku-2', 'claude-emulated-sonnet-2', 'claude-emulated-sonnet-1'],
    );
    assert.deepEqual(
      api.emulator.log.map((r) => r.query.after_id ?? '-'),
      ['-', 'claude-emulated-haiku-2'],
    );
    assert.deepEqual(
      models.map((m) => [m.codeExecution, m.lifecycle, m.maxTokens]),
      [
        [true, 'active', 64000],
        [false, 'active', 8192],
        [undefined, 'active', 32000],
        [true, 'deprecated', 16000],
      ],
    );
  });

  it('offers those that run code execution (or do not say), the last used first, deprecated ones last and marked', async () => {
    const models = await collectAll(api.client.modelPages());
    const picks = modelPicks(models, 'claude-emulated-sonnet-2');
    assert.deepEqual(
      picks.map((p) => [p.model.id, p.description]),
      [
        ['claude-emulated-sonnet-2', 'claude-emulated-sonnet-2 · last used'],
        ['claude-emulated-opus-2', 'claude-emulated-opus-2'],
        ['claude-emulated-sonnet-1', 'claude-emulated-sonnet-1 · deprecated'],
      ],
    );
    assert.deepEqual(
      modelPicks(models).map((p) => p.model.id),
      ['claude-emulated-opus-2', 'claude-emulated-sonnet-2', 'claude-emulated-sonnet-1'],
    );
  });

  it("caps max_tokens at the model's own", () => {
    assert.equal(tryMaxTokens(4096, { maxTokens: 64000 }), 4096);
    assert.equal(tryMaxTokens(100_000, { maxTokens: 64000 }), 64000);
    assert.equal(tryMaxTokens(4096, { maxTokens: null }), 4096);
    assert.equal(tryMaxTokens(4096, undefined), 4096, 'a model the list does not name');
  });
});
