// The emulator plays an eval's executor and grader by documented rules (scriptedModel.ts, graderModel.ts):
// it reads the SKILL.md of the first attached skill whose description shares a word of five or more
// letters with the prompt, through the tool shape the prompt asks for, sees the uploaded files, runs
// without a skill, and grades by quoted phrases — or off-schema when told.
import * as assert from 'node:assert/strict';
import { FilesClient } from '../../../src/api/filesClient';
import { TEST_KEY, useEmulator } from '../../support/harness';

const tool = { type: 'code_execution_20260521', name: 'code_execution' };
type Block = { type: string; name?: string; input?: Record<string, unknown>; text?: string };

describe('emulator: playing eval runs and their grader', () => {
  const api = useEmulator();

  beforeEach(() => {
    api.seed([
      { id: 'skill_01Notes', name: 'release-notes', description: 'Writes release notes from merged pulls.' },
      { id: 'skill_01Sql', name: 'sql-review', description: 'Reviews migrations for locking.' },
    ]);
  });

  const skills = [
    { type: 'custom', skill_id: 'skill_01Notes', version: 'latest' },
    { type: 'custom', skill_id: 'skill_01Sql', version: 'latest' },
  ];

  async function post(
    body: unknown,
  ): Promise<{ status: number; json: { content?: Block[]; error?: { message: string } } }> {
    const res = await api.transport.fetch(`${api.emulator.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2026-10-21', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as never };
  }

  const run = (content: unknown, attached: unknown[] = skills) =>
    post({
      model: 'claude-emulated-opus-2',
      max_tokens: 1024,
      messages: [{ role: 'user', content }],
      ...(attached.length ? { container: { skills: attached } } : {}),
      tools: [tool],
    });

  const reads = (content: Block[] | undefined) =>
    (content ?? [])
      .filter((b) => b.type === 'server_tool_use')
      .map((b) => String(b.input?.command ?? '') + String(b.input?.path ?? ''))
      .find((c) => c.includes('SKILL.md'));

  it('reads the skill whose description shares a word with the prompt, its first five letters deciding', async () => {
    assert.match(reads((await run('Review this migration')).json.content) ?? '', /\/skills\/sql-review\/SKILL\.md/);
    assert.match(reads((await run('Write the release notes')).json.content) ?? '', /\/skills\/release-notes\//);
    const none = await run('Tell me a joke about cats');
    assert.equal(reads(none.json.content), undefined);
    assert.match(String(none.json.content?.[0].text), /No attached skill.s description shares a word/);
  });

  it('reads through the text editor when the prompt asks, and runs without any skill', async () => {
    const viewed = (await run('Review this migration [text-editor]')).json.content!;
    const use = viewed.find((b) => b.type === 'server_tool_use')!;
    assert.deepEqual([use.name, use.input?.command], ['text_editor_code_execution', 'view']);
    const bare = await run('Review this migration', []);
    assert.equal(bare.status, 200);
    assert.equal(reads(bare.json.content), undefined);
    assert.match(String(bare.json.content?.[0].text), /no skill mounted/);
  });

  it('names the files container_upload blocks put into the container', async () => {
    const uploaded = await new FilesClient(api.apiOptions()).uploadFile(
      { path: 'evals/files/data.csv', data: new TextEncoder().encode('a,b\n1,2\n') },
      3600,
    );
    const res = await run([
      { type: 'text', text: 'Review the migration in data.csv' },
      { type: 'container_upload', file_id: uploaded.id },
    ]);
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.match(String(res.json.content?.[0].text), /Input files in the container: data\.csv \(8 bytes\)/);
  });

  const grader = (text: string) =>
    post({
      model: 'claude-emulated-opus-2',
      max_tokens: 1024,
      messages: [{ role: 'user', content: text }],
      tools: [{ name: 'record_grades', description: 'Grades.', input_schema: { type: 'object' }, strict: true }],
      tool_choice: { type: 'tool', name: 'record_grades' },
    });
  const ask = (task: string, transcript: string) =>
    [
      `## The task\n<task>\n${task} "only in the task"\n</task>`,
      `## The run's transcript\n<transcript>\n${transcript}\n</transcript>`,
      '## The expectations to grade (by index)',
      '0. The answer says "first heading"',
      '1. It mentions "only in the task"',
      '2. It is good',
    ].join('\n\n');

  it('grades by quoted phrases found in the run, never in the task', async () => {
    const res = await grader(ask('Do it', 'The FIRST HEADING is Release notes.'));
    const call = res.json.content!.find((b) => b.type === 'tool_use')!;
    assert.equal(call.name, 'record_grades');
    const verdicts = (call.input!.expectations as { index: number; passed: boolean; evidence: string }[]).map((e) => [
      e.index,
      e.passed,
    ]);
    assert.deepEqual(verdicts, [
      [0, true],
      [1, false],
      [2, false],
    ]);
  });

  it('answers off-schema when the task asks it to', async () => {
    const res = await grader(ask('Do it [grader-off-schema]', 'first heading'));
    const input = res.json.content!.find((b) => b.type === 'tool_use')!.input!;
    const entries = input.expectations as { index: number; passed: unknown }[];
    assert.deepEqual(
      entries.map((e) => e.index),
      [1, 2],
    );
    assert.equal(entries[0].passed, 'yes');
  });
});
