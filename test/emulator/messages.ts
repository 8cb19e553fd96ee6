// `POST /v1/messages` as the emulator serves it: the request checked as the real API checks a skills run
// (a known model that runs code, the code execution tool, at most 20 skills that exist in versions that
// exist, `type` right for each skill's source, `container_upload` blocks naming uploaded files, no unknown
// fields) or a grader's (a forced tool of its own, no thinking beside it), then the scripted model's or the
// scripted grader's answer, as server-sent events (with pings, tool input in `input_json_delta` pieces, and
// the chunking a scenario asks for) or as one JSON message. The files a run makes go into the emulator's
// Files API. A run may attach no skill (an eval's baseline).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiFailure } from './failure';
import { MODELS } from './models';
import { gradedTurn, type GraderAsk } from './graderModel';
import { scriptedTurn, stableId, type MountedSkill, type ProducedFile, type ScriptedTurn } from './scriptedModel';
import type { SkillStore } from './store';

export const CODE_EXECUTION_TOOLS = ['code_execution_20250825', 'code_execution_20260120', 'code_execution_20260521'];
const MAX_SKILLS = 20;
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const FIELDS = new Set([
  'model',
  'max_tokens',
  'messages',
  'container',
  'tools',
  'stream',
  'system',
  'metadata',
  'stop_sequences',
  'thinking',
  'tool_choice',
  'service_tier',
]);
/** Sampling fields the 2026-10-21 API version removed. */
const REMOVED_FIELDS = ['temperature', 'top_p', 'top_k'];

const invalid = (message: string) => new ApiFailure(400, 'invalid_request_error', message);

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw invalid('The request body must be application/json.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiFailure(413, 'request_too_large', 'Request exceeds the maximum size.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
}

interface CheckedRun {
  model: string;
  prompt: string;
  skills: MountedSkill[];
  /** How many answers of this run came before (the assistant turns sent back). */
  turn: number;
  stream: boolean;
  seed: string;
  maxTokens: number;
  /** The files `container_upload` blocks put into the container. */
  uploads: ProducedFile[];
  /** Set for a grader's request: the tool it must call, and what it reads. */
  grader?: GraderAsk;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function promptOf(message: Record<string, unknown>): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((block) => (isObject(block) && block.type === 'text' ? String(block.text ?? '') : ''))
      .join('\n');
  }
  throw invalid('messages.0.content: Input should be a string or a list of content blocks.');
}

