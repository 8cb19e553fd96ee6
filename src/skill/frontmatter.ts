// SKILL.md's YAML frontmatter, parsed with the `yaml` package so every key keeps its line number.
import * as l10n from '@vscode/l10n';
import { LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import type { ProblemFix, RuleId, SkillProblem } from './problems';
import { applyEdits, LineIndex } from './textRegions';

export const SKILL_MD = 'SKILL.md';

/** Where a top-level key and its value are in SKILL.md's text, as offsets. */
export interface FrontmatterEntry {
  keyStart: number;
  keyEnd: number;
  /** The value's own text (no comment after it); absent for a key with no value. */
  value?: { start: number; end: number };
  /** Where the entry's last line ends, its line break included: what removing the entry removes up to. */
  end: number;
}

export interface ParsedSkillMd {
  /** The frontmatter's keys and values; undefined when there is none or it is not a YAML mapping. */
  data: Record<string, unknown> | undefined;
  /** The line in SKILL.md of each top-level key. */
  keyLines: ReadonlyMap<string, number>;
  /** Each top-level key's place; empty when `data` is undefined. */
  entries: ReadonlyMap<string, FrontmatterEntry>;
  /** The text parsed (at most FRONTMATTER_WINDOW of it), for regions and fixes. */
  index: LineIndex;
  problems: SkillProblem[];
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;
/** A closing line with more on it, such as `--- # end`: YAML would not end the frontmatter there. */
const CLOSING_WITH_MORE = /^---[ \t]*\S.*$/m;
/** The frontmatter is looked for in this much of SKILL.md: its body may be long, its frontmatter is not. */
export const FRONTMATTER_WINDOW = 256 * 1024;
/** YAML aliases (`*name`) allowed: a SKILL.md needs none; many are a "billion laughs" bomb. */
const MAX_ALIASES = 100;

function problem(message: string, line = 1, fixes?: ProblemFix[], rule: RuleId = 'frontmatter'): SkillProblem {
  return { rule, severity: 'error', message, file: SKILL_MD, line, ...(fixes && fixes.length > 0 ? { fixes } : {}) };
}

/** What is wrong with SKILL.md's bytes before any text is read from them: an encoding the API cannot read. */
export function encodingProblem(head: Uint8Array): SkillProblem | undefined {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16 || head.subarray(0, 4096).includes(0)) {
    return problem(
      l10n.t('SKILL.md is saved as UTF-16 (or holds NUL bytes): save it as UTF-8.'),
      1,
      undefined,
      'skill-md',
    );
  }
  return undefined;
}

/** Line breaks YAML and the API would not read as the author meant. */
function lineBreakProblem(index: LineIndex): SkillProblem | undefined {
  const { text } = index;
  if (text.includes('\r') && !text.includes('\n')) {
    return problem(
      l10n.t('SKILL.md uses old Mac line endings (CR alone): save it with LF (or CRLF) line endings.'),
      1,
      undefined,
      'skill-md',
    );
  }
  const separator = /[\u2028\u2029]/.exec(text);
  if (separator) {
    const line = text.slice(0, separator.index).split('\n').length;
    const name = separator[0] === '\u2028' ? l10n.t('LINE SEPARATOR (U+2028)') : l10n.t('PARAGRAPH SEPARATOR (U+2029)');
    const edits = [...text.matchAll(/[\u2028\u2029]/g)].map((m) => ({
      region: index.region(m.index, m.index + 1),
      newText: '\n',
    }));
    return problem(
      l10n.t('SKILL.md holds a Unicode {0} on line {1}: replace it with a normal line break.', name, line),
      line,
      [{ title: l10n.t('Replace the Unicode separators with line breaks'), edits }],
      'skill-md',
    );
  }
  return undefined;
}

/** A YAML line of a frontmatter that is not closed: a key, a value's continuation, a comment. */
const YAML_KEY = /^[A-Za-z0-9_"'][^:\n]*:(?:[ \t]|$)/;
const YAML_LINE = new RegExp(`${YAML_KEY.source}|^[ \\t]+\\S|^[ \\t]*#`);

/**
 * The closing line put where the YAML seems to end (its last line of keys, continuations and comments
 * before anything else), offered only when the frontmatter then parses without a problem.
 */
function closingFix(index: LineIndex, yamlStart: number): ProblemFix[] {
  const { text } = index;
  // A first line that is no key (`# Title` reads as a comment) says the frontmatter was never begun as one.
  const firstLineEnd = text.indexOf('\n', yamlStart);
  if (!YAML_KEY.test(text.slice(yamlStart, firstLineEnd === -1 ? undefined : firstLineEnd).replace(/\r$/, '')))
    return [];
  let at = yamlStart;
  while (at < text.length) {
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(at, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
    if (!YAML_LINE.test(line)) break;
    at = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  if (at === yamlStart) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const newText = at === text.length && !text.endsWith('\n') ? `${eol}---${eol}` : `---${eol}`;
  const edit = { region: index.region(at, at), newText };
  const fixed = parseSkillMd(applyEdits(text, [edit]));
  return fixed.data && fixed.problems.length === 0
    ? [{ title: l10n.t('Close the frontmatter with "---"'), edits: [edit] }]
    : [];
}

/** Parses the frontmatter of SKILL.md's text. Never throws: what is wrong comes back as problems. */
export function parseSkillMd(fullText: string): ParsedSkillMd {
  const text = fullText.length > FRONTMATTER_WINDOW ? fullText.slice(0, FRONTMATTER_WINDOW) : fullText;
  const index = new LineIndex(text);
  const none = (p: SkillProblem): ParsedSkillMd => ({
    data: undefined,
    keyLines: new Map(),
    entries: new Map(),
    index,
    problems: [p],
  });
  const breaks = lineBreakProblem(index);
  if (breaks) return none(breaks);
  const opening = OPENING.exec(text);
  if (!opening) {
    return none(
      problem(
        l10n.t(
          'SKILL.md must start with YAML frontmatter: a first line "---", then "name:" and "description:", then a line "---".',
        ),
      ),
    );
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    const withMore = CLOSING_WITH_MORE.exec(rest);
    if (withMore) {
      const start = opening[0].length + withMore.index;
      const line = index.position(start).line;
      const split = {
        region: index.region(start + 3, start + 3 + (/^[ \t]*/.exec(withMore[0].slice(3))?.[0].length ?? 0)),
        newText: text.includes('\r\n') ? '\r\n' : '\n',
      };
      return none(
        problem(
          l10n.t(
            'The line that closes the frontmatter must be "---" alone: "{0}" has more on it. Move the rest to a line of its own.',
            withMore[0].trim(),
          ),
          line,
          [{ title: l10n.t('Move what follows "---" to a line of its own'), edits: [split] }],
        ),
      );
    }
    const where = fullText.length > FRONTMATTER_WINDOW ? l10n.t(' in the first {0} KB', FRONTMATTER_WINDOW / 1024) : '';
    return none(
      problem(
        l10n.t('The frontmatter is never closed{0}: add a line "---" after its last key.', where),
        1,
        closingFix(index, opening[0].length),
      ),
    );
  }
  const yamlText = rest.slice(0, closing.index);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Lines inside the YAML count from the line after the opening `---`.
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + 1;
  const [yamlError] = doc.errors;
  if (yamlError) {
    const reason = yamlError.message.replace(/ at line \d+, column \d+.*$/s, '');
    // The parser notices a problem where it gives up (an unclosed quote: at the end); point at the entry it was in.
    const keyStarts = isMap(doc.contents)
      ? doc.contents.items.flatMap((pair) => (isScalar(pair.key) && pair.key.range ? [pair.key.range[0]] : []))
      : [];
    const entryStart = keyStarts.filter((start) => start <= yamlError.pos[0]).pop() ?? yamlError.pos[0];
    return none(problem(l10n.t('The frontmatter is not valid YAML: {0}.', reason), lineOf(entryStart)));
  }
  if (!isMap(doc.contents)) {
    return none(
      problem(
        l10n.t('The frontmatter must be YAML keys and values, such as "name: my-skill" and "description: …".'),
        2,
      ),
    );
  }
  const keyLines = new Map<string, number>();
  const entries = new Map<string, FrontmatterEntry>();
  const base = opening[0].length;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    keyLines.set(key, lineOf(pair.key.range[0]));
    const valueRange = isNode(pair.value) ? pair.value.range : undefined;
    const last = valueRange ? Math.max(valueRange[1], pair.key.range[1]) : pair.key.range[1];
    const lineEnd = text.indexOf('\n', base + last - (last > 0 && yamlText[last - 1] === '\n' ? 1 : 0));
    entries.set(key, {
      keyStart: base + pair.key.range[0],
      keyEnd: base + pair.key.range[1],
      ...(valueRange ? { value: { start: base + valueRange[0], end: base + valueRange[1] } } : {}),
      end: lineEnd === -1 ? base + yamlText.length : lineEnd + 1,
    });
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>;
  } catch {
    return none(
      problem(
        l10n.t(
          'The frontmatter uses YAML aliases (*name) more than {0} times, as a "billion laughs" attack does: write the values out instead.',
          MAX_ALIASES,
        ),
        2,
      ),
    );
  }
  return { data, keyLines, entries, index, problems: [] };
}
