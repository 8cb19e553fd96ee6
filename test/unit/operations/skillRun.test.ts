// A try of a skill against the emulator's scripted model: for every scenario, the official SDK reads the
// same run (`client.messages.stream(...).finalMessage()`) and our assembled message must equal its; then
// the pause_turn loop and its bound, the produced files, a stalled stream, a cancel, an error mid-stream,
// retries before the stream, hostile file names and the request itself, field by field.
import * as assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import { FilesClient } from '../../../src/api/filesClient';
import { MessagesClient, type SkillAttachment } from '../../../src/api/messagesClient';
import { fetchRunFiles, producedFileIds, safeFileName, uniqueName } from '../../../src/api/runFiles';
import {
  CodeExecutionTools,
  MAX_CONTINUATIONS,
  runSkill,
  runSkillWithFiles,
  turnRequest,
  type SkillRunInput,
} from '../../../src/operations/skillRun';
import type { ScenarioName } from '../../../test/emulator/scriptedModel';
import { TEST_KEY, useEmulator } from '../../support/harness';

const MODEL = 'claude-emulated-opus-2';

describe('Try in Claude: a run against the scripted model', () => {
  const api = useEmulator();
  let skill: SkillAttachment;

  beforeEach(() => {
    api.seed([
      {
        id: 'skill_01TryMe',
        name: 'try-me',
        description: 'Summarizes things. Use when asked to.',
        versionCount: 2,
        files: { 'summarize.py': 'print("hi")\n' },
      },
    ]);
    skill = { type: 'custom', skill_id: 'skill_01TryMe', version: 'latest' };
  });

  const input = (prompt: string, extra: Partial<SkillRunInput> = {}): SkillRunInput => ({
    model: MODEL,
    maxTokens: 4096,
    prompt,
    skill,
    ...extra,
  });
  const messages = (options = {}) => new MessagesClient(api.apiOptions(options));
  const sdk = () => new Anthropic({ apiKey: TEST_KEY, baseURL: api.emulator.url, maxRetries: 0 });
  const latestId = () => api.emulator.store.version('skill_01TryMe', 'latest').id;

  async function sdkMessage(prompt: string) {
    const request = turnRequest(input(prompt), []);
    const final = await sdk()
      .messages.stream(request as unknown as Anthropic.MessageStreamParams)
      .finalMessage();
    const { parsed_output: _parsed, ...message } = final as typeof final & { parsed_output?: unknown };
    return JSON.parse(JSON.stringify(message)) as unknown;
  }

  const scenarios: [ScenarioName, string][] = [
    ['default', 'Summarize this skill.'],
    ['pause', 'Take long [pause]'],
    ['bytes', 'One byte at a time [bytes]'],
    ['text-editor', 'View the file [text-editor]'],
    ['tool-error', 'Run too long [tool-error]'],
    ['max-tokens', 'Write a lot [max-tokens]'],
    ['refusal', 'Something bad [refusal]'],
    ['unknown-block', 'Something new [unknown-block]'],
    ['hostile-files', 'Make files [hostile-files]'],
    ['backticks', 'Print fences [backticks]'],
  ];
  for (const [scenario, prompt] of scenarios) {
    it(`assembles the "${scenario}" stream exactly as the official SDK does`, async () => {
      const ours = await messages().streamMessage(turnRequest(input(prompt), []));
      assert.deepEqual(JSON.parse(JSON.stringify(ours.message)), await sdkMessage(prompt));
      assert.match(ours.requestId ?? '', /^req_011C/);
    });
  }

  it('streams the same message the API answers whole (stream: false, read by the SDK)', async () => {
    const request = turnRequest(input('Summarize this skill.'), []);
    const whole = await sdk().messages.create({
      ...request,
      stream: false,
    } as unknown as Anthropic.MessageCreateParamsNonStreaming);
    const ours = await messages().streamMessage(request);
    assert.deepEqual(JSON.parse(JSON.stringify(ours.message)), JSON.parse(JSON.stringify(whole)));
  });

  it('names the version that really ran, and keeps a block of an unknown type as it came', async () => {
    const run = await runSkill(messages(), input('Something new [unknown-block]'), () => undefined);
    const message = run.turns[0].message!;
    assert.deepEqual((message.container as { skills: unknown[] }).skills, [
      { type: 'custom', skill_id: 'skill_01TryMe', version: latestId() },
    ]);
    assert.deepEqual(message.content[1], { type: 'future_widget', widget: { kind: 'gauge', value: 42 } });
    assert.match(String(message.content[0].text), new RegExp(`version ${latestId()}`));
  });

  it('sends the request field by field as skills-api.md shows it, with the GA headers', async () => {
    await messages().streamMessage(turnRequest(input('Summarize this skill.'), []));
    const [logged] = api.emulator.log;
    assert.equal(logged.method, 'POST');
    assert.equal(logged.path, '/v1/messages');
    assert.deepEqual(logged.json, {
      model: MODEL,
      max_tokens: 4096,
      messages: [{ role: 'user', content: 'Summarize this skill.' }],
      container: { skills: [{ type: 'custom', skill_id: 'skill_01TryMe', version: 'latest' }] },
      tools: [{ type: 'code_execution_20260521', name: 'code_execution' }],
      stream: true,
    });
    assert.equal(logged.headers['anthropic-version'], '2026-10-21');
    assert.equal(logged.headers['anthropic-beta'], undefined);
    assert.equal(logged.headers['content-type'], 'application/json');
    assert.equal(logged.headers.accept, 'text/event-stream');
    assert.equal(logged.headers['x-api-key'], '[redacted]');
    assert.ok(logged.authenticated);
  });

  it('continues a pause_turn with the same container and the answer so far, then ends', async () => {
    const seen: number[] = [];
    const run = await runSkill(messages(), input('Take long [pause]'), (turns) => seen.push(turns.length));
    assert.equal(run.error, undefined);
    assert.deepEqual(
      run.turns.map((t) => t.message?.stop_reason),
      ['pause_turn', 'end_turn'],
    );
    const [first, second] = api.emulator.log.map((r) => r.json as { container: { id?: string }; messages: unknown[] });
    const containerId = (run.turns[0].message!.container as { id: string }).id;
    assert.equal(first.container.id, undefined);
    assert.deepEqual(second.container, { id: containerId, skills: [skill] });
    assert.deepEqual(second.messages, [
      { role: 'user', content: 'Take long [pause]' },
      { role: 'assistant', content: run.turns[0].message!.content },
    ]);
    assert.ok(seen.includes(2), 'progress heard the second turn');
  });

  it(`stops after ${MAX_CONTINUATIONS} continuations of a model that keeps pausing`, async () => {
    const run = await runSkill(messages(), input('Never done [pause-forever]'), () => undefined);
    assert.equal(run.pausedAtLimit, true);
    assert.equal(run.turns.length, MAX_CONTINUATIONS + 1);
    assert.equal(api.emulator.log.length, MAX_CONTINUATIONS + 1);
  });

  it('collects the files a run produced and fetches each through the Files API, once the turns are over', async () => {
    const ended: string[][] = [];
    const run = await runSkillWithFiles(
      { messages: messages(), files: new FilesClient(api.apiOptions()) },
      input('Summarize this skill.'),
      {
        onTurns: () => undefined,
        onEnded: (result, fileIds) => {
          assert.equal(api.emulator.log.length, 1, 'told before any file is fetched');
          assert.equal(result.turns.length, 1);
          ended.push([...fileIds]);
        },
      },
    );
    const ids = producedFileIds(run.turns[0].message!.content);
    assert.equal(ids.length, 1);
    assert.deepEqual(ended, [ids]);
    assert.equal(run.files.length, 1);
    const [file] = run.files;
    assert.equal(file.name, 'summary.md');
    assert.equal(file.mimeType, 'text/markdown');
    const text = new TextDecoder().decode(file.data);
    assert.match(text, /^# Summary of try-me/);
    assert.match(text, new RegExp(`version: ${latestId()}`));
    assert.match(text, /Summarizes things/);
    assert.deepEqual(
      api.emulator.log.slice(1).map((r) => r.path),
      [`/v1/files/${ids[0]}`, `/v1/files/${ids[0]}/content`],
    );
  });

  it('keeps hostile file names out: base names only, refused names replaced, duplicates suffixed', async () => {
    const run = await runSkill(messages(), input('Make files [hostile-files]'), () => undefined);
    const files = await fetchRunFiles(
      new FilesClient(api.apiOptions()),
      producedFileIds(run.turns[0].message!.content),
    );
    const names = files.map((f) => f.name);
    assert.ok(
      names.slice(0, 4).every((n) => /^file-[A-Za-z0-9_-]+$/.test(n)),
      names.join(', '),
    );
    assert.deepEqual(names.slice(4), ['report.txt', 'report (2).txt', 'locked.bin', 'old.txt']);
    assert.match(files[0].note ?? '', /refused \(".."\)/);
    assert.match(files[1].note ?? '', /drive letter/);
    assert.match(files[2].note ?? '', /UNC/);
    assert.match(files[3].note ?? '', /control/);
    assert.equal(files[6].note, 'not downloadable');
    assert.match(files[7].note ?? '', /^expired/);
    assert.equal(files[6].data, undefined);
    const fetched = api.emulator.log.filter((r) => r.path.endsWith('/content')).length;
    assert.equal(fetched, 6, 'neither the locked nor the expired file is fetched');
  });

  it("fetches a run's files within the limits: past the count and the size they are listed, not fetched", async () => {
    const run = await runSkill(messages(), input('Make files [hostile-files]'), () => undefined);
    const ids = producedFileIds(run.turns[0].message!.content);
    const files = await fetchRunFiles(new FilesClient(api.apiOptions()), ids, {
      maxFiles: 5,
      maxFileBytes: 6,
      maxTotalBytes: 12,
    });
    assert.equal(files.length, ids.length, 'every produced file is listed');
    // Files 0-3 are 7 bytes ("file N\n"), past the 6-byte cap; the ones past the count are not even asked about.
    assert.ok(files.slice(0, 4).every((f) => /larger than 6 B: not downloaded/.test(f.note ?? '') && !f.data));
    assert.match(files[5].note ?? '', /not fetched: a run's first 5 files are/);
    assert.equal(api.emulator.log.filter((r) => r.path.endsWith('/content')).length, 0);
    assert.equal(api.emulator.log.filter((r) => r.path.startsWith('/v1/files/')).length, 5);
  });

  it('ends a stream that stalls (not even a ping) after the idle timeout, keeping what came', async () => {
    const run = await runSkill(messages({ timeoutMs: () => 300 }), input('Hang [stall]'), () => undefined);
    assert.equal(run.error?.kind, 'timeout');
    assert.match(run.error?.message ?? '', /stopped part-way: nothing arrived/);
    assert.equal(api.emulator.log.length, 1, 'a stream that started is not sent again');
    assert.equal(run.turns.length, 1);
    assert.equal(run.turns[0].message?.id.startsWith('msg_'), true);
  });

  it('cancels at once: the stream is aborted, the run ends as cancelled, and no file is asked for', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = await runSkillWithFiles(
      { messages: messages(), files: new FilesClient(api.apiOptions()) },
      input('Hang [stall]'),
      {
        onTurns: (turns) => {
          if (turns[0]?.message) controller.abort();
        },
      },
      controller.signal,
    );
    assert.equal(run.error?.kind, 'cancelled');
    assert.deepEqual(run.files, []);
    assert.equal(api.emulator.log.length, 1);
    assert.ok(Date.now() - started < 5_000);
    await new Promise((r) => setTimeout(r, 50));
    assert.notEqual(api.emulator.log[0].endedAt, undefined, 'the connection was closed');
  });

  it('reports an error event mid-stream with the API type, and does not retry it', async () => {
    const run = await runSkill(messages(), input('Break [error]'), () => undefined);
    assert.equal(run.error?.kind, 'overloaded');
    assert.equal(run.error?.errorType, 'overloaded_error');
    assert.match(run.error?.message ?? '', /Overloaded/);
    assert.match(run.error?.requestId ?? '', /^req_/);
    assert.equal(api.emulator.log.length, 1);
    assert.match(String(run.turns[0].message?.content[0].text), /Emulator/);
  });

  it('retries a 529 and a 429 that come before the stream starts', async () => {
    api.emulator.faults.push(
      { method: 'POST', path: '/v1/messages', status: 529 },
      { method: 'POST', path: '/v1/messages', status: 429, headers: { 'retry-after': '1' } },
    );
    const run = await runSkill(messages(), input('Summarize this skill.'), () => undefined);
    assert.equal(run.error, undefined);
    assert.equal(api.emulator.log.length, 3);
    assert.equal(api.sleeps.length, 2);
    assert.equal(api.sleeps[1], 1000);
  });

  it('attaches an Anthropic skill as type anthropic, its version resolved to a date', async () => {
    api.seed([
      {
        id: 'skill_01Pdf',
        name: 'pdf',
        source: 'anthropic',
        description: 'Reads PDFs.',
        versions: [{ legacyVersion: '20251013' }],
      },
    ]);
    skill = { type: 'anthropic', skill_id: 'skill_01Pdf', version: 'latest' };
    const run = await runSkill(messages(), input('Summarize this skill.'), () => undefined);
    assert.equal(run.error, undefined);
    assert.deepEqual((run.turns[0].message!.container as { skills: unknown[] }).skills, [
      { type: 'anthropic', skill_id: 'skill_01Pdf', version: '20251013' },
    ]);
  });

  describe('the code execution tool version', () => {
    it('sends the newest, and to a model that refuses it the oldest once, remembered for the session', async () => {
      const tools = new CodeExecutionTools();
      const old = await runSkill(
        messages(),
        input('Summarize this skill.', { model: 'claude-emulated-sonnet-1' }),
        () => undefined,
        undefined,
        tools,
      );
      assert.equal(old.error, undefined, old.error?.message);
      assert.equal(old.tool, 'code_execution_20250825');
      const sent = api.emulator.log
        .filter((r) => r.path === '/v1/messages')
        .map((r) => (r.json as { tools: { type: string }[] }).tools[0].type);
      assert.deepEqual(sent, ['code_execution_20260521', 'code_execution_20250825']);

      api.emulator.log.length = 0;
      const again = await runSkill(
        messages(),
        input('Summarize this skill.', { model: 'claude-emulated-sonnet-1' }),
        () => undefined,
        undefined,
        tools,
      );
      assert.equal(again.tool, 'code_execution_20250825');
      assert.equal(
        api.emulator.log.filter((r) => r.path === '/v1/messages').length,
        1,
        'no second refusal this session',
      );
    });

    it('sends nothing again on a 400 that does not name the tool', async () => {
      const tools = new CodeExecutionTools();
      api.emulator.log.length = 0;
      const run = await runSkill(
        messages(),
        input('Summarize this skill.', { model: 'claude-emulated-haiku-2' }),
        () => undefined,
        undefined,
        tools,
      );
      assert.equal(run.error?.status, 400);
      assert.match(run.error!.message, /does not support the code execution tool/);
      assert.equal(api.emulator.log.filter((r) => r.path === '/v1/messages').length, 1);
      assert.equal(tools.for('claude-emulated-haiku-2'), 'code_execution_20260521', 'nothing learned from it');
    });

    it('keeps the newest for a model that takes only it, and reports a refusal of both', async () => {
      const newest = await runSkill(messages(), input('Summarize this skill.'), () => undefined);
      assert.equal(newest.error, undefined);
      assert.equal(newest.tool, 'code_execution_20260521');

      const tools = new CodeExecutionTools();
      assert.equal(tools.refused(MODEL, 'code_execution_20260521'), 'code_execution_20250825');
      api.emulator.log.length = 0;
      const refused = await runSkill(messages(), input('Summarize this skill.'), () => undefined, undefined, tools);
      assert.equal(refused.error?.status, 400);
      assert.match(refused.error!.message, /code_execution_20250825' is not supported/);
      assert.equal(
        api.emulator.log.filter((r) => r.path === '/v1/messages').length,
        1,
        'no version left to fall back to',
      );
    });
  });
});

describe('file names from the server', () => {
  const refused = (name: string) => 'refused' in safeFileName(name);

  it('keeps the base name of a plain name or path', () => {
    assert.deepEqual(safeFileName('out/report.txt'), { name: 'report.txt' });
    assert.deepEqual(safeFileName('a\\b\\chart.png'), { name: 'chart.png' });
    assert.deepEqual(safeFileName('Überblick 2026.md'), { name: 'Überblick 2026.md' });
  });

  it('refuses .., drive letters, UNC paths, control and bidi characters, reserved and empty names', () => {
    for (const name of [
      '..',
      '../x',
      'a/../../b',
      'C:evil.txt',
      'c:\\x.txt',
      '\\\\server\\share\\x',
      '//server/share/x',
      'bell\u0007',
      'new\nline.txt',
      'gpj.\u202Eexe',
      'CON',
      'nul.txt',
      '',
      '   ',
      'dir/',
      'trailing.',
      'x'.repeat(256),
      'é'.repeat(128),
      'CONIN$',
      'conout$.log',
      'COM¹',
      'lpt².txt',
      'CON .txt',
      'name ',
    ]) {
      assert.ok(refused(name), JSON.stringify(name));
    }
  });

  it('suffixes twins a file system takes for one: composed and decomposed accents', () => {
    const taken = new Set<string>();
    assert.deepEqual(
      ['\u00e9.txt', 'e\u0301.txt', 'E\u0301.TXT'].map((n) => uniqueName(n, taken)),
      ['\u00e9.txt', 'e\u0301 (2).txt', 'E\u0301 (3).TXT'],
    );
    assert.deepEqual(safeFileName('x'.repeat(255)), { name: 'x'.repeat(255) });
  });

  it('suffixes duplicates, without regard to case', () => {
    const taken = new Set<string>();
    assert.deepEqual(
      ['a.txt', 'A.txt', 'a.txt', 'Makefile', 'makefile'].map((n) => uniqueName(n, taken)),
      ['a.txt', 'A (2).txt', 'a (3).txt', 'Makefile', 'makefile (2)'],
    );
  });
});
