// The emulator's stand-in for a model: deterministic answers chosen by a token in the prompt, so that each
// thing Try in Claude must handle can be asked for. Without a token it answers as a skill run usually does:
// text naming the skill version mounted, one code execution step that reads SKILL.md and writes a file,
// and a closing text. Which skill it reads is the emulator's documented rule, so that trigger evals can be
// played: the first attached skill whose description shares a word with the prompt — a word of five or
// more letters, two words the same when their first five letters are ("summarize" meets "Summarizes") —
// and none when no description does (then it answers without a skill). The tokens of the other scenarios
// keep to the first attached skill: they test the stream, not the choice. Files uploaded to the container
// (`container_upload` blocks) are named in its first text. The same request always gets the same answer
// (ids included), so the official SDK and the extension can read the same run. It is a test double: its
// text says so.
import { createHash } from 'node:crypto';
import type { VersionRecord } from './store';

/** The tokens a prompt may hold, each asking for one scenario. */
export const SCENARIOS = [
  'pause',
  'pause-forever',
  'bytes',
  'text-editor',
  'tool-error',
  'error',
  'max-tokens',
  'refusal',
  'unknown-block',
  'stall',
  'hostile-files',
  'backticks',
  'hostile-links',
  'long',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number] | 'default';

export interface MountedSkill {
  type: string;
  skill_id: string;
  /** The version that really runs: `latest` resolved. */
  version: string;
  record: VersionRecord;
}

export interface ProducedFile {
  id: string;
  filename: string;
  mimeType: string;
  data: Buffer;
  downloadable: boolean;
  expiresAt: string | null;
}

export interface ScriptedTurn {
  content: Record<string, unknown>[];
  stopReason: string;
  files: ProducedFile[];
  /** How the stream goes out: bytes per write (0: one event per write), an error event, or silence. */
  chunkBytes: number;
  errorMidStream: boolean;
  stall: boolean;
  /** A wait between events, as a model generating: a reader that stops early is then seen to. */
  paceMs?: number;
}

export function scenarioOf(prompt: string): ScenarioName {
  return SCENARIOS.find((name) => prompt.includes(`[${name}]`)) ?? 'default';
}

/** A stable id of `length` characters from what makes the request what it is. */
export function stableId(prefix: string, ...parts: string[]): string {
  return prefix + createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 24);
}

/** A word's key under the rule: its first five letters, lower case; words shorter than five do not count. */
function wordKeys(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{5,}/gu) ?? []).map((word) => word.slice(0, 5)));
}

/** The skill a prompt makes the executor read: the first whose description shares a word with it. */
export function skillFor(prompt: string, skills: readonly MountedSkill[]): MountedSkill | undefined {
  const asked = wordKeys(prompt);
  return skills.find((skill) => [...wordKeys(skill.record.description)].some((key) => asked.has(key)));
}

function skillMdOf(skill: MountedSkill): string {
  const file = skill.record.files.find((f) => f.path === 'SKILL.md');
  return file ? file.data.toString('utf8') : '';
}

/** What the step's script derives from SKILL.md: the name, description and size of the skill. */
function summaryOf(skill: MountedSkill): string {
  const text = skillMdOf(skill);
  const heading = text.split('\n').find((line) => line.startsWith('# ')) ?? '(no heading)';
  return [
    `# Summary of ${skill.record.name}`,
    '',
    `- version: ${skill.version}`,
    `- description: ${skill.record.description}`,
    `- SKILL.md: ${text.split('\n').length} lines, first heading "${heading.replace(/^# /, '')}"`,
    `- files: ${skill.record.files.map((f) => f.path).join(', ')}`,
    '',
  ].join('\n');
}

const text = (value: string) => ({ type: 'text', text: value, citations: null });

