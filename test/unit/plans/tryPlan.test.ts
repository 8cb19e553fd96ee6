// What a try says and keeps: the billing notice, the prompts remembered per skill, the closing message.
import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { billingNotice, rememberPrompt, runOutcomeMessage } from '../../../src/commands/plans/tryPlan';

describe('Try in Claude: what it says and keeps', () => {
  it('names the model, the cap, the key and the most requests a try may bill', () => {
    assert.equal(
      billingNotice('claude-x', 4096, 'Try Me', '…abcd'),
      'Try in Claude sends your prompt to claude-x with "Try Me" attached. It is billed to the API key in use (…abcd): up to 4096 output tokens a request, and up to 11 requests if the model pauses a long turn.',
    );
  });

  it("keeps one prompt per skill, the tried skill's last, and the 50 skills tried most recently", () => {
    let prompts: Record<string, string> = {};
    for (let i = 0; i < 55; i++) prompts = rememberPrompt(prompts, `skill_${i}`, `p${i}`);
    prompts = rememberPrompt(prompts, 'skill_10', 'again');
    const ids = Object.keys(prompts);
    assert.equal(ids.length, 50);
    assert.equal(ids[0], 'skill_5', 'the five oldest are gone');
    assert.deepEqual([ids.at(-1), prompts.skill_10], ['skill_10', 'again']);
  });

  it('ends with the stop said plainly, the files counted, or the error with its request id', () => {
    assert.deepEqual(runOutcomeMessage('T', { stopReason: 'end_turn', files: 2 }), {
      text: 'The try of "T" finished, 2 files.',
      severity: 'info',
    });
    assert.equal(
      runOutcomeMessage('T', { stopReason: 'max_tokens', files: 0 }).text,
      'The try of "T" finished: cut at max_tokens (raise claudeSkills.tryMaxTokens).',
    );
    assert.equal(
      runOutcomeMessage('T', { stopReason: 'refusal', files: 0 }).text,
      'The try of "T" finished: Claude declined (refusal).',
    );
    const failed = new ApiError({ kind: 'overloaded', message: 'Overloaded', requestId: 'req_1' });
    assert.deepEqual(runOutcomeMessage('T', { error: failed, files: 0 }), {
      text: 'The try of "T" failed: Overloaded (request req_1)',
      severity: 'error',
    });
    const cancelled = new ApiError({ kind: 'cancelled', message: 'The request was cancelled.' });
    assert.equal(runOutcomeMessage('T', { error: cancelled, files: 0 }).severity, 'info');
  });
});
