// The Messages API as Try in Claude speaks it: one streamed `POST /v1/messages` with skills in a container
// and the code execution tool, over the same request core (key, headers, idle timeout, retries, log) as the
// Skills client. 429 and 529 before the stream starts are retried by the core; a stream that breaks after
// it started is reported, never sent again (the model has already run and billed).
import * as l10n from '@vscode/l10n';
import { coreOf, type ApiCore, jsonBody, type ApiOptions } from './apiCore';
import { ApiError, kindForErrorType } from './errors';
import { formatBytes } from '../shared/words';
import { MessageAssembler, StreamError, streamEvents, type ContentBlock, type StreamedMessage } from './messageStream';

const SERVICE = 'Messages API';
/**
 * The code execution tool skills need, newest first. Which model takes which is not documented: newer
 * models refuse the earlier versions, and some models may take only the oldest; a try sends the newest and
 * falls back once (skillRun.ts).
 */
export const CODE_EXECUTION_TOOLS = ['code_execution_20260521', 'code_execution_20250825'] as const;
export type CodeExecutionTool = (typeof CODE_EXECUTION_TOOLS)[number];
/** A whole stream may not weigh more than this: a real answer of even 128k tokens is a few MB. */
const MAX_STREAM_BYTES = 64 * 1024 * 1024;

/** A skill in `container.skills`: `custom` for the workspace's, `anthropic` for every other source. */
export interface SkillAttachment {
  type: 'custom' | 'anthropic';
  skill_id: string;
  /** A version id, `latest`, or for Anthropic's skills a date. */
  version: string;
}

/** Skills one request may attach (the skills guide; a 400 names the limit if GA changed it). */
export const MAX_SKILLS_PER_REQUEST = 8;

export interface InputMessage {
  role: 'user' | 'assistant';
  content: string | ContentBlock[];
}

/** A tool the API runs (`type`, e.g. code execution), or one the model answers through (`input_schema`). */
export type ToolDefinition =
  | { type: string; name: string }
  | { name: string; description: string; input_schema: Record<string, unknown>; strict?: boolean };

export interface MessageRequest {
  model: string;
  max_tokens: number;
  system?: string;
  messages: InputMessage[];
  /** Absent on a request that runs no code (a grader's), and on a first turn that attaches no skill. */
  container?: { id?: string; skills?: SkillAttachment[] };
  tools: ToolDefinition[];
  tool_choice?: { type: 'auto' | 'any' } | { type: 'tool'; name: string };
}

export interface StreamedAnswer {
  message: StreamedMessage;
  requestId?: string;
}

export interface StreamOptions {
  /** Called after each event with the message as assembled so far. */
  onUpdate?: (message: StreamedMessage) => void;
  /** The longest the turn's answer may stream (pings keep the idle timeout alive, not this). */
  maxDurationMs?: number;
  /** Where that bound comes from, for the message that says it was reached. */
  durationNote?: string;
  signal?: AbortSignal;
}

export class MessagesClient {
  private readonly core: ApiCore;

  constructor(coreOrOptions: ApiCore | ApiOptions) {
    this.core = coreOf(coreOrOptions);
  }

  /** One streamed message; it resolves once `message_stop` came, with the message the events built. */
  streamMessage(request: MessageRequest | EncodedRequest, options: StreamOptions = {}): Promise<StreamedAnswer> {
    const body = 'bytes' in request ? request : encodeRequest(request);
    return this.core.request({
      service: SERVICE,
      method: 'POST',
      path: '/v1/messages',
      accept: 'text/event-stream',
      body: () => jsonBody(body.bytes),
      read: (chunks, requestId) => readStream(chunks, requestId, options.onUpdate),
      bounds: { maxDurationMs: options.maxDurationMs, durationNote: options.durationNote },
      signal: options.signal,
    });
  }
}

/** A request as the bytes it sends, so its size is known (and counted) before it goes. */
export interface EncodedRequest {
  bytes: Uint8Array;
}

export function encodeRequest(request: MessageRequest): EncodedRequest {
  return { bytes: new TextEncoder().encode(JSON.stringify({ ...request, stream: true })) };
}

async function readStream(
  chunks: AsyncIterable<Uint8Array>,
  requestId: string | undefined,
  onUpdate: ((message: StreamedMessage) => void) | undefined,
): Promise<StreamedAnswer> {
  const assembler = new MessageAssembler();
  try {
    for await (const event of streamEvents(bounded(chunks))) {
      assembler.apply(event);
      if (assembler.message && event.type !== 'ping') onUpdate?.(assembler.message);
    }
  } catch (err) {
    if (!(err instanceof StreamError)) throw err;
    throw new ApiError({
      kind: err.errorType === 'invalid_stream' ? 'server' : kindForErrorType(err.errorType),
      errorType: err.errorType === 'invalid_stream' ? undefined : err.errorType,
      message:
        err.errorType === 'invalid_stream'
          ? err.message
          : l10n.t('The {0} stopped the answer: {1}', SERVICE, err.message),
      requestId,
      mayHaveBeenProcessed: true,
    });
  }
  if (!assembler.message || !assembler.stopped) {
    throw new ApiError({
      kind: 'network',
      message: l10n.t("The {0}'s stream ended before the message was complete.", SERVICE),
      requestId,
      mayHaveBeenProcessed: true,
    });
  }
  return { message: assembler.message, requestId };
}

async function* bounded(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > MAX_STREAM_BYTES) {
      throw new StreamError(
        'invalid_stream',
        l10n.t("The {0}'s stream went past {1}; it was not read further.", SERVICE, formatBytes(MAX_STREAM_BYTES)),
      );
    }
    yield chunk;
  }
}
