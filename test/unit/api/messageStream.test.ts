// The streamed answer of the Messages API, read from server-sent events and assembled: for each scripted
// stream, the official SDK (which Try in Claude's output must match) assembles the same events into the
// same message.
import * as assert from 'node:assert/strict';
import { MessageStream } from '@anthropic-ai/sdk/lib/MessageStream';
import { MessageAssembler, StreamError, streamEvents, type StreamEvent } from '../../../src/api/messageStream';

const start = (extra: Record<string, unknown> = {}): StreamEvent => ({
  type: 'message_start',
  message: {
    id: 'msg_011CTest',
    type: 'message',
    role: 'assistant',
    model: 'claude-test-1',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 1 },
    ...extra,
  },
});
const block = (index: number, content_block: Record<string, unknown>): StreamEvent => ({
  type: 'content_block_start',
  index,
  content_block,
});
const delta = (index: number, d: Record<string, unknown>): StreamEvent => ({
  type: 'content_block_delta',
  index,
  delta: d,
});
const stop = (index: number): StreamEvent => ({ type: 'content_block_stop', index });
const end = (stop_reason: string, extra: Record<string, unknown> = {}): StreamEvent[] => [
  {
    type: 'message_delta',
    delta: { stop_reason, stop_sequence: null, ...extra },
    usage: { output_tokens: 42, input_tokens: 12, server_tool_use: { code_execution_requests: 1 } },
  },
  { type: 'message_stop' },
];

/** The events as the API sends them over the wire. */
const sse = (events: StreamEvent[]) => events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function ours(events: StreamEvent[], chunkSize: number) {
  const assembler = new MessageAssembler();
  for await (const event of streamEvents(chunked(sse(events), chunkSize))) assembler.apply(event);
  assert.ok(assembler.stopped);
  return assembler.message;
}

/** The SDK's own assembly of the same events (it reads them as JSON lines). */
function theSdks(events: StreamEvent[]) {
  const lines = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(lines));
      controller.close();
    },
  });
  // `parsed_output` is the SDK's own (its structured-output helper), not part of what the API sent.
  return MessageStream.fromReadableStream(stream)
    .finalMessage()
    .then(({ parsed_output: _ignored, ...message }) => message);
}

const scripts: Record<string, StreamEvent[]> = {
  'text in pieces, with pings and characters of several bytes': [
    start(),
    { type: 'ping' },
    block(0, { type: 'text', text: '' }),
    delta(0, { type: 'text_delta', text: 'Café ' }),
    { type: 'ping' },
    delta(0, { type: 'text_delta', text: 'au lait 🙂 — done.' }),
    stop(0),
    ...end('end_turn'),
  ],
  'a code execution step: tool input as JSON deltas, its result, then text, in a container': [
    start({ container: null }),
    block(0, { type: 'server_tool_use', id: 'srvtoolu_1', name: 'bash_code_execution', input: {} }),
    delta(0, { type: 'input_json_delta', partial_json: '{"command": "python3 sk' }),
    delta(0, { type: 'input_json_delta', partial_json: 'ills/run.py --out \\"a b\\""}' }),
    stop(0),
    block(1, {
      type: 'bash_code_execution_tool_result',
      tool_use_id: 'srvtoolu_1',
      content: {
        type: 'bash_code_execution_result',
        stdout: 'ok\n',
        stderr: '',
        return_code: 0,
        content: [{ type: 'bash_code_execution_output', file_id: 'file_011' }],
      },
    }),
    stop(1),
    block(2, { type: 'text', text: '' }),
    delta(2, { type: 'text_delta', text: 'Wrote report.pdf.' }),
    stop(2),
    ...end('end_turn', {
      container: {
        id: 'container_011',
        expires_at: '2026-12-01T20:00:00Z',
        skills: [{ type: 'custom', skill_id: 'skill_1', version: 'skver_1' }],
      },
    }),
  ],
  'a tool call with no input deltas, thinking with its signature, citations': [
    start(),
    block(0, { type: 'thinking', thinking: '', signature: '' }),
    delta(0, { type: 'thinking_delta', thinking: 'Let me see.' }),
    delta(0, { type: 'signature_delta', signature: 'sig_1' }),
    stop(0),
    block(1, { type: 'tool_use', id: 'toolu_1', name: 'noop', input: {} }),
    stop(1),
    block(2, { type: 'text', text: 'Per the doc', citations: null }),
    delta(2, {
      type: 'citations_delta',
      citation: {
        type: 'char_location',
        cited_text: 'x',
        document_index: 0,
        start_char_index: 0,
        end_char_index: 1,
        document_title: null,
      },
    }),
    stop(2),
    ...end('pause_turn'),
  ],
  'a block type this version does not know, kept as it came': [
    start(),
    block(0, { type: 'some_future_block', payload: { a: 1 } }),
    stop(0),
    ...end('refusal'),
  ],
};

describe('the Messages API stream, read and assembled', () => {
  for (const [name, events] of Object.entries(scripts)) {
    it(`${name}: the same message as the SDK's, whole or a byte at a time`, async () => {
      const expected = await theSdks(events);
      assert.deepEqual(await ours(events, 1 << 20), expected);
      assert.deepEqual(await ours(events, 1), expected);
    });
  }

  it('ends with the API error an error event carries', async () => {
    const events = [
      start(),
      block(0, { type: 'text', text: 'Half' }),
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    ];
    const assembler = new MessageAssembler();
    await assert.rejects(
      (async () => {
        for await (const event of streamEvents(chunked(sse(events), 7))) assembler.apply(event);
      })(),
      (err: unknown) =>
        err instanceof StreamError && err.errorType === 'overloaded_error' && err.message === 'Overloaded',
    );
    assert.equal(assembler.message?.content[0].text, 'Half', 'what came before the error is kept');
  });

  it('refuses an event that is not JSON, saying so', async () => {
    await assert.rejects(async () => {
      for await (const _ of streamEvents(chunked('event: message_start\ndata: {not json\n\n', 3))) {
        // nothing is read before the refusal
      }
    }, /The stream sent an event that is not JSON \("message_start"\)\./);
  });
});
