// One run of a skill, as Try in Claude and evals make it: the prompt sent with the skill in a container and
// the code execution tool, and while the model pauses a long turn (`pause_turn`), its answer so far sent
// back with the same container so it goes on, a bounded number of times (the Skills guide's 10) and within a
// byte budget (each continuation sends every earlier answer again). A failure ends the run with what came
// so far. Then the files it produced, fetched within bounds. No `vscode` import: the CLI runs it too.
import * as l10n from '@vscode/l10n';
import { ApiError } from '../api/errors';
import type { FilesClient } from '../api/filesClient';
import { fetchRunFiles, producedFileIds, type RunFile, type RunFileLimits } from '../api/runFiles';
import {
  CODE_EXECUTION_TOOLS,
  encodeRequest,
  type CodeExecutionTool,
  type InputMessage,
  type MessageRequest,
  type MessagesClient,
  type SkillAttachment,
  type StreamOptions,
} from '../api/messagesClient';
import type { ContentBlock, StreamedMessage } from '../api/messageStream';
import { formatBytes } from '../shared/words';

export const MAX_CONTINUATIONS = 10;
/** What all the turns of a run may send together: the Messages API's limit for one request. */
export const MAX_RUN_REQUEST_BYTES = 32 * 1024 * 1024;

export interface SkillRunInput {
  model: string;
  maxTokens: number;
  /** The user's turn: text, or blocks (an eval's prompt beside its `container_upload` files). */
  prompt: string | ContentBlock[];
  /** Undefined for a run without a skill (an eval's baseline). */
  skill?: SkillAttachment;
  /** Skills attached beside it, which it must win against (a trigger eval's neighbours). */
  neighbours?: SkillAttachment[];
  /** How long one turn may stream, and where that bound comes from. */
  turnBound?: Pick<StreamOptions, 'maxDurationMs' | 'durationNote'>;
  /** The request bytes the run may send in all; MAX_RUN_REQUEST_BYTES by default. */
  maxRequestBytes?: number;
}

/** One request of the run and what it answered (so far, while it streams). */
export interface RunTurn {
  message: StreamedMessage | undefined;
  requestId?: string;
}

export interface SkillRunResult {
  turns: RunTurn[];
  /** What ended the run early: the API's error, a broken stream, a cancel, the byte budget. */
  error?: ApiError;
  /** The model still paused after the last continuation allowed. */
  pausedAtLimit: boolean;
  /** The code execution tool version the run was sent with last. */
  tool: CodeExecutionTool;
}

/**
 * Which code execution tool each model takes, learned in this session: the newest until a model refuses
 * it. Shared by every run of the session, so a model's refusal costs one request once.
 */
export class CodeExecutionTools {
  private readonly byModel = new Map<string, CodeExecutionTool>();

  for(model: string): CodeExecutionTool {
    return this.byModel.get(model) ?? CODE_EXECUTION_TOOLS[0];
  }

  /** The version to send instead after `model` refused `tool`, if there is one left to try. */
  refused(model: string, tool: CodeExecutionTool): CodeExecutionTool | undefined {
    const next = CODE_EXECUTION_TOOLS[CODE_EXECUTION_TOOLS.indexOf(tool) + 1];
    if (next) this.byModel.set(model, next);
    return next;
  }
}

/** A 400 that names the tool: the model does not take this version of it (the API names unknown types). */
function refusesTool(err: unknown, tool: string): boolean {
  return (
    err instanceof ApiError &&
    err.status === 400 &&
    (err.message.includes(tool) || /\bcode_execution\b|tools\.\d+\.type|\btool type\b/i.test(err.message))
  );
}