/** The request as the real API checks it, or the 400 (404 for a model) it would answer. */
export function checkMessageRequest(
  body: unknown,
  store: SkillStore,
  containers: Map<string, string>,
  apiVersion: string,
  files: Map<string, ProducedFile>,
): CheckedRun {
  if (!isObject(body)) throw invalid('The request body must be a JSON object.');
  for (const key of Object.keys(body)) {
    if (REMOVED_FIELDS.includes(key) && apiVersion >= '2026-10-21') {
      throw invalid(`${key}: not supported by anthropic-version ${apiVersion}.`);
    }
    if (!FIELDS.has(key) && !REMOVED_FIELDS.includes(key)) throw invalid(`${key}: Extra inputs are not permitted`);
  }
  if (typeof body.model !== 'string') throw invalid('model: Field required');
  const model = MODELS.find((m) => m.id === body.model && m.lifecycle !== 'retired');
  if (!model) throw new ApiFailure(404, 'not_found_error', `model: ${body.model}`);
  const maxTokens = body.max_tokens;
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    throw invalid('max_tokens: Input should be a positive integer');
  }
  if (model.max_tokens !== null && maxTokens > model.max_tokens) {
    throw invalid(
      `max_tokens: ${maxTokens} > ${model.max_tokens}, which is the maximum allowed number of output tokens for ${model.id}`,
    );
  }
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw invalid('stream: Input should be a boolean');
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) throw invalid('messages: at least one message is required');
  messages.forEach((m: unknown, i) => {
    if (!isObject(m) || (m.role !== 'user' && m.role !== 'assistant')) {
      throw invalid(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    }
  });
  if ((messages[0] as Record<string, unknown>).role !== 'user')
    throw invalid("messages: the first message must be the user's");

  const tools = body.tools;
  if (tools !== undefined && !Array.isArray(tools)) throw invalid('tools: Input should be a list');
  const ownTools = checkOwnTools(tools ?? []);
  const toolIndex = (tools ?? []).findIndex(
    (t: unknown) => isObject(t) && CODE_EXECUTION_TOOLS.includes(String(t.type)),
  );
  const codeExecution = toolIndex !== -1;
  const forced = checkToolChoice(body.tool_choice, ownTools, body.thinking);
  const container = body.container;
  if (container !== undefined && !isObject(container)) throw invalid('container: Input should be an object');
  const requested = container?.skills ?? [];
  if (!Array.isArray(requested)) throw invalid('container.skills: Input should be a list');
  if (requested.length > 0 && !codeExecution) {
    throw invalid('container.skills: skills require the code execution tool (code_execution_20250825) in tools.');
  }
  if (codeExecution && model.codeExecution === false) {
    throw invalid(`tools.0: ${model.id} does not support the code execution tool.`);
  }
  const toolType = codeExecution ? String((tools as Record<string, unknown>[])[toolIndex].type) : '';
  if (codeExecution && model.codeExecutionTools && !model.codeExecutionTools.includes(toolType)) {
    throw invalid(
      `tools.${toolIndex}.type: '${toolType}' is not supported by ${model.id}; use one of: ${model.codeExecutionTools.join(', ')}.`,
    );
  }
  if (requested.length > MAX_SKILLS)
    throw invalid(`container.skills: at most ${MAX_SKILLS} skills, got ${requested.length}`);
  const uploads = uploadsOf(messages[0] as Record<string, unknown>, files);
  if (uploads.length > 0 && !codeExecution) {
    throw invalid('messages.0.content: container_upload blocks require the code execution tool in tools.');
  }
  if (!codeExecution && !forced) {
    throw invalid('tools: this emulator plays skill runs (the code execution tool) and graders (a forced tool) only.');
  }
  if (!codeExecution && forced) {
    const text = promptOf(messages[0] as Record<string, unknown>);
    const seed = JSON.stringify([model.id, maxTokens, text, forced]);
    return {
      model: model.id,
      prompt: text,
      skills: [],
      turn: 0,
      stream: body.stream === true,
      seed,
      maxTokens,
      uploads: [],
      grader: { toolName: forced, text },
    };
  }
  const skills = requested.map((raw: unknown, i): MountedSkill => mountedSkill(raw, i, store));

  if (container?.id !== undefined) {
    if (typeof container.id !== 'string' || !containers.has(container.id)) {
      throw new ApiFailure(404, 'not_found_error', `container: ${String(container.id)} not found`);
    }
  }
  const prompt = promptOf(messages[0] as Record<string, unknown>);
  const turn = messages.filter((m: Record<string, unknown>) => m.role === 'assistant').length;
  const seed = JSON.stringify([
    model.id,
    maxTokens,
    prompt,
    skills.map((s) => [s.type, s.skill_id, s.version]),
    uploads.map((f) => f.id),
  ]);
  return { model: model.id, prompt, skills, turn, stream: body.stream === true, seed, maxTokens, uploads };
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** The request's own tools (those the model answers through): each named, with an object schema. */
function checkOwnTools(tools: unknown[]): string[] {
  const names: string[] = [];
  tools.forEach((tool, i) => {
    if (!isObject(tool)) throw invalid(`tools.${i}: Input should be an object`);
    if (tool.type !== undefined && tool.type !== 'custom') return;
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name)) {
      throw invalid(`tools.${i}.name: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
    }
    const schema = tool.input_schema;
    if (!isObject(schema) || schema.type !== 'object') throw invalid(`tools.${i}.input_schema: type must be 'object'`);
    if (tool.strict !== undefined && typeof tool.strict !== 'boolean') {
      throw invalid(`tools.${i}.strict: Input should be a valid boolean`);
    }
    if (names.includes(tool.name)) throw invalid(`tools: tool names must be unique ('${tool.name}')`);
    names.push(tool.name);
  });
  return names;
}

/** The tool a `tool_choice` forces, if it forces one; the API's refusals of a choice that cannot hold. */
function checkToolChoice(choice: unknown, ownTools: string[], thinking: unknown): string | undefined {
  if (choice === undefined) return undefined;
  if (!isObject(choice) || !['auto', 'any', 'tool', 'none'].includes(String(choice.type))) {
    throw invalid("tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'");
  }
  const forcing = choice.type === 'any' || choice.type === 'tool';
  if (forcing && isObject(thinking) && thinking.type === 'enabled') {
    throw invalid('Thinking may not be enabled when tool_choice forces tool use.');
  }
  if (choice.type !== 'tool') return undefined;
  if (typeof choice.name !== 'string' || !ownTools.includes(choice.name)) {
    throw invalid(`tool_choice.name: no tool named '${String(choice.name)}' in tools`);
  }
  return choice.name;
}

/** The uploaded files the first message's `container_upload` blocks name; each must exist. */
function uploadsOf(message: Record<string, unknown>, files: Map<string, ProducedFile>): ProducedFile[] {
  if (!Array.isArray(message.content)) return [];
  const uploads: ProducedFile[] = [];
  message.content.forEach((block: unknown, i) => {
    if (!isObject(block) || block.type !== 'container_upload') return;
    const file = typeof block.file_id === 'string' ? files.get(block.file_id) : undefined;
    if (!file) throw invalid(`messages.0.content.${i}.file_id: file '${String(block.file_id)}' not found`);
    uploads.push(file);
  });
  return uploads;
}

function mountedSkill(raw: unknown, i: number, store: SkillStore): MountedSkill {
  const where = `container.skills.${i}`;
  if (!isObject(raw)) throw invalid(`${where}: Input should be an object`);
  if (raw.type !== 'custom' && raw.type !== 'anthropic')
    throw invalid(`${where}.type: Input should be 'anthropic' or 'custom'`);
  if (typeof raw.skill_id !== 'string') throw invalid(`${where}.skill_id: Field required`);
  const skill = store.all().find((s) => s.id === raw.skill_id);
  if (!skill) throw invalid(`${where}: skill '${raw.skill_id}' not found`);
  const expected = skill.source === 'custom' ? 'custom' : 'anthropic';
  if (raw.type !== expected)
    throw invalid(`${where}.type: skill '${skill.id}' is a ${skill.source} skill: use type '${expected}'`);
  const version = raw.version === undefined ? 'latest' : raw.version;
  if (typeof version !== 'string') throw invalid(`${where}.version: Input should be a string`);
  let record;
  try {
    record = store.version(skill.id, version);
  } catch {
    throw invalid(`${where}.version: version '${version}' of skill '${skill.id}' not found`);
  }
  return {
    type: raw.type,
    skill_id: skill.id,
    version: skill.source === 'custom' ? record.id : record.legacyVersion,
    record,
  };
}

/** The whole message of a scripted turn, as the API answers it. */
function messageOf(run: CheckedRun, scripted: ScriptedTurn, containerId: string | undefined) {
  const outputChars = JSON.stringify(scripted.content).length;
  return {
    id: stableId('msg_011C', run.seed, String(run.turn)),
    type: 'message',
    role: 'assistant',
    model: run.model,
    content: scripted.content,
    stop_reason: scripted.stopReason,
    stop_sequence: null,
    usage: {
      input_tokens: 900 + Math.ceil(run.prompt.length / 4) + 300 * run.turn,
      output_tokens: Math.min(run.maxTokens, Math.ceil(outputChars / 4)),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      server_tool_use: { code_execution_requests: scripted.content.filter((b) => b.type === 'server_tool_use').length },
      service_tier: 'standard',
    },
    container:
      containerId === undefined
        ? null
        : {
            id: containerId,
            expires_at: '2099-01-01T00:00:00Z',
            skills: run.skills.map((s) => ({ type: s.type, skill_id: s.skill_id, version: s.version })),
          },
  };
}

type Event = Record<string, unknown> & { type: string };

/** Strings cut in `pieces` parts (at least one), so deltas arrive as several. */
function pieces(value: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(value.length / count));
  const out: string[] = [];
  for (let i = 0; i < value.length; i += size) out.push(value.slice(i, i + size));
  return out.length ? out : [''];
}

/** The events that stream `message`: start, blocks with their deltas, pings between, the final delta, stop. */
function eventsOf(message: ReturnType<typeof messageOf>): Event[] {
  const events: Event[] = [
    {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
    },
    { type: 'ping' },
  ];
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { ...block, text: '' } });
      for (const text of pieces(String(block.text), 3)) {
        events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
      }
    } else if (block.type === 'server_tool_use' || block.type === 'tool_use') {
      events.push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      for (const partial_json of pieces(JSON.stringify(block.input), 3)) {
        events.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
      }
    } else {
      events.push({ type: 'content_block_start', index, content_block: block });
      if (!String(block.type).endsWith('_tool_result')) {
        // A delta of a type no client knows yet: kept out of the block by both readers.
        events.push({ type: 'content_block_delta', index, delta: { type: 'future_delta', value: 1 } });
      }
    }
    events.push({ type: 'content_block_stop', index });
    if (index % 2 === 1) events.push({ type: 'ping' });
  });
  events.push(
    {
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: null, container: message.container },
      usage: {
        input_tokens: message.usage.input_tokens,
        output_tokens: message.usage.output_tokens,
        server_tool_use: message.usage.server_tool_use,
      },
    },
    { type: 'message_stop' },
  );
  return events;
}

const sse = (event: Event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

export interface MessagesAnswer {
  body?: unknown;
  stream?: (res: ServerResponse) => Promise<void>;
}

/** Serves one checked request: registers its container and files, then answers whole or streamed. */
export function answerMessages(
  run: CheckedRun,
  containers: Map<string, string>,
  files: Map<string, ProducedFile>,
): MessagesAnswer {
  const scripted = run.grader
    ? gradedTurn(run.grader, stableId('toolu_011C', run.seed))
    : scriptedTurn(run.prompt, run.skills, run.turn, run.seed, run.uploads);
  const containerId = run.grader ? undefined : stableId('container_011C', run.seed);
  if (containerId) containers.set(containerId, run.seed);
  for (const file of scripted.files) files.set(file.id, file);
  const message = messageOf(run, scripted, containerId);
  if (!run.stream) return { body: message };
  return {
    stream: async (res) => {
      const events = eventsOf(message);
      const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
      const write = async (text: string) => {
        if (res.destroyed) return;
        if (scripted.chunkBytes === 0) return void res.write(text);
        const bytes = Buffer.from(text);
        for (let i = 0; i < bytes.length && !res.destroyed; i += scripted.chunkBytes) {
          res.write(bytes.subarray(i, i + scripted.chunkBytes));
          // Each byte its own write, and its own packet: the reader sees characters split.
          if (i % 64 === 0) await new Promise((r) => setImmediate(r));
        }
      };
      if (scripted.stall) {
        await write(sse(events[0]));
        // Silent until the client leaves, or for 10 minutes; the timer never keeps a test process alive.
        await Promise.race([closed, new Promise((r) => setTimeout(r, 600_000).unref())]);
        return void res.end();
      }
      const cut = scripted.errorMidStream ? events.findIndex((e) => e.type === 'message_delta') : events.length;
      for (const event of events.slice(0, cut)) {
        if (res.destroyed) break;
        await write(sse(event));
        if (scripted.paceMs) await new Promise((r) => setTimeout(r, scripted.paceMs));
      }
      if (scripted.errorMidStream) {
        await write(sse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
      }
      res.end();
    },
  };
}

/** `GET /v1/files/{id}`: the metadata of a file a run made. */
export function fileJson(file: ProducedFile) {
  return {
    type: 'file',
    id: file.id,
    filename: file.filename,
    mime_type: file.mimeType,
    size_bytes: file.data.length,
    created_at: '2026-12-01T00:00:00Z',
    downloadable: file.downloadable,
    expires_at: file.expiresAt,
  };
}
