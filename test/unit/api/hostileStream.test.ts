// A Messages API stream from a hostile server: the key echoed in every field a stream has, pings without
// end, JSON dripping a byte a second, malformed blocks, SSE's odd corners, and a run's byte budget. Each
// ends in a clear error (or, where the SSE specification says so, is ignored), never with the key shown.
import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import type { RequestLogEntry } from '../../../src/api/apiCore';
import { ApiError, describeError } from '../../../src/api/errors';
import { MessagesClient, type MessageRequest } from '../../../src/api/messagesClient';
import { runSkill } from '../../../src/operations/skillRun';
import { HOSTILE_KEY, startHostileServer, type HostileServer } from '../../support/hostileServer';

const REQUEST: MessageRequest = {
  model: 'claude-test-1',
  max_tokens: 100,
  messages: [{ role: 'user', content: 'Hi' }],
  container: { skills: [{ type: 'custom', skill_id: 'skill_1', version: 'latest' }] },
  tools: [{ type: 'code_execution_20260521', name: 'code_execution' }],
};

const MESSAGE = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-test-1',
  content: [],
  stop_reason: null,
  stop_sequence: null,
  usage: { input_tokens: 1, output_tokens: 1 },
};

const frame = (type: string, data: unknown) => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
const messageStart = frame('message_start', { type: 'message_start', message: MESSAGE });
const messageEnd =
  frame('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: 3 },
  }) + frame('message_stop', { type: 'message_stop' });
const textBlock = (text: string) =>
  frame('content_block_start', {
    type: 'content_block_start',
    index: 0,
    content_block: { type: 'text', text: '' },
  }) +
  frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }) +
  frame('content_block_stop', { type: 'content_block_stop', index: 0 });

function streamHead(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_011CStream' });
}

