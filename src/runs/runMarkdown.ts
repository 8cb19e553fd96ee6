// The run document of a try, as Markdown: the prompt, the answer's text, each code execution step (its
// command, its output in fences longer than any backtick run inside, its return code, long output cut with
// the rest a link away), the files the run produced, and a footer with the model, the version that really
// ran, the token usage, the stop reason and the request ids. Free of VS Code: unit-tested in plain Node.
import { describeError, type ApiError } from '../api/errors';
import { isBlock, type ContentBlock } from '../api/messageStream';
import type { RunFile } from '../api/runFiles';
import { MAX_CONTINUATIONS, containerOf, type RunTurn } from '../operations/skillRun';
import { defangSchemes, safeMarkdown } from '../shared/safeMarkdown';
import * as l10n from '@vscode/l10n';
import { formatBytes, formatList, formatNumber, plural } from '../shared/words';

/** Output lines shown in the document; the rest is in the step's own file, a link away. */
export const SHOWN_OUTPUT_LINES = 12;

export interface RunView {
  /** The document's first words: "Try in Claude" unless said (an eval's transcript). */
  heading?: string;
  title: string;
  prompt: string;
  model: string;
  maxTokens: number;
  /** What was asked for: `skill_… latest`, or a version id; no skill for an eval's baseline. */
  skillId?: string;
  askedVersion?: string;
  /** Said at the top, as the demo's emulator is a test double. */
  notice?: string;
  turns: readonly RunTurn[];
  /** Undefined while the run goes on. */
  ended?: { error?: ApiError; pausedAtLimit: boolean; tool?: string };
  /** Undefined until the files are known; then every produced file, fetched or noted. */
  files?: readonly RunFile[];
  /** How many produced files are being fetched. */
  fetchingFiles?: number;
  /**
   * For a transcript written to disk: every output line in the document (nothing is served beside it), and
   * the folder its produced files are linked in.
   */
  transcript?: { filesFolder: string };
}

export interface RenderedRun {
  markdown: string;
  /** Whole outputs too long to show, by the path (relative to the document) the document links them at. */
  outputs: Map<string, string>;
}

/** A fence of backticks longer than any run of them in `text`, so the text cannot close it. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function fenced(text: string, language = ''): string {
  const fence = fenceFor(text);
  return `${fence}${language}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}

/** Markdown that shows `text` as itself, inline. */
function code(text: string): string {
  const fence = '`'.repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`;
}

/**
 * Prose shown as itself, escaped only where Markdown would read it otherwise, so that the document still
 * reads well as text (`req_011C…` keeps its underscores: inside a word they are not emphasis).
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/[\\`*[\]<>]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\$&')
      // `\](` is no link in Markdown, but a link detector that reads the text may still see `](`.
      .replace(/\\\]([(:])/g, '\\]\\$1')
  );
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** A link target Markdown reads as one path, whatever the name holds. */
const linkTarget = (path: string) => `<${path.replace(/[<>]/g, encodeURIComponent)}>`;

/** Output shown up to SHOWN_OUTPUT_LINES lines; past that, the rest is a file the document links to. */
function output(
  label: { bold: string; whole: string },
  text: string,
  path: string,
  outputs: Map<string, string> | undefined,
): string {
  const lines = text.replace(/\n$/, '').split('\n');
  if (!outputs || lines.length <= SHOWN_OUTPUT_LINES) return `${label.bold}\n\n${fenced(text, 'text')}`;
  outputs.set(path, text);
  const shown = lines.slice(0, SHOWN_OUTPUT_LINES).join('\n');
  const more = l10n.t(
    '… {0}: [{1}]({2})',
    plural(lines.length - SHOWN_OUTPUT_LINES, 'more line'),
    label.whole,
    linkTarget(path),
  );
  return `${label.bold}\n\n${fenced(shown, 'text')}\n\n${more}`;
}

/** The labels of a step's outputs: stdout and stderr are the streams' own names. */
const OUTPUT_LABELS = {
  stdout: () => ({ bold: '**stdout**', whole: l10n.t('the whole stdout') }),
  stderr: () => ({ bold: '**stderr**', whole: l10n.t('the whole stderr') }),
  file: () => ({ bold: l10n.t('**File**'), whole: l10n.t('the whole file') }),
};

const asObject = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

