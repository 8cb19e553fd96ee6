// SKILL.md's YAML frontmatter, parsed with the `yaml` package so every key keeps its line number.
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { SkillProblem } from './problems';

export const SKILL_MD = 'SKILL.md';

export interface ParsedSkillMd {
  /** The frontmatter's keys and values; undefined when there is none or it is not a YAML mapping. */
  data: Record<string, unknown> | undefined;
  /** The line in SKILL.md of each top-level key. */
  keyLines: ReadonlyMap<string, number>;
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

function problem(message: string, line = 1): SkillProblem {
  return { severity: 'error', message, file: SKILL_MD, line };
}

/** What is wrong with SKILL.md's bytes before any text is read from them: an encoding the API cannot read. */
export function encodingProblem(head: Uint8Array): SkillProblem | undefined {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16 || head.subarray(0, 4096).includes(0)) {
    return problem('SKILL.md is saved as UTF-16 (or holds NUL bytes): save it as UTF-8.');
  }
  return undefined;
}

/** Line breaks YAML and the API would not read as the author meant. */
function lineBreakProblem(text: string): SkillProblem | undefined {
  if (text.includes('\r') && !text.includes('\n')) {
    return problem('SKILL.md uses old Mac line endings (CR alone): save it with LF (or CRLF) line endings.');
  }
  const separator = /[\u2028\u2029]/.exec(text);
  if (separator) {
    const line = text.slice(0, separator.index).split('\n').length;
    const name = separator[0] === '\u2028' ? 'LINE SEPARATOR (U+2028)' : 'PARAGRAPH SEPARATOR (U+2029)';
    return problem(`SKILL.md holds a Unicode ${name} on line ${line}: replace it with a normal line break.`, line);
  }
  return undefined;
}

/** Parses the frontmatter of SKILL.md's text. Never throws: what is wrong comes back as problems. */
export function parseSkillMd(fullText: string): ParsedSkillMd {
  const none = (p: SkillProblem): ParsedSkillMd => ({ data: undefined, keyLines: new Map(), problems: [p] });
  const text = fullText.length > FRONTMATTER_WINDOW ? fullText.slice(0, FRONTMATTER_WINDOW) : fullText;
  const breaks = lineBreakProblem(text);
  if (breaks) return none(breaks);
  const opening = OPENING.exec(text);
  if (!opening) {
    return none(
      problem(
        'SKILL.md must start with YAML frontmatter: a first line "---", then "name:" and "description:", then a line "---".',
      ),
    );
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    const withMore = CLOSING_WITH_MORE.exec(rest);
    if (withMore) {
      const line = rest.slice(0, withMore.index).split('\n').length + 1;
      return none(
        problem(
          `The line that closes the frontmatter must be "---" alone: "${withMore[0].trim()}" has more on it. Move the rest to a line of its own.`,
          line,
        ),
      );
    }
    const where = fullText.length > FRONTMATTER_WINDOW ? ` in the first ${FRONTMATTER_WINDOW / 1024} KB` : '';
    return none(problem(`The frontmatter is never closed${where}: add a line "---" after its last key.`));
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
    return none(problem(`The frontmatter is not valid YAML: ${reason}.`, lineOf(entryStart)));
  }
  if (!isMap(doc.contents)) {
    return none(
      problem('The frontmatter must be YAML keys and values, such as "name: my-skill" and "description: …".', 2),
    );
  }
  const keyLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) keyLines.set(String(pair.key.value), lineOf(pair.key.range[0]));
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>;
  } catch {
    return none(
      problem(
        `The frontmatter uses YAML aliases (*name) more than ${MAX_ALIASES} times, as a "billion laughs" attack does: write the values out instead.`,
        2,
      ),
    );
  }
  return { data, keyLines, problems: [] };
}
