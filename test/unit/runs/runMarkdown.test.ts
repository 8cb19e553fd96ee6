// The run document's Markdown, from runs of the emulator's scripted model: what a skill author reads.
import * as assert from 'node:assert/strict';
import { FilesClient } from '../../../src/api/filesClient';
import { MessagesClient } from '../../../src/api/messagesClient';
import { fetchRunFiles, producedFileIds } from '../../../src/api/runFiles';
import { runSkill } from '../../../src/operations/skillRun';
import { SHOWN_OUTPUT_LINES, fenceFor, renderRun, type RunView } from '../../../src/runs/runMarkdown';
import { TEST_KEY, useEmulator } from '../../support/harness';

describe('the run document', () => {
  const api = useEmulator();

  beforeEach(() =>
    api.seed([{ id: 'skill_01Doc', name: 'doc-me', description: 'Summarizes and documents things.', versionCount: 1 }]),
  );

  async function rendered(prompt: string, options: { files?: boolean; timeoutMs?: number } = {}) {
    const input = {
      model: 'claude-emulated-opus-2',
      maxTokens: 2048,
      prompt,
      skill: { type: 'custom' as const, skill_id: 'skill_01Doc', version: 'latest' },
    };
    const client = new MessagesClient(api.apiOptions({ timeoutMs: () => options.timeoutMs ?? 60_000 }));
    const result = await runSkill(client, input, () => undefined);
    const ids = result.turns.flatMap((t) => producedFileIds(t.message?.content ?? []));
    const view: RunView = {
      title: 'Doc Me',
      prompt,
      model: input.model,
      maxTokens: input.maxTokens,
      skillId: 'skill_01Doc',
      askedVersion: 'latest',
      turns: result.turns,
      ended: { error: result.error, pausedAtLimit: result.pausedAtLimit },
      files: options.files ? await fetchRunFiles(new FilesClient(api.apiOptions()), ids) : undefined,
    };
    return { ...renderRun(view), result };
  }

  it('shows the prompt, the answer, the code step, a link to the file, and the footer', async () => {
    const { markdown, result } = await rendered('Summarize this skill.', { files: true });
    const version = api.emulator.store.version('skill_01Doc', 'latest').id;
    assert.match(markdown, /^# Try in Claude: Doc Me/);
    assert.match(markdown, /\*\*Prompt\*\*\n\n> Summarize this skill\./);
    assert.match(markdown, /scripted test double/);
    assert.match(markdown, /#### Code execution \(`bash_code_execution`\)\n\n```bash\ncat \/skills\/doc-me\/SKILL.md/);
    assert.match(markdown, /Return code: 0/);
    assert.match(markdown, /Produced: \[summary\.md\]\(<files\/summary\.md>\)/);
    assert.match(markdown, /## Files\n\n- \[summary\.md\]\(<files\/summary\.md>\) \(\d+ B, text\/markdown\)/);
    assert.match(
      markdown,
      new RegExp(
        `\\*\\*Skill version that ran:\\*\\* \`skill_01Doc\` \`${version}\` \\(asked for \`skill_01Doc\` \`latest\`\\)`,
      ),
    );
    assert.match(markdown, /\*\*Model:\*\* `claude-emulated-opus-2` \(max_tokens 2048\)/);
    assert.match(markdown, /\*\*Tokens:\*\* \d+ in, \d+ out/);
    assert.match(markdown, /\*\*Stop reason:\*\* end_turn/);
    assert.match(markdown, new RegExp(`\\*\\*Request ids:\\*\\* \`${result.turns[0].requestId}\``));
    assert.ok(!markdown.includes(TEST_KEY));
  });

  it('fences output longer than any backtick run inside it, and cuts long output with a link to the rest', async () => {
    const { markdown, outputs } = await rendered('Print fences [backticks]');
    assert.match(markdown, /\*\*stdout\*\*\n\n``````text\n```\n````` inside\n/);
    assert.match(markdown, /\*\*stderr\*\*\n\n````text\nwarning: ``` in stderr\n````/);
    assert.match(markdown, /Return code: 2/);
    const more = 62 - SHOWN_OUTPUT_LINES;
    assert.match(markdown, new RegExp(`… ${more} more lines: \\[the whole stdout\\]\\(<output/1-stdout\\.txt>\\)`));
    assert.match(outputs.get('output/1-stdout.txt') ?? '', /line 60\n$/);
    assert.equal(fenceFor('no ticks'), '```');
    assert.equal(fenceFor('a ```` b'), '`````');
  });

  it('says max_tokens and refusal plainly', async () => {
    assert.match(
      (await rendered('Long [max-tokens]')).markdown,
      /max_tokens: the answer was cut at the token cap\. Raise `claudeSkills\.tryMaxTokens`/,
    );
    assert.match((await rendered('Bad [refusal]')).markdown, /refusal: Claude declined to answer this prompt\./);
  });

  it('shows a tool error, a text editor view, and a block of an unknown type as such', async () => {
    assert.match((await rendered('x [tool-error]')).markdown, /\*\*Tool error:\*\* `execution_time_exceeded`/);
    assert.match(
      (await rendered('Summarize it [text-editor]')).markdown,
      /#### `text_editor_code_execution`: `view \/skills\/doc-me\/SKILL\.md`[\s\S]*\*\*File\*\*\n\n```text\n---\nname: doc-me/,
    );
    assert.match(
      (await rendered('x [unknown-block]')).markdown,
      /\*\*A block of a type this version does not know:\*\* `future_widget`\n\n```json\n\{\n {2}"type": "future_widget"/,
    );
  });

  it('ends with the API error and its request id, after what came before it', async () => {
    const { markdown, result } = await rendered('x [error]');
    assert.match(markdown, /scripted test double/);
    assert.match(
      markdown,
      new RegExp(
        `\\*\\*Error:\\*\\* The Messages API stopped the answer: Overloaded \\(request ${result.error?.requestId}\\)`,
      ),
    );
  });

  it('lists files that were not fetched with why, under safe names', async () => {
    const { markdown } = await rendered('x [hostile-files]', { files: true });
    assert.match(markdown, /- locked\.bin \(1 B, text\/plain\) — not downloadable/);
    assert.match(markdown, /\[report \(2\)\.txt\]\(<files\/report \(2\)\.txt>\)/);
    assert.ok(!markdown.includes('../../.bashrc'));
    assert.ok(!markdown.includes('\u0007'));
  });

  it('names the tool version, shows an encrypted result as such, and survives malformed blocks and prototype keys', () => {
    const message = {
      id: 'msg_1',
      type: 'message' as const,
      role: 'assistant',
      model: 'claude-test-1',
      content: [
        { type: 'server_tool_use', id: 'srvtoolu_1', name: 'code_execution', input: { code: 'print(1)' } },
        {
          type: 'code_execution_tool_result',
          tool_use_id: 'srvtoolu_1',
          content: {
            type: 'encrypted_code_execution_result',
            encrypted_stdout: 'Zm9v',
            stderr: '',
            return_code: 0,
            content: [],
          },
        },
        null as unknown as { type: string },
        { type: 7 } as unknown as { type: string },
      ],
      stop_reason: 'constructor',
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 2 },
    };
    const { markdown } = renderRun({
      title: 'T',
      prompt: 'p',
      model: 'claude-test-1',
      maxTokens: 10,
      skillId: 'skill_1',
      askedVersion: 'latest',
      turns: [{ message }],
      ended: { pausedAtLimit: false, tool: 'code_execution_20260521' },
    });
    assert.match(markdown, /```python\nprint\(1\)/);
    assert.match(markdown, /\(encrypted output\)/);
    assert.match(markdown, /\*\*Code execution tool:\*\* `code_execution_20260521`/);
    assert.match(markdown, /\*\*Stop reason:\*\* `constructor`/);
    assert.doesNotMatch(markdown, /native code/);
    assert.deepEqual(producedFileIds(message.content), []);
  });
});
