import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { MessagesClient } from '../../../src/api/messagesClient';
import { readsSkillMd, skillMdPattern, triggerVerdict, triggeredIn } from '../../../src/evals/triggerDetection';
import { runTriggerQuery } from '../../../src/evals/triggerRun';
import { startHostileServer, type HostileServer } from '../../support/hostileServer';

const pattern = skillMdPattern(['pdf-tools', 'pdf'])!;
const step = (name: string, input: Record<string, unknown>) => ({
  type: 'server_tool_use',
  id: 'srvtoolu_1',
  name,
  input,
});

describe('trigger detection', () => {
  it('sees SKILL.md read through each code execution tool shape, under either directory name', () => {
    assert.ok(readsSkillMd(step('bash_code_execution', { command: 'cat /skills/pdf-tools/SKILL.md' }), pattern));
    assert.ok(readsSkillMd(step('bash_code_execution', { command: "head -50 '/skills/pdf/SKILL.md'" }), pattern));
    assert.ok(
      readsSkillMd(step('text_editor_code_execution', { command: 'view', path: '/skills/pdf/SKILL.md' }), pattern),
    );
    assert.ok(
      readsSkillMd(
        step('code_execution', { code: 'print(open("/skills/uploads/pdf-tools/SKILL.md").read())' }),
        pattern,
      ),
      'any path under /skills/ ending in /<dir>/SKILL.md',
    );
  });

  it('does not count other skills, other files, other tools, or a file only created', () => {
    const not = [
      step('bash_code_execution', { command: 'cat /skills/docx/SKILL.md' }),
      step('bash_code_execution', { command: 'cat /skills/pdf-tools/reference.md' }),
      step('bash_code_execution', { command: 'cat /skills/my-pdf-tools/SKILL.md' }),
      step('bash_code_execution', { command: 'cat /skills/pdf-tools/SKILL.md.bak' }),
      step('bash_code_execution', { command: 'cat /tmp/pdf-tools/SKILL.md' }),
      step('text_editor_code_execution', { command: 'create', path: '/skills/pdf/SKILL.md' }),
      step('web_search', { query: '/skills/pdf/SKILL.md' }),
      { type: 'text', text: 'I will read /skills/pdf/SKILL.md' },
      { type: 'server_tool_use', name: 'bash_code_execution', input: '/skills/pdf/SKILL.md' },
    ];
    for (const block of not) assert.equal(readsSkillMd(block, pattern), false, JSON.stringify(block));
    assert.equal(skillMdPattern(['', 'a/b']), undefined);
  });

  it('reads the whole answer, not its first step', () => {
    const message = {
      content: [
        step('bash_code_execution', { command: 'ls /skills' }),
        { type: 'bash_code_execution_tool_result', content: { stdout: 'pdf-tools' } },
        { type: 'text', text: 'Let me look.' },
        step('bash_code_execution', { command: 'cat /skills/pdf-tools/SKILL.md' }),
      ],
    };
    assert.equal(triggeredIn(message, pattern), true);
    assert.equal(triggeredIn({ content: message.content.slice(0, 3) }, pattern), false);
    assert.equal(triggeredIn(undefined, pattern), false);
  });

  it('counts a query triggered at half its runs or more, and passes it when that is what it should do', () => {
    assert.deepEqual(triggerVerdict([true, false, false], true), { rate: 1 / 3, triggered: false, passed: false });
    assert.deepEqual(triggerVerdict([true, true, false], true), { rate: 2 / 3, triggered: true, passed: true });
    assert.deepEqual(triggerVerdict([true, false], false), { rate: 0.5, triggered: true, passed: false });
    assert.deepEqual(triggerVerdict([false, false, false], false), { rate: 0, triggered: false, passed: true });
    assert.equal(triggerVerdict([], false).passed, false, 'no run is no verdict');
  });
});

describe('a trigger run over a real stream', function () {
  this.timeout(20_000);
  let server: HostileServer;
  before(async () => (server = await startHostileServer()));
  after(() => server.close());

  const frame = (data: Record<string, unknown>) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
  const start = frame({
    type: 'message_start',
    message: {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'm',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {},
    },
  });
  const toolStep = (index: number, command: string) =>
    frame({
      type: 'content_block_start',
      index,
      content_block: { type: 'server_tool_use', id: `s${index}`, name: 'bash_code_execution', input: {} },
    }) +
    frame({
      type: 'content_block_delta',
      index,
      delta: { type: 'input_json_delta', partial_json: JSON.stringify({ command }) },
    }) +
    frame({ type: 'content_block_stop', index });
  const text = (index: number, body: string) =>
    frame({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }) +
    frame({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: body } }) +
    frame({ type: 'content_block_stop', index });
  const end =
    frame({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 9 } }) +
    frame({ type: 'message_stop' });

  const input = {
    model: 'claude-test-1',
    prompt: 'Fill in this form',
    skill: { type: 'custom' as const, skill_id: 'skill_1', version: 'latest' },
    neighbours: [{ type: 'custom' as const, skill_id: 'skill_2', version: 'latest' }],
  };

  it('stops reading as soon as SKILL.md is read, and sends the skill with its neighbours', async () => {
    let closedEarly = false;
    let body = '';
    server.handle((req, res: ServerResponse) => {
      req.on('data', (c: Buffer) => (body += c));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_trigger' });
      res.write(start + text(0, 'Looking.') + toolStep(1, 'cat /skills/pdf-tools/SKILL.md'));
      const timer = setInterval(() => res.write(text(2, 'x'.repeat(1000))), 50);
      res.on('close', () => {
        clearInterval(timer);
        closedEarly = !res.writableFinished;
      });
    });
    const client = new MessagesClient(server.apiOptions());
    const result = await runTriggerQuery(client, input, pattern, new AbortController().signal);
    assert.equal(result.triggered, true);
    assert.equal(result.stoppedEarly, true);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(closedEarly, true, 'the stream was cancelled, not read to its end');
    const sent = JSON.parse(body);
    assert.equal(sent.max_tokens, 1024);
    assert.deepEqual(
      sent.container.skills.map((s: { skill_id: string }) => s.skill_id),
      ['skill_1', 'skill_2'],
    );
  });

  it('an answer that ends without reading SKILL.md is not triggered; a cancel is not a trigger', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(start + toolStep(0, 'ls /skills') + text(1, 'Here is a poem.') + end);
    });
    const client = new MessagesClient(server.apiOptions());
    const missed = await runTriggerQuery(client, input, pattern, new AbortController().signal);
    assert.deepEqual([missed.triggered, missed.stoppedEarly], [false, false]);

    server.handle(() => undefined); // holds the request
    const cancel = new AbortController();
    const run = runTriggerQuery(client, input, pattern, cancel.signal);
    setTimeout(() => cancel.abort(new Error('cancelled')), 30);
    await assert.rejects(run);
  });
});
