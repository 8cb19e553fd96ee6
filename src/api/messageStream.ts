// A Messages API answer as it streams: the server-sent events read with eventsource-parser, and the message
// assembled from them the way the official SDK assembles it (text, citations, thinking, tool input, the
// final stop reason, usage and container), so that what Try in Claude shows is what the SDK would hold.
// Blocks and deltas of types not known here are kept as they came. No `vscode`: tested in plain Node.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** A message as the API writes it: plain JSON, its content blocks in order. */
export interface StreamedMessage {
  id: string;
  type: 'message';
  role: string;
  model: string;
  content: ContentBlock[];
  stop_reason: string | null;
  stop_sequence: string | null;
  usage: Record<string, unknown>;
  container?: unknown;
  [field: string]: unknown;
}

export interface ContentBlock {
  type: string;
  [field: string]: unknown;
}

export interface StreamEvent {
  type: string;
  [field: string]: unknown;
}

/**
 * A stream that cannot go on: an `error` event (the API's type and message), or events that do not make a
 * message (`invalid_stream`). A transport failure is not one: it comes through as it is.
 */
export class StreamError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = 'StreamError';
  }
}

/** An event line longer than this is not buffered: no real event comes near it (a hostile server). */
const MAX_EVENT_CHARS = 16 * 1024 * 1024;

/**
 * The events of a server-sent event stream, as parsed JSON. UTF-8 split across chunks is decoded whole; an
 * event too large ends the stream with an error.
 */
export async function* streamEvents(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<StreamEvent> {
  const queue: StreamEvent[] = [];
  let failure: Error | undefined;
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (message: EventSourceMessage) => {
      try {
        queue.push(JSON.parse(message.data) as StreamEvent);
      } catch {
        failure ??= invalid(`The stream sent an event that is not JSON (${message.event ?? 'message'}).`);
      }
    },
    onError: (error) => {
      failure ??= invalid(`The stream could not be read: ${error.message}`);
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    yield* queue.splice(0);
  }
  parser.feed(decoder.decode());
  if (failure) throw failure;
  yield* queue.splice(0);
}

const invalid = (message: string) => new StreamError('invalid_stream', message);

const tracksToolInput = (block: ContentBlock | undefined) =>
  block?.type === 'tool_use' || block?.type === 'server_tool_use';

/** The message the events build, one event at a time; `message` is undefined until `message_start`. */
export class MessageAssembler {
  message: StreamedMessage | undefined;
  /** Whether `message_stop` came. */
  stopped = false;
  /** The tool input JSON received so far, by block index: parsed when the block stops. */
  private readonly toolInput = new Map<number, string>();

  /** Applies one event; an `error` event throws its StreamError. */
  apply(event: StreamEvent): void {
    if (event.type === 'error') {
      const error = (event.error ?? {}) as { type?: string; message?: string };
      throw new StreamError(error.type ?? 'api_error', error.message ?? 'The stream reported an error.');
    }
    if (event.type === 'message_start') {
      if (this.message) throw invalid('The stream started a second message before the first stopped.');
      this.message = structuredClone(event.message) as StreamedMessage;
      return;
    }
    const message = this.message;
    if (!message) return;
    switch (event.type) {
      case 'message_stop':
        this.stopped = true;
        return;
      case 'message_delta':
        return this.applyMessageDelta(message, event);
      case 'content_block_start':
        message.content.push({ ...(event.content_block as ContentBlock) });
        return;
      case 'content_block_delta':
        return this.applyBlockDelta(message, event.index as number, event.delta as ContentBlock);
      case 'content_block_stop': {
        const index = event.index as number;
        const json = this.toolInput.get(index);
        const block = message.content[index];
        if (json !== undefined && tracksToolInput(block)) block.input = parseToolInput(json);
        this.toolInput.delete(index);
        return;
      }
      default:
        return; // ping, and event types this version does not know
    }
  }

  private applyMessageDelta(message: StreamedMessage, event: StreamEvent): void {
    const delta = event.delta as Record<string, unknown>;
    const usage = (event.usage ?? {}) as Record<string, unknown>;
    message.stop_reason = delta.stop_reason as string | null;
    message.stop_sequence = delta.stop_sequence as string | null;
    message.stop_details = delta.stop_details;
    message.usage.output_tokens = usage.output_tokens;
    if (delta.container != null) message.container = delta.container;
    // Cumulative totals, sent only when they apply: taken when present, never added up.
    for (const key of [
      'input_tokens',
      'cache_creation_input_tokens',
      'cache_read_input_tokens',
      'server_tool_use',
      'output_tokens_details',
    ]) {
      if (usage[key] != null) message.usage[key] = usage[key];
    }
  }

  private applyBlockDelta(message: StreamedMessage, index: number, delta: ContentBlock): void {
    const block = message.content[index];
    if (!block) return;
    if (delta.type === 'text_delta' && block.type === 'text') {
      block.text = String(block.text ?? '') + String(delta.text);
    } else if (delta.type === 'citations_delta' && block.type === 'text') {
      block.citations = [...((block.citations as unknown[] | undefined) ?? []), delta.citation];
    } else if (delta.type === 'input_json_delta' && tracksToolInput(block)) {
      this.toolInput.set(index, (this.toolInput.get(index) ?? '') + String(delta.partial_json));
    } else if (delta.type === 'thinking_delta' && block.type === 'thinking') {
      block.thinking = String(block.thinking ?? '') + String(delta.thinking);
    } else if (delta.type === 'signature_delta' && block.type === 'thinking') {
      block.signature = delta.signature;
    }
  }
}

function parseToolInput(json: string): unknown {
  if (!json) return {};
  try {
    return JSON.parse(json);
  } catch {
    throw invalid('The stream sent a tool input that is not JSON.');
  }
}