function toolUse(block: ContentBlock): string {
  const input = asObject(block.input);
  const name = String(block.name ?? 'tool');
  if (typeof input.command === 'string' && name !== 'text_editor_code_execution') {
    return `${l10n.t('#### Code execution ({0})', code(name))}\n\n${fenced(input.command, 'bash')}`;
  }
  if (typeof input.code === 'string') {
    return `${l10n.t('#### Code execution ({0})', code(name))}\n\n${fenced(input.code, 'python')}`;
  }
  const what = [input.command, input.path].filter((v) => typeof v === 'string').join(' ');
  return `#### ${code(name)}${what ? `: ${code(what)}` : ''}\n\n${fenced(JSON.stringify(block.input ?? {}, null, 2), 'json')}`;
}

/** Where a rendering puts what it does not show inline: long outputs (none for a transcript), linked files. */
interface Sink {
  /** Undefined when every output is shown whole. */
  outputs: Map<string, string> | undefined;
  filesFolder: string;
  files: readonly RunFile[] | undefined;
}

function toolResult(block: ContentBlock, step: string, sink: Sink): string {
  const { outputs, files } = sink;
  const content = asObject(block.content);
  const type = String(content.type ?? '');
  if (type.endsWith('_error')) {
    return l10n.t('**Tool error:** {0}', code(String(content.error_code ?? type)));
  }
  const parts: string[] = [];
  if (type === 'encrypted_code_execution_result') parts.push(l10n.t('**stdout:** *(encrypted output)*'));
  if (typeof content.stdout === 'string' && content.stdout) {
    parts.push(output(OUTPUT_LABELS.stdout(), content.stdout, `output/${step}-stdout.txt`, outputs));
  }
  if (typeof content.stderr === 'string' && content.stderr) {
    parts.push(output(OUTPUT_LABELS.stderr(), content.stderr, `output/${step}-stderr.txt`, outputs));
  }
  if (type === 'text_editor_code_execution_view_result' && typeof content.content === 'string') {
    parts.push(output(OUTPUT_LABELS.file(), content.content, `output/${step}-view.txt`, outputs));
  } else if (type.startsWith('text_editor_code_execution')) {
    parts.push(fenced(JSON.stringify(content, null, 2), 'json'));
  }
  if (typeof content.return_code === 'number') parts.push(l10n.t('Return code: {0}', content.return_code));
  const produced = Array.isArray(content.content)
    ? (content.content as { file_id?: unknown }[]).filter((o) => typeof o?.file_id === 'string')
    : [];
  if (produced.length > 0) {
    const names = produced.map((o) => {
      const file = files?.find((f) => f.fileId === o.file_id);
      return file ? fileLink(file, sink.filesFolder) : code(String(o.file_id));
    });
    parts.push(l10n.t('Produced: {0}', formatList(names, 'unit')));
  }
  return parts.join('\n\n') || l10n.t('*(no output)*');
}

function fileLink(file: RunFile, folder: string): string {
  return file.data ? `[${escapeInline(file.name)}](${linkTarget(`${folder}/${file.name}`)})` : escapeInline(file.name);
}

function block(block: ContentBlock, step: string, sink: Sink) {
  // The assembler refuses such blocks; a view built some other way still renders.
  if (!isBlock(block)) return l10n.t('**A block that is not one:** *(not shown)*');
  switch (block.type) {
    case 'text':
      return safeMarkdown(String(block.text ?? ''));
    case 'thinking':
      return quote(l10n.t('*Thinking:* {0}', safeMarkdown(String(block.thinking ?? ''))));
    case 'redacted_thinking':
      return quote(l10n.t('*Thinking (redacted)*'));
    case 'server_tool_use':
    case 'tool_use':
      return toolUse(block);
    default:
      if (block.type.endsWith('_tool_result')) return toolResult(block, step, sink);
      return `${l10n.t('**A block of a type this version does not know:** {0}', code(block.type))}\n\n${fenced(JSON.stringify(block, null, 2), 'json')}`;
  }
}

const size = (bytes: number | undefined) => (bytes === undefined ? '' : formatBytes(bytes));

function filesSection(view: RunView, folder: string): string | undefined {
  if (view.fetchingFiles) return `${filesHeading()}\n\n${l10n.t('Fetching {0}…', plural(view.fetchingFiles, 'file'))}`;
  if (!view.files || view.files.length === 0) return undefined;
  const rows = view.files.map((file) => {
    const facts = [size(file.sizeBytes), file.mimeType].filter(Boolean).join(', ');
    return `- ${fileLink(file, folder)}${facts ? ` (${facts})` : ''}${file.note ? ` — ${escapeInline(file.note)}` : ''}`;
  });
  const save = view.transcript ? '' : `\n\n${l10n.t("Save them with **Save Run Files…** in this editor's title bar.")}`;
  return `${filesHeading()}\n\n${rows.join('\n')}${save}`;
}

const filesHeading = () => l10n.t('## Files');

