// The emulator checks a skills run as the real API would before its scripted model answers: each request
// here breaks one rule and must get the API's 400 (404 for a model), never an answer.
import * as assert from 'node:assert/strict';
import { TEST_KEY, useEmulator } from '../../support/harness';

const tool = { type: 'code_execution_20260521', name: 'code_execution' };
const grade = { name: 'record_grades', description: 'Grades.', input_schema: { type: 'object' }, strict: true };

describe('emulator: what POST /v1/messages refuses', () => {
  const api = useEmulator();

  beforeEach(() => {
    api.seed([
      { id: 'skill_01Mine', name: 'mine', description: 'Mine.', versionCount: 1 },
      {
        id: 'skill_01Pdf',
        name: 'pdf',
        source: 'anthropic',
        description: 'PDFs.',
        versions: [{ legacyVersion: '20251013' }],
      },
    ]);
  });

  const base = () => ({
    model: 'claude-emulated-opus-2',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'hi' }],
    container: { skills: [{ type: 'custom', skill_id: 'skill_01Mine', version: 'latest' }] },
    tools: [tool],
  });

  async function post(body: unknown) {
    const res = await api.transport.fetch(`${api.emulator.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2026-10-21', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { error?: { type: string; message: string }; content?: unknown[] };
    return { status: res.status, json };
  }

  it('answers a valid run whole, naming the version it mounted', async () => {
    const res = await post(base());
    assert.equal(res.status, 200);
    assert.ok(Array.isArray(res.json.content));
  });

  const cases: [string, (b: ReturnType<typeof base>) => unknown, number, RegExp][] = [
    ['no code execution tool', (b) => ({ ...b, tools: [] }), 400, /code execution tool/],
    ['a model without code execution', (b) => ({ ...b, model: 'claude-emulated-haiku-2' }), 400, /does not support/],
    ['a retired model', (b) => ({ ...b, model: 'claude-emulated-opus-0' }), 404, /model/],
    ['max_tokens over the model', (b) => ({ ...b, max_tokens: 64001 }), 400, /maximum allowed/],
    ['21 skills', (b) => ({ ...b, container: { skills: Array(21).fill(b.container.skills[0]) } }), 400, /at most 20/],
    [
      'an unknown skill',
      (b) => ({ ...b, container: { skills: [{ type: 'custom', skill_id: 'skill_01Nope', version: 'latest' }] } }),
      400,
      /not found/,
    ],
    [
      'an unknown version',
      (b) => ({ ...b, container: { skills: [{ type: 'custom', skill_id: 'skill_01Mine', version: 'skver_01Nope' }] } }),
      400,
      /version 'skver_01Nope'/,
    ],
    [
      'type plugin',
      (b) => ({ ...b, container: { skills: [{ type: 'plugin', skill_id: 'skill_01Mine', version: 'latest' }] } }),
      400,
      /'anthropic' or 'custom'/,
    ],
    [
      'an Anthropic skill sent as custom',
      (b) => ({ ...b, container: { skills: [{ type: 'custom', skill_id: 'skill_01Pdf', version: 'latest' }] } }),
      400,
      /use type 'anthropic'/,
    ],
    ['an unknown container', (b) => ({ ...b, container: { ...b.container, id: 'container_nope' } }), 404, /container/],
    ['temperature (removed in 2026-10-21)', (b) => ({ ...b, temperature: 0.5 }), 400, /temperature/],
    ['an unknown field', (b) => ({ ...b, colour: 'blue' }), 400, /Extra inputs/],
    ['no messages', (b) => ({ ...b, messages: [] }), 400, /at least one/],
    [
      'a container_upload of a file never uploaded',
      (b) => ({ ...b, messages: [{ role: 'user', content: [{ type: 'container_upload', file_id: 'file_nope' }] }] }),
      400,
      /messages\.0\.content\.0\.file_id: file 'file_nope' not found/,
    ],
    [
      'a request with neither code execution nor a forced tool',
      (b) => ({ model: b.model, max_tokens: b.max_tokens, messages: b.messages }),
      400,
      /skill runs .* and graders/,
    ],
    [
      'a forced tool that is not in tools',
      (b) => ({ ...b, tool_choice: { type: 'tool', name: 'record_grades' } }),
      400,
      /no tool named 'record_grades'/,
    ],
    [
      'a forced tool beside extended thinking',
      (b) => ({
        ...b,
        tools: [grade],
        container: undefined,
        tool_choice: { type: 'tool', name: 'record_grades' },
        thinking: { type: 'enabled', budget_tokens: 1024 },
      }),
      400,
      /Thinking may not be enabled/,
    ],
    ['a tool without a schema', (b) => ({ ...b, tools: [tool, { name: 'x', description: 'x' }] }), 400, /input_schema/],
  ];
  for (const [what, change, status, message] of cases) {
    it(`refuses ${what}`, async () => {
      const res = await post(change(base()));
      assert.equal(res.status, status);
      assert.match(res.json.error?.message ?? '', message);
    });
  }

  it('serves a produced file through the Files API, and refuses one that cannot be downloaded', async () => {
    const res = await post({ ...base(), messages: [{ role: 'user', content: 'files [hostile-files]' }] });
    assert.equal(res.status, 200);
    const locked = [...api.emulator.files.values()].find((f) => !f.downloadable)!;
    const get = (path: string) =>
      api.transport.fetch(`${api.emulator.url}${path}`, {
        headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2026-10-21' },
      });
    const meta = (await (await get(`/v1/files/${locked.id}`)).json()) as { filename: string; downloadable: boolean };
    assert.deepEqual([meta.filename, meta.downloadable], ['locked.bin', false]);
    assert.equal((await get(`/v1/files/${locked.id}/content`)).status, 400);
    assert.equal((await get('/v1/files/file_nope')).status, 404);
  });
});