/** The request of turn `turns.length`: the prompt, then every paused answer so far as assistant turns. */
export function turnRequest(
  input: SkillRunInput,
  previous: readonly StreamedMessage[],
  tool: CodeExecutionTool = CODE_EXECUTION_TOOLS[0],
): MessageRequest {
  const messages: InputMessage[] = [{ role: 'user', content: input.prompt }];
  for (const message of previous) messages.push({ role: 'assistant', content: message.content });
  const containerId = containerOf(previous[previous.length - 1])?.id;
  const skills = [...(input.skill ? [input.skill] : []), ...(input.neighbours ?? [])];
  const container = { ...(containerId ? { id: containerId } : {}), ...(skills.length ? { skills } : {}) };
  return {
    model: input.model,
    max_tokens: input.maxTokens,
    messages,
    ...(Object.keys(container).length ? { container } : {}),
    tools: [{ type: tool, name: 'code_execution' }],
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

function overBudget(sent: number, next: number, budget: number): ApiError {
  return new ApiError({
    kind: 'tooLarge',
    message: l10n.t(
      "The run stopped before its next continuation: with the answers so far it would send {0}, and the run has sent {1} of the {2} a run may send (the Messages API's request limit). Ask for less output, or try again with a shorter task.",
      formatBytes(next),
      formatBytes(sent),
      formatBytes(budget),
    ),
    mayHaveBeenProcessed: false,
  });
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
  tools: CodeExecutionTools = new CodeExecutionTools(),
): Promise<SkillRunResult> {
  const turns: RunTurn[] = [];
  const done: StreamedMessage[] = [];
  const budget = input.maxRequestBytes ?? MAX_RUN_REQUEST_BYTES;
  let sent = 0;
  let tool = tools.for(input.model);
  for (let turn = 0; turn <= MAX_CONTINUATIONS; turn++) {
    let request: Uint8Array;
    try {
      request = encodeRequest(turnRequest(input, done, tool)).bytes;
    } catch {
      // Answers too large to write out at all (a string past what the engine holds).
      return { turns, error: overBudget(sent, Number.POSITIVE_INFINITY, budget), pausedAtLimit: false, tool };
    }
    if (sent + request.byteLength > budget) {
      const error = overBudget(sent, request.byteLength, budget);
      return { turns, error, pausedAtLimit: false, tool };
    }
    const current: RunTurn = { message: undefined };
    turns.push(current);
    onProgress(turns);
    try {
      const answer = await client.streamMessage(
        { bytes: request },
        {
          ...input.turnBound,
          signal,
          onUpdate: (message) => {
            current.message = message;
            onProgress(turns);
          },
        },
      );
      sent += request.byteLength;
      current.message = answer.message;
      current.requestId = answer.requestId;
    } catch (err) {
      const fallback = current.message === undefined && refusesTool(err, tool) && tools.refused(input.model, tool);
      if (fallback) {
        // Refused before it ran: the same turn goes again, once, with the version the model takes.
        turns.pop();
        tool = fallback;
        turn--;
        continue;
      }
      const error = err instanceof ApiError ? err : new ApiError({ kind: 'server', message: String(err), cause: err });
      // A turn that got no message before it failed is not shown; the error names its request.
      if (current.message === undefined) turns.pop();
      else current.requestId ??= error.requestId;
      onProgress(turns);
      return { turns, error, pausedAtLimit: false, tool };
    }
    onProgress(turns);
    done.push(current.message);
    if (current.message.stop_reason !== 'pause_turn') return { turns, pausedAtLimit: false, tool };
  }
  return { turns, pausedAtLimit: true, tool };
}

export interface SkillRunClients {
  messages: Pick<MessagesClient, 'streamMessage'>;
  files: Pick<FilesClient, 'getFile' | 'downloadFile'>;
  /** The session's knowledge of which tool version each model takes. */
  tools?: CodeExecutionTools;
}

export interface SkillRunEvents {
  /** Every change of the turns. */
  onTurns: (turns: readonly RunTurn[]) => void;
  /** The turns are over; the files of `fileIds` are fetched next (none after a cancel). */
  onEnded?: (result: SkillRunResult, fileIds: readonly string[]) => void;
}

export interface FinishedSkillRun extends SkillRunResult {
  /** The files the run produced, fetched or with the reason they were not. */
  files: RunFile[];
}

/** The run, then its produced files. Never throws: a failure of the turns is the result's `error`. */
export async function runSkillWithFiles(
  clients: SkillRunClients,
  input: SkillRunInput,
  events: SkillRunEvents,
  signal?: AbortSignal,
  limits?: RunFileLimits,
): Promise<FinishedSkillRun> {
  const result = await runSkill(clients.messages, input, events.onTurns, signal, clients.tools);
  const fileIds =
    result.error?.kind === 'cancelled'
      ? []
      : [...new Set(result.turns.flatMap((t) => producedFileIds(t.message?.content)))];
  events.onEnded?.(result, fileIds);
  // A cancel while fetching keeps the run: its files are left unlisted.
  const files = fileIds.length > 0 ? await fetchRunFiles(clients.files, fileIds, limits, signal).catch(() => []) : [];
  return { ...result, files };
}
