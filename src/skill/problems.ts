// What the checks of a skill folder find, in one shape for the Problems panel, a publish's refusal and a
// command line's report (JSON, SARIF): the rule, who it is a problem for, where, and the edits that fix it.
import type { LintTarget } from './lintTargets';

/** Every check's id: a diagnostic's code, a row of the README's rules table. Changing one breaks users' filters. */
export const RULE_IDS = [
  'skill-md',
  'frontmatter',
  'name',
  'name-folder',
  'description',
  'unknown-key',
  'compatibility',
  'metadata',
  'body-budget',
  'reference-missing',
  'reference-outside',
  'reference-deep',
  'files',
  'secret',
  'name-mismatch',
  'trigger-collision',
  'evals-file',
  'evals-skill-name',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** A stretch of a file's text as SARIF's region has it: lines and columns from 1, in UTF-16 units, the end excluded. */
export interface TextRegion {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface TextEdit {
  region: TextRegion;
  newText: string;
}

/** A change that certainly removes its problem: edits of the problem's file (in the text it was checked in), or a file made. */
export interface ProblemFix {
  title: string;
  edits?: readonly TextEdit[];
  /** An empty file to create, relative to the skill folder with `/`; never over one that exists. */
  createFile?: string;
  /** The skill folder renamed to this (its last segment), after the edits. */
  renameFolder?: string;
}

export interface SkillProblem {
  rule: RuleId;
  /** An error blocks publishing and packaging (and is where a target refuses); a warning is advice. */
  severity: 'error' | 'warning';
  message: string;
  /** The file it is about, relative to the skill folder with forward slashes (`SKILL.md` for the frontmatter). */
  file?: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** Exactly where in `file`, when known (`line` is its first line). */
  region?: TextRegion;
  /** The consumers it is a problem for, of those checked; absent when it is one for any (an unreadable file). */
  targets?: readonly LintTarget[];
  fixes?: readonly ProblemFix[];
}

export function hasErrors(problems: readonly SkillProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** `SKILL.md:3: message` — the form a message or a log line shows a problem in. */
export function formatProblem(problem: SkillProblem): string {
  const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: ` : '';
  return `${where}${problem.message}`;
}
