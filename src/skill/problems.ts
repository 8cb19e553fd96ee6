// What is wrong with a skill folder, said so that the author knows what to fix and where.

export interface SkillProblem {
  /** An error blocks publishing and packaging; a warning is shown but does not. */
  severity: 'error' | 'warning';
  message: string;
  /** The file it is about, relative to the skill folder with forward slashes (`SKILL.md` for the frontmatter). */
  file?: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** The rule that found it, for the checks that have an id. */
  rule?: string;
}

export function hasErrors(problems: readonly SkillProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** `SKILL.md:3: message` — the form a message or a log line shows a problem in. */
export function formatProblem(problem: SkillProblem): string {
  const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: ` : '';
  return `${where}${problem.message}`;
}