/** What each stop reason means; the reason itself is the API's word and stays as it is. */
const STOP_REASONS: Readonly<Record<string, () => string>> = {
  end_turn: () => l10n.t('end_turn (the answer is complete)'),
  max_tokens: () =>
    l10n.t('max_tokens: the answer was cut at the token cap. Raise `claudeSkills.tryMaxTokens` for a longer answer.'),
  refusal: () => l10n.t('refusal: Claude declined to answer this prompt.'),
  pause_turn: () => l10n.t('pause_turn (the model paused a long turn)'),
  stop_sequence: () => 'stop_sequence',
  tool_use: () => 'tool_use',
};

function usageOf(turns: readonly RunTurn[]): string {
  const sum = (key: string) => turns.reduce((total, t) => total + (Number((t.message?.usage ?? {})[key]) || 0), 0);
  return l10n.t('{0} in, {1} out', formatNumber(sum('input_tokens')), formatNumber(sum('output_tokens')));
}

function footer(view: RunView): string {
  const last = view.turns[view.turns.length - 1]?.message;
  const ran = [...view.turns]
    .reverse()
    .map((t) => containerOf(t.message))
    .find((c) => c?.skills);
  const versions = (ran?.skills ?? []).map((s) => `${code(String(s.skill_id))} ${code(String(s.version))}`);
  const stop = last?.stop_reason ?? undefined;
  const requestIds = view.turns.map((t) => t.requestId).filter((id): id is string => Boolean(id));
  const rows = [
    l10n.t('**Model:** {0} (max_tokens {1})', code(last?.model ?? view.model), view.maxTokens),
    view.skillId === undefined
      ? l10n.t('**Skill:** none attached (a run without a skill)')
      : l10n.t(
          '**Skill version that ran:** {0} (asked for {1} {2})',
          versions.length ? formatList(versions, 'unit') : l10n.t('not reported'),
          code(view.skillId),
          code(view.askedVersion ?? 'latest'),
        ),
    l10n.t('**Tokens:** {0}', usageOf(view.turns)),
    l10n.t(
      '**Stop reason:** {0}',
      stop ? (Object.hasOwn(STOP_REASONS, stop) ? STOP_REASONS[stop]() : code(String(stop))) : l10n.t('none'),
    ),
  ];
  if (view.ended?.tool) rows.push(l10n.t('**Code execution tool:** {0}', code(view.ended.tool)));
  if (view.turns.length > 1) rows.push(l10n.t('**Turns:** {0} (continued after pause_turn)', view.turns.length));
  if (view.ended?.pausedAtLimit) {
    rows.push(l10n.t('**Stopped:** the model still paused after {0} continuations.', MAX_CONTINUATIONS));
  }
  rows.push(
    l10n.t('**Request ids:** {0}', requestIds.length ? formatList(requestIds.map(code), 'unit') : l10n.t('none')),
  );
  return rows.join('  \n');
}

export function renderRun(view: RunView): RenderedRun {
  const outputs = new Map<string, string>();
  const sink: Sink = {
    outputs: view.transcript ? undefined : outputs,
    filesFolder: view.transcript?.filesFolder ?? 'files',
    files: view.files,
  };
  const parts = [l10n.t('# {0}: {1}', escapeInline(view.heading ?? l10n.t('Try in Claude')), escapeInline(view.title))];
  if (view.notice) parts.push(`> **${escapeInline(view.notice)}**`);
  parts.push(`${l10n.t('**Prompt**')}\n\n${quote(view.prompt)}`);
  parts.push(l10n.t('## Answer'));
  let step = 0;
  const blocks = view.turns.flatMap((t) => (Array.isArray(t.message?.content) ? t.message.content : []));
  for (const b of blocks) {
    if (b?.type === 'server_tool_use' || b?.type === 'tool_use') step++;
    parts.push(block(b, String(step), sink));
  }
  if (blocks.length === 0 && !view.ended) parts.push(l10n.t('*Waiting for the answer…*'));
  if (!view.ended) parts.push(l10n.t('*Streaming…*'));
  const files = filesSection(view, sink.filesFolder);
  if (files) parts.push(files);
  if (view.ended) {
    parts.push('---', footer(view));
    if (view.ended.error) {
      const error = view.ended.error;
      parts.push(
        error.kind === 'cancelled'
          ? l10n.t('**Cancelled.** What came before the cancel is above.')
          : l10n.t('**Error:** {0}', escapeInline(describeError(error))),
      );
    }
  }
  // Outputs and names are the server's too: no `file://` in them may read as a link in the text editor.
  return { markdown: defangSchemes(parts.join('\n\n') + '\n'), outputs };
}
