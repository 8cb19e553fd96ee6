// One try of a skill: the prompt sent with the skill in a container and the code execution tool, and while
// the model pauses a long turn (`pause_turn`), its answer so far sent back with the same container so it
// goes on, a bounded number of times (the Skills guide's 10). A failure ends the run with what came so far.
import { SkillsApiError } from './errors';
import {
  CODE_EXECUTION_TOOL,
  type InputMessage,
  type MessageRequest,
  type MessagesClient,
  type SkillAttachment,
} from './messagesClient';
import type { StreamedMessage } from './messageStream';

export const MAX_CONTINUATIONS = 10;

export interface SkillRunInput {
  model: string;
  maxTokens: number;
  prompt: string;
  skill: SkillAttachment;
}

/** One request of the run and what it answered (so far, while it streams). */
export interface RunTurn {
  message: StreamedMessage | undefined;
  requestId?: string;
}

export interface SkillRunResult {
  turns: RunTurn[];
  /** What ended the run early: the API's error, a broken stream, a cancel. */
  error?: SkillsApiError;
  /** The model still paused after the last continuation allowed. */
  pausedAtLimit: boolean;
}

/** The request of turn `turns.length`: the prompt, then every paused answer so far as assistant turns. */
export function turnRequest(input: SkillRunInput, previous: readonly StreamedMessage[]): MessageRequest {
  const messages: InputMessage[] = [{ role: 'user', content: input.prompt }];
  for (const message of previous) messages.push({ role: 'assistant', content: message.content });
  const containerId = containerOf(previous[previous.length - 1])?.id;
  return {
    model: input.model,
    max_tokens: input.maxTokens,
    messages,
    container: { ...(containerId ? { id: containerId } : {}), skills: [input.skill] },
    tools: [{ ...CODE_EXECUTION_TOOL }],
  };
}

/** The container an answer ran in: its id, and the skills and versions really mounted. */
export function containerOf(
  message: StreamedMessage | undefined,
): { id?: string; skills?: { skill_id?: string; version?: string; type?: string }[] } | undefined {
  const container = message?.container;
  return typeof container === 'object' && container !== null
    ? (container as ReturnType<typeof containerOf>)
    : undefined;
}

/**
 * Runs the try; `onProgress` hears every change of the turns (an event applied, a turn started). It never
 * throws: an error comes back in the result, after the turns that came before it.
 */
export async function runSkill(
  client: Pick<MessagesClient, 'streamMessage'>,
  input: SkillRunInput,
  onProgress: (turns: readonly RunTurn[]) => void,
  signal?: AbortSignal,
): Promise<SkillRunResult> {
  const turns: RunTurn[] = [];
  const done: StreamedMessage[] = [];
  for (let turn = 0; turn <= MAX_CONTINUATIONS; turn++) {
    const current: RunTurn = { message: undefined };
    turns.push(current);
    onProgress(turns);
    try {
      const answer = await client.streamMessage(turnRequest(input, done), {
        signal,
        onUpdate: (message) => {
          current.message = message;
          onProgress(turns);
        },
      });
      current.message = answer.message;
      current.requestId = answer.requestId;
    } catch (err) {
      const error =
        err instanceof SkillsApiError ? err : new SkillsApiError({ kind: 'server', message: String(err), cause: err });
      // A turn that got no message before it failed is not shown; the error names its request.
      if (current.message === undefined) turns.pop();
      else current.requestId ??= error.requestId;
      onProgress(turns);
      return { turns, error, pausedAtLimit: false };
    }
    onProgress(turns);
    done.push(current.message);
    if (current.message.stop_reason !== 'pause_turn') return { turns, pausedAtLimit: false };
  }
  return { turns, pausedAtLimit: true };
}
