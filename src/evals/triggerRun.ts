// One run of a trigger query: the query with the skill (and its neighbours) attached, read until a code
// execution step reads the skill's SKILL.md — then cancelled, since the rest of the answer cannot change
// the verdict and costs tokens — or to its end, which without that step is "not triggered". One turn only:
// a paused answer that has not chosen the skill yet is not continued (skill-creator's runs are one turn too).
import * as l10n from '@vscode/l10n';
import type { MessagesClient } from '../api/messagesClient';
import { ApiError } from '../api/errors';
import { CodeExecutionTools, turnRequest, type SkillRunInput } from '../operations/skillRun';
import { triggeredIn } from './triggerDetection';

/** The output a trigger run may take: enough to reach a first tool call, little enough to cost little. */
export const TRIGGER_MAX_TOKENS = 1024;

export interface TriggerRunResult {
  triggered: boolean;
  requestId?: string;
  /** Whether it was stopped as soon as the skill was read. */
  stoppedEarly: boolean;
}

export async function runTriggerQuery(
  client: Pick<MessagesClient, 'streamMessage'>,
  input: Omit<SkillRunInput, 'maxTokens'>,
  skillMd: RegExp,
  signal: AbortSignal,
  tools: CodeExecutionTools = new CodeExecutionTools(),
): Promise<TriggerRunResult> {
  const seen = new AbortController();
  const stop = () => seen.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  let triggered = false;
  try {
    const answer = await client.streamMessage(
      turnRequest({ ...input, maxTokens: TRIGGER_MAX_TOKENS }, [], tools.for(input.model)),
      {
        ...input.turnBound,
        signal: seen.signal,
        onUpdate: (message) => {
          if (!triggered && triggeredIn(message, skillMd)) {
            triggered = true;
            seen.abort(new Error(l10n.t('The skill was read: the rest of the answer is not needed.')));
          }
        },
      },
    );
    return { triggered: triggeredIn(answer.message, skillMd), requestId: answer.requestId, stoppedEarly: false };
  } catch (err) {
    if (triggered && !signal.aborted) {
      return {
        triggered: true,
        stoppedEarly: true,
        requestId: err instanceof ApiError ? err.requestId : undefined,
      };
    }
    throw err;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
