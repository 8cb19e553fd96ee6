import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { guardCommand, isCancellation } from '../../../src/commands/plans/commandFailure';

/** The wrapper's log and messages, as a command would leave them. */
function recorder() {
  const logged: string[] = [];
  const shown: string[] = [];
  return {
    logged,
    shown,
    deps: { log: { error: (m: string) => logged.push(m) }, showError: (m: string) => shown.push(m) },
  };
}

describe('the command wrapper', () => {
  it("returns the handler's result, with its arguments passed through", async () => {
    const { logged, shown, deps } = recorder();
    const guarded = guardCommand('claudeSkills.x', (a: number, b: number) => a + b, deps);
    assert.equal(await guarded(2, 3), 5);
    assert.deepEqual([logged, shown], [[], []]);
  });

  it('logs a failure under the command id with its request id, and shows it once', async () => {
    const { logged, shown, deps } = recorder();
    const failure = new ApiError({ kind: 'server', message: 'The Skills API failed.', requestId: 'req_011C1' });
    const guarded = guardCommand(
      'claudeSkills.refresh',
      () => {
        throw failure;
      },
      deps,
    );
    assert.equal(await guarded(), undefined);
    assert.deepEqual(logged, ['claudeSkills.refresh: The Skills API failed. (request req_011C1)']);
    assert.deepEqual(shown, ['The Skills API failed. (request req_011C1)']);
  });

  it("says nothing of a cancel, the API's or VS Code's", async () => {
    const vscodeCancel = Object.assign(new Error('Canceled'), { name: 'Canceled' });
    const apiCancel = new ApiError({ kind: 'cancelled', message: 'The request was cancelled.' });
    for (const err of [vscodeCancel, apiCancel]) {
      const { logged, shown, deps } = recorder();
      assert.ok(isCancellation(err));
      assert.equal(await guardCommand('claudeSkills.x', () => Promise.reject(err), deps)(), undefined);
      assert.deepEqual([logged, shown], [[], []]);
    }
    assert.ok(!isCancellation(new Error('Canceled by the server, say')), 'a message alone is not a cancel');
  });

  it('shows what is thrown even when it is not an Error', async () => {
    const { shown, deps } = recorder();
    await guardCommand('claudeSkills.x', () => Promise.reject('plain text'), deps)();
    assert.deepEqual(shown, ['plain text']);
  });
});