function bashStep(
  id: string,
  command: string,
  result: { stdout: string; stderr?: string; returnCode?: number; fileIds?: string[] } | { errorCode: string },
): Record<string, unknown>[] {
  const use = {
    type: 'server_tool_use',
    id,
    name: 'bash_code_execution',
    input: { command },
    caller: { type: 'direct' },
  };
  const content =
    'errorCode' in result
      ? { type: 'bash_code_execution_tool_result_error', error_code: result.errorCode }
      : {
          type: 'bash_code_execution_result',
          stdout: result.stdout,
          stderr: result.stderr ?? '',
          return_code: result.returnCode ?? 0,
          content: (result.fileIds ?? []).map((file_id) => ({ type: 'bash_code_execution_output', file_id })),
        };
  return [use, { type: 'bash_code_execution_tool_result', tool_use_id: id, content }];
}

function file(seed: string, filename: string, data: string, extra: Partial<ProducedFile> = {}): ProducedFile {
  return {
    id: stableId('file_011C', seed, filename, String(extra.downloadable ?? true)),
    filename,
    mimeType: filename.endsWith('.md') ? 'text/markdown' : 'text/plain',
    data: Buffer.from(data),
    downloadable: true,
    expiresAt: null,
    ...extra,
  };
}

/** The first text of a run: the double says what it is, what is mounted, and which uploads it sees. */
function introOf(skills: readonly MountedSkill[], uploads: readonly ProducedFile[], then: string) {
  const mounted = skills.map((s) => `${s.record.name} (${s.skill_id}, version ${s.version})`).join(', ');
  const inputs = uploads.map((f) => `${f.filename} (${f.data.length} bytes)`).join(', ');
  return text(
    [
      '[Emulator: a scripted test double, not Claude.]',
      mounted ? `The container has ${mounted} mounted.` : 'The container has no skill mounted.',
      inputs ? `Input files in the container: ${inputs}.` : '',
      then,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** An answer that reads no skill: what a run of a prompt no attached description matches looks like. */
function withoutSkill(skills: readonly MountedSkill[], uploads: readonly ProducedFile[], toolId: string): ScriptedTurn {
  const why = skills.length
    ? 'No attached skill’s description shares a word of five or more letters with the prompt, so no SKILL.md is read.'
    : 'Answering without a skill.';
  return {
    content: [
      introOf(skills, uploads, why),
      ...bashStep(toolId, 'python3 -c "print(\'answered without a skill\')"', { stdout: 'answered without a skill\n' }),
      text('Done, without a skill.'),
    ],
    stopReason: 'end_turn',
    files: [],
    chunkBytes: 0,
    errorMidStream: false,
    stall: false,
  };
}

/** Scenarios whose skill is chosen by the rule; the others test the stream with the first attached skill. */
const CHOOSING: readonly ScenarioName[] = ['default', 'text-editor', 'long'];

/**
 * The answer to turn `turn` (0 for the first request, 1 after one `pause_turn`, …) of a run of `prompt`
 * with `skills` mounted and `uploads` in the container; `seed` makes its ids (the request without its
 * container id).
 */
export function scriptedTurn(
  prompt: string,
  skills: MountedSkill[],
  turn: number,
  seed: string,
  uploads: readonly ProducedFile[] = [],
): ScriptedTurn {
  const scenario = scenarioOf(prompt);
  const toolId = (n: number) => stableId('srvtoolu_011C', seed, String(turn), String(n));
  const skill = CHOOSING.includes(scenario) ? skillFor(prompt, skills) : skills[0];
  if (!skill) return withoutSkill(skills, uploads, toolId(0));
  const intro = introOf(skills, uploads, 'Reading SKILL.md now.');
  const summary = file(seed, 'summary.md', summaryOf(skill));
  const step = bashStep(toolId(1), `cat /skills/${skill.record.name}/SKILL.md | python3 summarize.py > summary.md`, {
    stdout: summaryOf(skill).split('\n').slice(0, 3).join('\n') + '\n',
    fileIds: [summary.id],
  });
  const closing = text(`Done: summary.md describes version ${skill.version} of ${skill.record.name}.`);
  const base: ScriptedTurn = {
    content: [intro, ...step, closing],
    stopReason: 'end_turn',
    files: [summary],
    chunkBytes: 0,
    errorMidStream: false,
    stall: false,
  };
  switch (scenario) {
    case 'default':
      return base;
    case 'long': {
      // A long answer after the step, generated over time: what a trigger run that stops at the read
      // does not pay for.
      const report = Array.from({ length: 100 }, (_, i) =>
        text(
          Array.from({ length: 4 }, (_, j) => `Line ${i * 4 + j + 1} of the report on ${skill.record.name}.`).join(
            '\n',
          ),
        ),
      );
      return { ...base, content: [intro, ...step, ...report, closing], paceMs: 1 };
    }
    case 'pause':
      return turn === 0
        ? { ...base, content: [intro, ...step], stopReason: 'pause_turn' }
        : { ...base, content: [closing], files: [] };
    case 'pause-forever':
      return { ...base, content: [text(`Still working (turn ${turn + 1}).`)], files: [], stopReason: 'pause_turn' };
    case 'bytes':
      return {
        ...base,
        content: [text('Naïve café, 日本語, emoji 🎉 and ŝkïll — split a byte at a time.'), ...step],
        chunkBytes: 1,
      };
    case 'text-editor':
      return {
        ...base,
        files: [],
        content: [
          intro,
          {
            type: 'server_tool_use',
            id: toolId(2),
            name: 'text_editor_code_execution',
            input: { command: 'view', path: `/skills/${skill.record.name}/SKILL.md` },
            caller: { type: 'direct' },
          },
          {
            type: 'text_editor_code_execution_tool_result',
            tool_use_id: toolId(2),
            content: {
              type: 'text_editor_code_execution_view_result',
              content: skillMdOf(skill),
              file_type: 'text',
              num_lines: skillMdOf(skill).split('\n').length,
              start_line: 1,
              total_lines: skillMdOf(skill).split('\n').length,
            },
          },
          closing,
        ],
      };
    case 'tool-error':
      return {
        ...base,
        files: [],
        content: [intro, ...bashStep(toolId(3), 'sleep 100000', { errorCode: 'execution_time_exceeded' }), closing],
      };
    case 'error':
      return { ...base, content: [intro], files: [], errorMidStream: true };
    case 'max-tokens':
      return {
        ...base,
        content: [intro, text('The answer was cut here because')],
        files: [],
        stopReason: 'max_tokens',
      };
    case 'refusal':
      return { ...base, content: [text('I can’t help with that.')], files: [], stopReason: 'refusal' };
    case 'unknown-block':
      return {
        ...base,
        files: [],
        content: [intro, { type: 'future_widget', widget: { kind: 'gauge', value: 42 } }, closing],
      };
    case 'stall':
      return { ...base, content: [intro], files: [], stall: true };
    case 'hostile-files': {
      const names = [
        '../../.bashrc',
        'C:\\Windows\\evil.bat',
        '\\\\server\\share\\x.txt',
        'bell\u0007.txt',
        'report.txt',
        'report.txt',
      ];
      const files = [
        ...names.map((name, i) => file(seed, name, `file ${i}\n`, { id: stableId('file_011C', seed, String(i)) })),
        file(seed, 'locked.bin', 'x', { downloadable: false }),
        file(seed, 'old.txt', 'old', { expiresAt: '2020-01-01T00:00:00Z' }),
      ];
      return {
        ...base,
        files,
        content: [intro, ...bashStep(toolId(4), 'make files', { stdout: 'made\n', fileIds: files.map((f) => f.id) })],
      };
    }
    case 'hostile-links':
      return {
        ...base,
        files: [],
        content: [
          text(
            [
              'Hostile text: [Click me](command:workbench.action.terminal.new) and [read](file:///etc/passwd),',
              '<command:autolink>, <a href="command:x">html</a>, ![beacon](https://tracker.invalid/p.png),',
              '<script>alert(1)</script>, bare file:///etc/hosts, and [a fine link](https://docs.anthropic.com/).',
              '',
              '[ref]: command:workbench.action.quit',
            ].join('\n'),
          ),
        ],
      };
    case 'backticks': {
      const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`);
      return {
        ...base,
        files: [],
        content: [
          intro,
          ...bashStep(toolId(5), 'printf "```\\n````\\n"; seq 60', {
            stdout: '```\n````` inside\n' + lines.join('\n') + '\n',
            stderr: 'warning: ``` in stderr\n',
            returnCode: 2,
          }),
        ],
      };
    }
  }
}
