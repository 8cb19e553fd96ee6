// The grader of a quality eval's run: a model given the task, the expected output, the transcript and the
// produced files, which must mark each expectation through one forced tool, so the answer is JSON by
// construction. We send the expectations numbered and take back only `{index, passed, evidence}`: the
// texts are ours, so a paraphrase cannot change what was graded. An answer that does not fit — another
// tool, a missing, repeated or unknown index, a field of the wrong type — is an error for that run, never
// a pass. No skills and no extended thinking: a forced tool does not combine with thinking.
import * as l10n from '@vscode/l10n';
import { ApiError } from '../api/errors';
import type { StreamedMessage } from '../api/messageStream';
import type { MessageRequest } from '../api/messagesClient';
import { formatBytes } from '../shared/words';
import type { GradedExpectation } from './benchmark';

export const GRADE_TOOL = 'record_grades';
/** Bounds of what the grader reads, so a run that printed megabytes costs a bounded request. */
export const MAX_TRANSCRIPT_CHARS = 60_000;
export const MAX_FILE_CHARS = 20_000;
export const MAX_FILES_CHARS = 100_000;
export const MAX_EVIDENCE_CHARS = 2_000;
const GRADER_MAX_TOKENS = 4096;

export interface ProducedFile {
  name: string;
  size: number;
  /** Its text when it is text; undefined for a binary file, which the grader knows by name and size. */
  text?: string;
}

export interface GradingInput {
  model: string;
  prompt: string;
  expectedOutput?: string;
  transcript: string;
  files: readonly ProducedFile[];
  expectations: readonly string[];
}

const SYSTEM = [
  'You grade one run of an AI assistant on a task. For each numbered expectation, decide whether the run',
  'meets it, from the transcript and the produced files only. PASS needs concrete evidence: quote it (a line',
  'of the answer, a command output, a file excerpt). When the evidence is missing or only claimed, FAIL.',
  `Answer by calling ${GRADE_TOOL} once, with one entry per expectation index.`,
].join(' ');

const cut = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max)}\n[… ${text.length - max} more characters not shown]`;

/** The produced files as the grader reads them: text bounded per file and in all, binary files by size. */
function filesSection(files: readonly ProducedFile[]): string {
  if (files.length === 0) return 'The run produced no files.';
  let left = MAX_FILES_CHARS;
  return files
    .map((file) => {
      const head = `### ${file.name} (${formatBytes(file.size)})`;
      if (file.text === undefined) return `${head}\nA binary file: its content is not shown.`;
      const shown = cut(file.text, Math.max(0, Math.min(MAX_FILE_CHARS, left)));
      left -= Math.min(file.text.length, MAX_FILE_CHARS);
      return `${head}\n<file>\n${shown}\n</file>`;
    })
    .join('\n\n');
}

/**
 * A 400 about `strict`: a model that does not take strict tools (which do is UNVERIFIED). The grader is then
 * asked again without it; the answer is checked just the same.
 */
export function refusesStrict(err: unknown): boolean {
  return err instanceof ApiError && err.status === 400 && /\bstrict\b/i.test(err.message);
}

export function graderRequest(input: GradingInput, strict = true): MessageRequest {
  const expectations = input.expectations.map((text, index) => `${index}. ${text}`).join('\n');
  const content = [
    `## The task\n<task>\n${input.prompt}\n</task>`,
    input.expectedOutput ? `## What a good result looks like\n<expected>\n${input.expectedOutput}\n</expected>` : '',
    `## The run's transcript\n<transcript>\n${cut(input.transcript, MAX_TRANSCRIPT_CHARS)}\n</transcript>`,
    `## The files the run produced\n${filesSection(input.files)}`,
    `## The expectations to grade (by index)\n${expectations}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    model: input.model,
    max_tokens: GRADER_MAX_TOKENS,
    system: SYSTEM,
    messages: [{ role: 'user', content }],
    tools: [
      {
        name: GRADE_TOOL,
        description: 'Records whether the run meets each expectation, with the evidence for the verdict.',
        ...(strict ? { strict: true } : {}),
        input_schema: {
          type: 'object',
          properties: {
            expectations: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  index: { type: 'integer', description: 'The number of the expectation.' },
                  passed: { type: 'boolean' },
                  evidence: { type: 'string', description: 'A quote from the transcript or a file, or why none.' },
                },
                required: ['index', 'passed', 'evidence'],
                additionalProperties: false,
              },
            },
          },
          required: ['expectations'],
          additionalProperties: false,
        },
      },
    ],
    tool_choice: { type: 'tool', name: GRADE_TOOL },
  };
}

function unfit(why: string, requestId: string | undefined): ApiError {
  return new ApiError({
    kind: 'server',
    message: l10n.t(
      "The grader's answer does not fit ({0}), so this run is not graded: run it again, or choose another grader model (claudeSkills.evalGraderModel).",
      why,
    ),
    requestId,
    mayHaveBeenProcessed: true,
    retryable: false,
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each expectation with the grader's verdict and evidence, in our order; or the error that says why not. */
export function readGrades(
  message: Pick<StreamedMessage, 'content'>,
  expectations: readonly string[],
  requestId?: string,
): GradedExpectation[] {
  const calls = message.content.filter((b) => b.type === 'tool_use');
  if (calls.length !== 1 || calls[0].name !== GRADE_TOOL) {
    throw unfit(
      `expected one call of ${GRADE_TOOL}, got ${calls.length === 0 ? 'none' : `${calls.length} tool calls`}`,
      requestId,
    );
  }
  const list = isObject(calls[0].input) ? calls[0].input.expectations : undefined;
  if (!Array.isArray(list)) throw unfit('no "expectations" list', requestId);
  const byIndex = new Map<number, GradedExpectation>();
  for (const entry of list.slice(0, expectations.length + 1)) {
    if (!isObject(entry)) throw unfit('an entry that is not an object', requestId);
    const { index, passed, evidence } = entry;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= expectations.length) {
      throw unfit(`an index that names no expectation: ${JSON.stringify(index)?.slice(0, 20)}`, requestId);
    }
    if (byIndex.has(index)) throw unfit(`expectation ${index} graded twice`, requestId);
    if (typeof passed !== 'boolean') throw unfit(`"passed" of expectation ${index} is not true or false`, requestId);
    if (typeof evidence !== 'string') throw unfit(`"evidence" of expectation ${index} is not text`, requestId);
    byIndex.set(index, { text: expectations[index], passed, evidence: evidence.slice(0, MAX_EVIDENCE_CHARS) });
  }
  const missing = expectations.map((_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw unfit(`no verdict for expectation ${missing.slice(0, 5).join(', ')}`, requestId);
  return expectations.map((_, i) => byIndex.get(i)!);
}
