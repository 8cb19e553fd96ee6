// What the editor says of SKILL.md's frontmatter keys as they are written: a key's hover (what it does,
// which consumers take it and what the others do with it) and the keys to complete at a line's start.
import * as l10n from '@vscode/l10n';
import {
  FRONTMATTER_KEYS,
  LINT_TARGETS,
  UNKNOWN_KEY_VERDICT,
  capitalized,
  targetList,
  type LintTarget,
} from './lintTargets';

/** The frontmatter's lines are looked for in this many lines: a frontmatter is short, a body may not be. */
const MAX_FRONTMATTER_LINES = 500;
const KEY_LINE = /^([A-Za-z0-9_][\w.-]*)[ \t]*:/;

/** The 0-based lines between the opening and closing `---` (the closing excluded; to the window's end if none). */
function frontmatterLines(lines: readonly string[]): { from: number; to: number } | undefined {
  if (!/^\uFEFF?---[ \t]*\r?$/.test(lines[0] ?? '')) return undefined;
  const end = Math.min(lines.length, MAX_FRONTMATTER_LINES);
  for (let i = 1; i < end; i++) if (/^---[ \t]*\r?$/.test(lines[i])) return { from: 1, to: i };
  return { from: 1, to: end };
}

/** The top-level key written at `line` (0-based) when `character` is on it. */
export function keyAt(text: string, line: number, character: number): string | undefined {
  const lines = text.split('\n', MAX_FRONTMATTER_LINES + 1);
  const inside = frontmatterLines(lines);
  if (!inside || line < inside.from || line >= inside.to) return undefined;
  const key = KEY_LINE.exec(lines[line])?.[1];
  return key !== undefined && character <= key.length ? key : undefined;
}

const VERDICTS = ['refuses', 'may refuse', 'warns', 'ignores'] as const;

/** What consumers do with a key they do not know, as a sentence about `who` (one consumer, or `many`). */
function verdictSentence(verdict: (typeof VERDICTS)[number], who: string, many: boolean): string {
  switch (verdict) {
    case 'refuses':
      return many ? l10n.t('{0} refuse it.', who) : l10n.t('{0} refuses it.', who);
    case 'may refuse':
      return l10n.t('{0} may ignore or refuse it.', who);
    case 'warns':
      return many ? l10n.t('{0} warn on it.', who) : l10n.t('{0} warns on it.', who);
    case 'ignores':
      return many ? l10n.t('{0} ignore it.', who) : l10n.t('{0} ignores it.', who);
  }
}

/** Markdown for a key's hover: what it does, who takes it, what the others do; the checked consumers named. */
export function keyHover(key: string, checked: readonly LintTarget[]): string {
  const known = FRONTMATTER_KEYS[key];
  const takers = known?.targets ?? [];
  const others = LINT_TARGETS.filter((t) => !takers.includes(t));
  const lines = [known ? `**${key}** — ${known.about}` : l10n.t('**{0}**: a key no consumer documents.', key), ''];
  if (takers.length > 0) lines.push(l10n.t('Taken by {0}.', targetList(takers)), '');
  for (const verdict of VERDICTS) {
    const these = others.filter((t) => UNKNOWN_KEY_VERDICT[t] === verdict);
    if (these.length > 0) lines.push(capitalized(verdictSentence(verdict, targetList(these), these.length > 1)));
  }
  lines.push('', l10n.t('Checked here for {0} (`claudeSkills.lintTargets`).', targetList(checked)));
  return lines.join('\n');
}

export interface KeyCompletion {
  key: string;
  /** The consumers that take it. */
  takenBy: string;
  about: string;
}

/**
 * The keys to offer at `line`, `character` (0-based): at a top-level line's start inside the frontmatter,
 * the keys the checked consumers take that are not written yet; undefined elsewhere.
 */
export function keyCompletions(
  text: string,
  line: number,
  character: number,
  checked: readonly LintTarget[],
): KeyCompletion[] | undefined {
  const lines = text.split('\n', MAX_FRONTMATTER_LINES + 1);
  const inside = frontmatterLines(lines);
  if (!inside || line < inside.from || line >= Math.max(inside.to, inside.from + 1)) return undefined;
  if (!/^[\w-]*$/.test((lines[line] ?? '').slice(0, character))) return undefined;
  const written = new Set(
    lines.slice(inside.from, inside.to).flatMap((l, i) => {
      const key = i + inside.from === line ? undefined : KEY_LINE.exec(l)?.[1];
      return key === undefined ? [] : [key];
    }),
  );
  return Object.entries(FRONTMATTER_KEYS)
    .filter(([key, k]) => !written.has(key) && k.targets.some((t) => checked.includes(t)))
    .map(([key, k]) => ({ key, takenBy: targetList(k.targets), about: k.about }));
}
