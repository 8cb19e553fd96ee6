// A Messages API answer as it streams: the server-sent events read with eventsource-parser, and the message
// assembled from them the way the official SDK assembles it (text, citations, thinking, tool input, the
// final stop reason, usage and container), so that what Try in Claude shows is what the SDK would hold.
// Blocks and deltas of types not known here are kept as they came. No `vscode`: tested in plain Node.
import * as l10n from '@vscode/l10n';
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

/** A server-chosen name (an event's, a block's type) as a message may repeat it: short and plain, or not at all. */
export function nameOf(value: unknown, fallback?: string): string {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,32}$/.test(value)
    ? `"${value}"`
    : (fallback ?? l10n.t('an unnamed one'));
}

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
        failure ??= invalid(
          l10n.t('The stream sent an event that is not JSON ({0}).', nameOf(message.event, 'message')),
        );
      }
    },
    // The SSE specification has a client ignore fields it does not know and a bad `retry:`; only an event
    // past the bound ends the stream. The field's name and value are the server's: never repeated.
    onError: (error) => {
      if (error.type !== 'max-buffer-size-exceeded') return;
      failure ??= invalid(l10n.t('The stream sent an event larger than {0} M characters.', MAX_EVENT_CHARS >> 20));
    },
  });
  const decoder = new TextDecoder();
  let last = '';
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) last = text;
    parser.feed(text);
    if (failure) throw failure;
    yield* queue.splice(0);
  }
  // A CR at the very end may be the first half of a CRLF, so the parser holds it (and with it the blank line
  // that ends the last event of a CR-only stream): the stream's end says it was a line end of its own.
  parser.feed(decoder.decode() + (last.endsWith('\r') ? '\n' : ''));
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

  /**
   * Applies one event; an `error` event throws its StreamError, and so does an event that cannot be part of
   * a message (`invalid_stream`, saying what was wrong), so that nothing downstream meets a malformed block.
   */
  apply(event: StreamEvent): void {
    if (!isObject(event)) throw invalid(l10n.t('The stream sent an event that is not a JSON object.'));
    if (event.type === 'error') {
      const error = isObject(event.error) ? event.error : {};
      throw new StreamError(
        typeof error.type === 'string' ? error.type : 'api_error',
        typeof error.message === 'string' ? error.message : l10n.t('The stream reported an error.'),
      );
    }
    if (event.type === 'message_start') {
      if (this.message) throw invalid(l10n.t('The stream started a second message before the first stopped.'));
      const started = event.message;
      if (!isObject(started) || !Array.isArray(started.content)) {
        throw invalid(l10n.t('The stream started a message without a content list (message_start).'));
      }
      const message = structuredClone(started) as StreamedMessage;
      if (!message.content.every(isBlock))
        throw invalid(l10n.t('The stream started a message with a malformed block.'));
      if (!isObject(message.usage)) message.usage = {};
      this.message = message;
      return;
    }
    const message = this.message;
    if (!message) return;
    switch (event.type) {
      case 'message_stop':
        this.stopped = true;
        return;
      case 'message_delta':
        if (!isObject(event.delta)) throw invalid(l10n.t('The stream sent a message_delta without a delta.'));
        return this.applyMessageDelta(message, event);
      case 'content_block_start':
        if (!isBlock(event.content_block)) {
          throw invalid(l10n.t('The stream started a content block that has no type (content_block_start).'));
        }
        message.content.push({ ...event.content_block });
        return;
      case 'content_block_delta':
        if (!isObject(event.delta) || typeof event.delta.type !== 'string') {
          throw invalid(l10n.t('The stream sent a content_block_delta without a typed delta.'));
        }
        return this.applyBlockDelta(message, indexOf(event), event.delta as ContentBlock);
      case 'content_block_stop': {
        const index = indexOf(event);
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
    const usage = isObject(event.usage) ? event.usage : {};
    message.stop_reason = typeof delta.stop_reason === 'string' ? delta.stop_reason : null;
    message.stop_sequence = typeof delta.stop_sequence === 'string' ? delta.stop_sequence : null;
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
      block.text = String(block.text ?? '') + String(delta.text ?? '');
    } else if (delta.type === 'citations_delta' && block.type === 'text') {
      block.citations = [...((block.citations as unknown[] | undefined) ?? []), delta.citation];
    } else if (delta.type === 'input_json_delta' && tracksToolInput(block)) {
      this.toolInput.set(index, (this.toolInput.get(index) ?? '') + String(delta.partial_json ?? ''));
    } else if (delta.type === 'thinking_delta' && block.type === 'thinking') {
      block.thinking = String(block.thinking ?? '') + String(delta.thinking ?? '');
    } else if (delta.type === 'signature_delta' && block.type === 'thinking') {
      block.signature = delta.signature;
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A content block as the renderer may take it: an object with a string `type`. */
export function isBlock(value: unknown): value is ContentBlock {
  return isObject(value) && typeof value.type === 'string';
}

function indexOf(event: StreamEvent): number {
  const index = event.index;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
    throw invalid(l10n.t('The stream sent a {0} without a block index.', event.type));
  }
  return index;
}

function parseToolInput(json: string): unknown {
  if (!json) return {};
  try {
    return JSON.parse(json);
  } catch {
    throw invalid(l10n.t('The stream sent a tool input that is not JSON.'));
  }
}
