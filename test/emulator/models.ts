// The emulator's model catalogue for `GET /v1/models`: a few models of each kind Try in Claude must tell
// apart (code execution or not, capabilities unknown, deprecated, retired), newest first, paged with
// `after_id` and `limit` as the API pages it (`has_more`, `first_id`, `last_id`).

export interface EmulatedModel {
  id: string;
  display_name: string;
  created_at: string;
  lifecycle: 'active' | 'deprecated' | 'retired';
  max_tokens: number | null;
  /** null: the model says nothing of its capabilities. */
  codeExecution: boolean | null;
  /**
   * The code execution tool versions it takes, when it takes only some (the API refuses the others with a
   * 400 naming the type): the newest model only the newest, the deprecated one only the oldest.
   */
  codeExecutionTools?: string[];
}

export const MODELS: EmulatedModel[] = [
  {
    id: 'claude-emulated-opus-2',
    display_name: 'Emulated Opus 2',
    created_at: '2026-10-01T00:00:00Z',
    lifecycle: 'active',
    max_tokens: 64000,
    codeExecution: true,
    codeExecutionTools: ['code_execution_20260521'],
  },
  {
    id: 'claude-emulated-haiku-2',
    display_name: 'Emulated Haiku 2',
    created_at: '2026-09-01T00:00:00Z',
    lifecycle: 'active',
    max_tokens: 8192,
    codeExecution: false,
  },
  {
    id: 'claude-emulated-sonnet-2',
    display_name: 'Emulated Sonnet 2',
    created_at: '2026-08-01T00:00:00Z',
    lifecycle: 'active',
    max_tokens: 32000,
    codeExecution: null,
  },
  {
    id: 'claude-emulated-sonnet-1',
    display_name: 'Emulated Sonnet 1',
    created_at: '2025-08-01T00:00:00Z',
    lifecycle: 'deprecated',
    max_tokens: 16000,
    codeExecution: true,
    codeExecutionTools: ['code_execution_20250825'],
  },
  {
    id: 'claude-emulated-opus-0',
    display_name: 'Emulated Opus 0',
    created_at: '2024-08-01T00:00:00Z',
    lifecycle: 'retired',
    max_tokens: 4096,
    codeExecution: true,
  },
];

function toJson(model: EmulatedModel) {
  const { codeExecution, codeExecutionTools: _tools, ...rest } = model;
  const support = (supported: boolean) => ({ supported });
  return {
    type: 'model',
    ...rest,
    deprecated_at: model.lifecycle === 'active' ? null : '2026-06-01T00:00:00Z',
    capabilities:
      codeExecution === null
        ? null
        : {
            server_tools: {
              supported: codeExecution,
              code_execution: support(codeExecution),
              web_search: support(false),
            },
          },
  };
}

/** One page of the catalogue: `retired` models only when `lifecycle` asks for them, as the API lists. */
export function modelsPage(query: URLSearchParams, limit: number) {
  const stages = query.getAll('lifecycle[]').length > 0 ? query.getAll('lifecycle[]') : ['active', 'deprecated'];
  const listed = MODELS.filter((m) => stages.includes(m.lifecycle));
  const afterId = query.get('after_id');
  const start = afterId === null ? 0 : listed.findIndex((m) => m.id === afterId) + 1;
  const data = listed.slice(start, start + limit);
  return {
    data: data.map(toJson),
    has_more: start + limit < listed.length,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };
}