describe('the Messages API stream from a hostile server', function () {
  this.timeout(20_000);
  let server: HostileServer;
  before(async () => {
    server = await startHostileServer();
  });
  after(() => server.close());

  const logged: RequestLogEntry[] = [];
  const client = (extra = {}) =>
    new MessagesClient(server.apiOptions({ onRequest: (entry) => logged.push(entry), ...extra }));

  const sends = (body: string | ((res: ServerResponse) => void)) =>
    server.handle((_req, res) => {
      if (typeof body === 'function') return body(res);
      streamHead(res);
      res.end(body);
    });

  async function failure(call: Promise<unknown>): Promise<ApiError> {
    const err = await call.then(
      () => assert.fail('the stream was expected to fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiError, String(err));
    return err;
  }

  const noKey = (err: ApiError) => {
    for (const text of [describeError(err), String(err.errorType), String(err.stack), JSON.stringify(logged)]) {
      assert.ok(!text.includes(HOSTILE_KEY), `the key is shown: ${text}`);
    }
  };

  beforeEach(() => (logged.length = 0));

  it('redacts the key from an error event, its type and its message, in the error and the log', async () => {
    sends(
      messageStart +
        frame('error', { type: 'error', error: { type: HOSTILE_KEY, message: `Overloaded for ${HOSTILE_KEY}` } }),
    );
    const err = await failure(client().streamMessage(REQUEST));
    assert.match(err.message, /Overloaded for \[redacted\]/);
    assert.equal(err.errorType, undefined, 'a type of another shape is not repeated');
    noKey(err);
  });

  it('never repeats an event name or field holding the key, and bounds what it repeats', async () => {
    sends(messageStart + `event: ${HOSTILE_KEY}\ndata: {not json\n\n`);
    const named = await failure(client().streamMessage(REQUEST));
    assert.match(named.message, /not JSON \(message\)/);
    noKey(named);

    sends(messageStart + frame('error', { type: 'error', error: { type: 'api_error', message: 'x'.repeat(50_000) } }));
    const long = await failure(client().streamMessage(REQUEST));
    assert.ok(long.message.length < 1200, `${long.message.length} characters`);
  });

  it('ignores unknown fields and a bad retry: line, as the SSE specification says, key or no key', async () => {
    sends(`x-trace: 1\nretry: ${HOSTILE_KEY}\n${HOSTILE_KEY}: y\n` + messageStart + textBlock('Fine') + messageEnd);
    const answer = await client().streamMessage(REQUEST);
    assert.equal(answer.message.content[0].text, 'Fine');
  });

  it('reads the last event of a stream whose lines end in CR alone', async () => {
    sends((messageStart + textBlock('CR') + messageEnd).replace(/\n/g, '\r'));
    const answer = await client().streamMessage(REQUEST);
    assert.equal(answer.message.content[0].text, 'CR');
    assert.equal(answer.message.stop_reason, 'end_turn');
  });

  it('treats a text_delta without text as empty', async () => {
    sends(
      messageStart +
        frame('content_block_start', {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'text', text: 'A' },
        }) +
        frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta' } }) +
        messageEnd,
    );
    const answer = await client().streamMessage(REQUEST);
    assert.equal(answer.message.content[0].text, 'A');
  });

  const malformed: [string, string, RegExp][] = [
    [
      'a null block',
      frame('content_block_start', { type: 'content_block_start', index: 0, content_block: null }),
      /content block that has no type/,
    ],
    [
      'a block without a type',
      frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { text: 'x' } }),
      /content block that has no type/,
    ],
    [
      'a block with a numeric type',
      frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 7 } }),
      /content block that has no type/,
    ],
    [
      'a delta without a delta',
      frame('content_block_delta', { type: 'content_block_delta', index: 0 }),
      /content_block_delta without a typed delta/,
    ],
    ['a message_delta without a delta', frame('message_delta', { type: 'message_delta' }), /message_delta without/],
    [
      'a stop without an index',
      frame('content_block_stop', { type: 'content_block_stop', index: 'zero' }),
      /without a block index/,
    ],
  ];
  for (const [what, event, message] of malformed) {
    it(`ends with a clear invalid-stream error on ${what}`, async () => {
      sends(messageStart + event + messageEnd);
      const err = await failure(client().streamMessage(REQUEST));
      assert.match(err.message, message);
      assert.equal(err.kind, 'server');
      assert.doesNotMatch(err.message, /connection broke/);
    });
  }

  it('ends with a clear error on a message_start without content or with content that is not a list', async () => {
    for (const message of [
      { ...MESSAGE, content: undefined },
      { ...MESSAGE, content: 'text' },
    ]) {
      sends(frame('message_start', { type: 'message_start', message }) + messageEnd);
      const err = await failure(client().streamMessage(REQUEST));
      assert.match(err.message, /without a content list/);
    }
    sends(frame('message_start', { type: 'message_start', message: { ...MESSAGE, usage: undefined } }) + messageEnd);
    const answer = await client().streamMessage(REQUEST);
    assert.equal(answer.message.usage.output_tokens, 3, 'a missing usage is no error');
  });

  it('ends a turn that pings without end at its wall-clock bound, saying which bound', async () => {
    for (const ping of [frame('ping', { type: 'ping' }), ': keepalive\n\n']) {
      let timer: NodeJS.Timeout | undefined;
      sends((res) => {
        streamHead(res);
        res.write(messageStart);
        timer = setInterval(() => res.write(ping), 20);
        res.on('close', () => clearInterval(timer));
      });
      const started = Date.now();
      const err = await failure(
        client({ timeoutMs: () => 1000 }).streamMessage(REQUEST, {
          maxDurationMs: 400,
          durationNote: 'claudeSkills.tryTurnTimeoutMinutes',
        }),
      );
      clearInterval(timer);
      assert.match(err.message, /went on for more than 0 s \(claudeSkills\.tryTurnTimeoutMinutes\)/);
      assert.equal(err.kind, 'timeout');
      assert.ok(Date.now() - started < 5000, 'it ended soon after its bound, not at the idle timeout');
      assert.equal(server.requests.length, 1, 'not sent again');
    }
  });

  it('ends a JSON answer dripping a byte at a time at its bound, and a download at its throughput floor', async () => {
    const drip = (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    };
    server.handle((_req, res) => drip(res));
    const skills = server.client({ answerBounds: { json: { maxDurationMs: 300 } } });
    const list = await failure(skills.listSkills());
    assert.match(list.message, /answer was stopped: it went on for more than 0 s/);
    assert.equal(server.requests.length, 1, 'a drip is not asked for again');

    server.handle((_req, res) => drip(res));
    const downloads = server.client({ answerBounds: { content: { minBytesPerSecond: 1024, graceMs: 200 } } });
    const download = await failure(downloads.downloadVersion('skill_1', 'skver_1'));
    assert.match(download.message, /came at less than 1\.0 KB\/s/);
  });

  it('stops a run whose continuations would pass the byte budget, saying so plainly', async () => {
    const big = 'y'.repeat(4000);
    server.handle((_req, res) => {
      streamHead(res);
      res.end(
        messageStart +
          textBlock(big) +
          frame('message_delta', {
            type: 'message_delta',
            delta: { stop_reason: 'pause_turn', stop_sequence: null },
            usage: { output_tokens: 3 },
          }) +
          frame('message_stop', { type: 'message_stop' }),
      );
    });
    const result = await runSkill(
      client(),
      {
        model: 'claude-test-1',
        maxTokens: 100,
        prompt: 'Hi',
        skill: REQUEST.container!.skills![0],
        maxRequestBytes: 20_000,
      },
      () => undefined,
    );
    assert.equal(result.error?.kind, 'tooLarge');
    assert.match(result.error!.message, /stopped before its next continuation/);
    assert.ok(result.turns.length >= 2 && result.turns.length < 6, `${result.turns.length} turns`);
    assert.equal(server.requests.length, result.turns.length, 'the turn over the budget was never sent');
  });
});
