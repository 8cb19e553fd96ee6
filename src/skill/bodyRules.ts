// Checks of SKILL.md's body, on its text alone (cheap enough to run while it is typed): its size against
// the Agent Skills specification's advice (under 500 lines and about 5,000 tokens: agentskills.io,
// "Progressive disclosure"), and the files it points to — Markdown links, and paths in backticks that look
// like files in the skill's own folders — which must be among the files an upload carries, inside the
// folder, and, for documents, at most one folder deep (the same page: "Keep file references one level deep
// from SKILL.md"). Code blocks are not read: what they hold is an example, not a reference. Advice only: no
// consumer refuses these.
import * as l10n from '@vscode/l10n';
import { SKILL_MD } from './frontmatter';
import type { ProblemFix, RuleId, SkillProblem } from './problems';
import { formatNumber, plural } from '../shared/words';

export const BODY_MAX_LINES = 500;
export const BODY_MAX_TOKENS = 5000;
/** References looked at, at most: a body with more is a table of contents, checked in part. */
const MAX_REFERENCES = 500;

/** About how many tokens a text is: a quarter of its characters, the usual estimate for English prose. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The 0-based index of the body's first line: after the frontmatter's closing `---`, else 0. */
function bodyStart(lines: readonly string[]): number {
  if (!/^\uFEFF?---[ \t]*\r?$/.test(lines[0] ?? '')) return 0;
  const closing = lines.findIndex((line, i) => i > 0 && /^---[ \t]*\r?$/.test(line));
  return closing === -1 ? lines.length : closing + 1;
}

const MARKDOWN_LINK = /!?\[[^\]\n]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"\n]*")?\s*\)/g;
const INLINE_CODE = /`([^`\n]+)`/g;
/** What a path to one of the skill's files looks like in backticks: no spaces, a file extension. */
const FILE_LIKE = /^(?:\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.[A-Za-z0-9]{1,8}$/;

interface Reference {
  target: string;
  line: number;
  /** 1-based column of the target's first character. */
  column: number;
  /** Found in backticks: a guess, checked only when it starts in one of the skill's folders (or `./`). */
  guessed: boolean;
}

function references(lines: readonly string[], from: number): Reference[] {
  const found: Reference[] = [];
  let fence: string | undefined;
  for (let i = from; i < lines.length && found.length < MAX_REFERENCES; i++) {
    const line = lines[i];
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined) continue;
    for (const match of line.matchAll(MARKDOWN_LINK)) {
      const column = match.index + match[0].indexOf(match[1], 1) + 1;
      found.push({ target: match[1], line: i + 1, column, guessed: false });
    }
    for (const match of line.matchAll(INLINE_CODE)) {
      if (FILE_LIKE.test(match[1]) && match[1].includes('/'))
        found.push({ target: match[1], line: i + 1, column: match.index + 2, guessed: true });
    }
  }
  return found;
}

/** The reference as a path inside the folder, or why it is not one to check (a URL, an anchor). */
function pathOf(target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return undefined;
  let path = target.split('#')[0].split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // Left as written: a stray % is part of the name.
  }
  return path || undefined;
}

/** `a/./b/../c` → `a/c`; undefined when it climbs out of the folder. */
function normalized(path: string): string | undefined {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

const advice = (
  message: string,
  at: number | Pick<Reference, 'line' | 'column' | 'target'>,
  rule: RuleId,
  fixes?: ProblemFix[],
): SkillProblem => ({
  severity: 'warning',
  message,
  file: SKILL_MD,
  line: typeof at === 'number' ? at : at.line,
  ...(typeof at === 'number'
    ? {}
    : { region: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + at.target.length } }),
  rule,
  ...(fixes ? { fixes } : {}),
});

/**
 * The body's problems. `files` are the paths an upload carries (relative, with `/`); `complete` is false
 * when only the head of SKILL.md was read, so its size is a lower bound.
 */
export function bodyProblems(text: string, files: ReadonlySet<string>, complete = true): SkillProblem[] {
  const lines = text.split('\n');
  const from = bodyStart(lines);
  const problems: SkillProblem[] = [];
  const bodyLines = Math.max(0, lines.length - from - (lines[lines.length - 1] === '' ? 1 : 0));
  const tokens = estimateTokens(lines.slice(from).join('\n'));
  if (bodyLines > BODY_MAX_LINES || tokens > BODY_MAX_TOKENS) {
    const size = [
      plural(bodyLines, 'line'),
      formatNumber(tokens),
      formatNumber(BODY_MAX_LINES),
      formatNumber(BODY_MAX_TOKENS),
    ];
    problems.push(
      advice(
        complete
          ? l10n.t(
              "SKILL.md's body is {0}, about {1} tokens: the Agent Skills specification advises under {2} lines and about {3} tokens, since all of it loads when the skill is used. Move detail into files it links to.",
              ...size,
            )
          : l10n.t(
              "SKILL.md's body is at least {0}, about {1} tokens: the Agent Skills specification advises under {2} lines and about {3} tokens, since all of it loads when the skill is used. Move detail into files it links to.",
              ...size,
            ),
        from + 1,
        'body-budget',
      ),
    );
  }
  const directories = new Set(
    [...files].flatMap((f) =>
      f
        .split('/')
        .slice(0, -1)
        .map((_, i, all) => all.slice(0, i + 1).join('/')),
    ),
  );
  const topFolders = new Set([...files].filter((f) => f.includes('/')).map((f) => f.split('/')[0]));
  for (const reference of references(lines, from)) {
    const { target, guessed } = reference;
    const path = pathOf(target);
    if (path === undefined) continue;
    // A path in backticks may be one of the user's (`word/document.xml` inside a .docx): only a path into
    // one of the skill's own folders, or one that says `./`, is taken for a reference.
    if (guessed && !path.startsWith('./') && !topFolders.has(path.split('/')[0])) continue;
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
      problems.push(
        advice(
          l10n.t(
            '"{0}" is an absolute path: a skill\'s files are read from wherever it is installed. Point to the file relative to SKILL.md.',
            target,
          ),
          reference,
          'reference-outside',
        ),
      );
      continue;
    }
    const inside = normalized(path);
    if (inside === undefined) {
      problems.push(
        advice(
          l10n.t(
            '"{0}" points outside the skill folder, which no upload carries: move the file into the folder.',
            target,
          ),
          reference,
          'reference-outside',
        ),
      );
      continue;
    }
    if (!files.has(inside) && !directories.has(inside)) {
      problems.push(
        advice(
          l10n.t(
            '"{0}" is not among the skill\'s files (a missing file, or one the excludes leave out): add it, or fix the path.',
            target,
          ),
          reference,
          'reference-missing',
          // A path that names a file (an extension): making it empty is what the author asked for next.
          /\.[A-Za-z0-9]{1,8}$/.test(inside) && !inside.split('/').some((s) => s.startsWith('.'))
            ? [{ title: l10n.t('Create "{0}"', inside), createFile: inside }]
            : undefined,
        ),
      );
      continue;
    }
    // Documents only: the advice is about chains of reads, and a script deep in a folder is run, not read.
    if (inside.split('/').length > 2 && /\.(md|markdown|txt)$/i.test(inside)) {
      problems.push(
        advice(
          l10n.t(
            '"{0}" is a document more than one folder deep: the Agent Skills specification advises references one level deep from SKILL.md, so a model finds them without a chain of reads.',
            target,
          ),
          reference,
          'reference-deep',
        ),
      );
    }
  }
  return problems;
}
