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

function problem(message: string, line = 1): SkillProblem {
  return { severity: 'error', message, file: SKILL_MD, line };
}

/** Parses the frontmatter of SKILL.md's text. Never throws: what is wrong comes back as problems. */
export function parseSkillMd(text: string): ParsedSkillMd {
  const none = (p: SkillProblem): ParsedSkillMd => ({ data: undefined, keyLines: new Map(), problems: [p] });
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
  if (!closing) return none(problem('The frontmatter is never closed: add a line "---" after its last key.'));
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
  return { data: doc.toJS() as Record<string, unknown>, keyLines, problems: [] };
}
