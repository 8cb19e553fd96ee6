// Whether a model chose a skill: on the Messages API its files sit in the container under
// `/skills/<directory>/`, and choosing it means reading its SKILL.md there (shared/evals.md). Which tool
// shape the model uses, and whether <directory> is the skill's name or its uploaded top folder, is
// UNVERIFIED: every shape and both names count, and the whole answer is read, not its first step.
import type { ContentBlock, StreamedMessage } from '../api/messageStream';

/** Each code execution tool, and the field of its input that can name a file. */
const TOOL_INPUTS: Record<string, (input: Record<string, unknown>) => unknown> = {
  bash_code_execution: (input) => input.command,
  text_editor_code_execution: (input) => (input.command === 'view' ? input.path : undefined),
  code_execution: (input) => input.code,
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher of `/skills/…/<dir>/SKILL.md` for any of the directory names (empty ones ignored). */
export function skillMdPattern(directories: readonly string[]): RegExp | undefined {
  const names = [...new Set(directories.filter((d) => d && !d.includes('/')))].map(escapeRegExp);
  if (names.length === 0) return undefined;
  return new RegExp(`/skills/(?:[^\\s'"\`/]+/)*(?:${names.join('|')})/SKILL\\.md(?![\\w.])`);
}

/** Whether one content block is a code execution step that reads the skill's SKILL.md. */
export function readsSkillMd(block: ContentBlock, pattern: RegExp): boolean {
  if (block.type !== 'server_tool_use' || typeof block.name !== 'string') return false;
  const field = TOOL_INPUTS[block.name];
  const input = block.input;
  if (!field || typeof input !== 'object' || input === null) return false;
  const text = field(input as Record<string, unknown>);
  return typeof text === 'string' && pattern.test(text);
}

export function triggeredIn(message: Pick<StreamedMessage, 'content'> | undefined, pattern: RegExp): boolean {
  return message?.content.some((block) => readsSkillMd(block, pattern)) ?? false;
}

/** A query's trigger rate and whether it counts as triggered (skill-creator's threshold: half the runs). */
export function triggerVerdict(
  triggered: readonly boolean[],
  shouldTrigger: boolean,
): { rate: number; triggered: boolean; passed: boolean } {
  const rate = triggered.length === 0 ? 0 : triggered.filter(Boolean).length / triggered.length;
  const counts = rate >= 0.5;
  return { rate, triggered: counts, passed: triggered.length > 0 && counts === shouldTrigger };
}
