// The Skills API's rules for SKILL.md's frontmatter (skills-api.md, "SKILL.md rules"), and what each
// other consumer of the folder does with its keys (lintTargets.ts).
import { SKILL_MD, type ParsedSkillMd } from './frontmatter';
import { FRONTMATTER_KEYS, TARGET_NAMES, closeKey, keysFor, type LintTarget } from './lintTargets';
import type { SkillProblem } from './problems';

export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 1024;
export const COMPATIBILITY_MAX = 500;
export const RESERVED_WORDS = ['anthropic', 'claude'] as const;
/** The keys of the open Agent Skills format; others may be ignored or refused by the API. */
export const KNOWN_KEYS = ['name', 'description', 'license', 'compatibility', 'metadata', 'allowed-tools'] as const;

const XML_TAG = /[<>]/;

/** Characters as the API counts them (Python's len): code points, so an emoji is one, not two UTF-16 units. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A name the rules accept, made from what the author typed: "My Skill!" → "my-skill". */
function suggestName(name: string): string {
  let suggestion = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  for (const word of RESERVED_WORDS)
    suggestion = suggestion.replace(new RegExp(`-?${word}-?`, 'g'), '-').replace(/^-+|-+$/g, '');
  return suggestion.slice(0, NAME_MAX).replace(/-+$/, '');
}

/** What is wrong with a `name`, each with what to do instead; empty when the API accepts it. */
export function nameProblems(name: string): string[] {
  const found: string[] = [];
  const suggestion = suggestName(name);
  const tryInstead = suggestion && suggestion !== name ? ` Try "${suggestion}".` : '';
  if (name.length > NAME_MAX)
    found.push(`"name" is ${name.length} characters long; the limit is ${NAME_MAX}.${tryInstead}`);
  if (XML_TAG.test(name)) found.push(`"name" cannot contain XML tags (< or >).${tryInstead}`);
  const bad = [...new Set(name.replace(/[a-z0-9-]/g, ''))];
  if (bad.length > 0) {
    const shown = bad.map((c) => (c === ' ' ? 'spaces' : `"${c}"`)).join(', ');
    found.push(`"name" may hold only lowercase letters, digits and hyphens, not ${shown}.${tryInstead}`);
  }
  if (name.startsWith('-') || name.endsWith('-')) found.push(`"name" cannot start or end with a hyphen.${tryInstead}`);
  if (name.includes('--')) found.push(`"name" cannot contain two hyphens in a row.${tryInstead}`);
  for (const word of RESERVED_WORDS) {
    if (name.toLowerCase().includes(word))
      found.push(`"name" cannot contain the reserved word "${word}".${tryInstead}`);
  }
  return found;
}

/** What is wrong with a `description`; empty when the API accepts it. */
export function descriptionProblems(description: string): string[] {
  const found: string[] = [];
  if (description.trim() === '')
    found.push('"description" is empty: say what the skill does and when Claude should use it.');
  const length = characterCount(description);
  if (length > DESCRIPTION_MAX) {
    found.push(
      `"description" is ${length} characters long; the limit is ${DESCRIPTION_MAX}. Shorten it by ${length - DESCRIPTION_MAX}.`,
    );
  }
  if (XML_TAG.test(description)) found.push('"description" cannot contain XML tags: remove every < and >.');
  return found;
}

const names = (targets: readonly LintTarget[]) => {
  const list = targets.map((t) => TARGET_NAMES[t]);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
};

/**
 * A key some of `targets` do not know: an error where one refuses it (skills-ref), a warning where one may
 * (the API, UNVERIFIED) or warns (VS Code), or where it is a likely misspelling of a key they know; none
 * where the only ones that do not know it ignore it (Claude Code). The message starts with what the API says of it, then what each other target does, who takes it,
 * and the known key it is likely a misspelling of.
 */
export function unknownKeyProblem(
  key: string,
  targets: readonly LintTarget[],
): { severity: SkillProblem['severity']; message: string } | undefined {
  const takes = FRONTMATTER_KEYS[key]?.targets ?? [];
  const unknownTo = targets.filter((t) => !takes.includes(t));
  const refusing = unknownTo.filter((t) => t === 'agentskills');
  const warning = unknownTo.filter((t) => t === 'api' || t === 'vscode');
  const takers = targets.filter((t) => takes.includes(t));
  // A likely misspelling matters even where the key would be ignored: what the author meant does not happen.
  const close = takers.length === 0 ? closeKey(key, keysFor(targets)) : undefined;
  if (refusing.length === 0 && warning.length === 0 && !close) return undefined;
  const parts = [
    unknownTo.includes('api')
      ? `Unknown frontmatter key "${key}": the Skills API may ignore or refuse it. Known keys: ${KNOWN_KEYS.join(', ')}.`
      : `Unknown frontmatter key "${key}".`,
  ];
  if (unknownTo.includes('agentskills')) parts.push("The Agent Skills format's validator (skills-ref) refuses it.");
  if (unknownTo.includes('vscode')) parts.push('VS Code warns on it.');
  if (unknownTo.includes('claude-code')) parts.push('Claude Code ignores it.');
  if (takers.length > 0) parts.push(`${names(takers)} ${takers.length === 1 ? 'takes' : 'take'} it.`);
  const elsewhere = takes.filter((t) => !targets.includes(t));
  if (takers.length === 0 && elsewhere.length > 0) parts.push(`It is a key of ${names(elsewhere)}.`);
  if (close) parts.push(`Did you mean "${close}"?`);
  return { severity: refusing.length > 0 ? 'error' : 'warning', message: parts.join(' ') };
}

/**
 * Every rule the API enforces on the frontmatter, plus warnings for what it may not accept; unknown keys
 * are judged for each of `targets` (the Skills API alone by default).
 */
export function validateFrontmatter(parsed: ParsedSkillMd, targets: readonly LintTarget[] = ['api']): SkillProblem[] {
  if (!parsed.data) return parsed.problems;
  const { data, keyLines } = parsed;
  const at = (key: string) => keyLines.get(key) ?? 1;
  const problems: SkillProblem[] = [];
  const add = (key: string, messages: string[], severity: SkillProblem['severity'] = 'error') => {
    for (const message of messages) problems.push({ severity, message, file: SKILL_MD, line: at(key) });
  };

  const { name, description } = data;
  if (name === undefined || name === null)
    add('name', [
      'The frontmatter has no "name": add one such as "name: my-skill" (lowercase letters, digits and hyphens).',
    ]);
  else if (typeof name !== 'string')
    add('name', [`"name" must be text, such as "name: my-skill", not ${describeValue(name)}.`]);
  else if (name === '') add('name', ['"name" is empty: give the skill a name such as "my-skill".']);
  else add('name', nameProblems(name));

  if (description === undefined || description === null)
    add('description', [
      'The frontmatter has no "description": add one that says what the skill does and when Claude should use it.',
    ]);
  else if (typeof description !== 'string')
    add('description', [`"description" must be text, not ${describeValue(description)}.`]);
  else add('description', descriptionProblems(description));

  const { compatibility, metadata } = data;
  if (typeof compatibility === 'string' && characterCount(compatibility) > COMPATIBILITY_MAX) {
    const refused = targets.includes('agentskills');
    add(
      'compatibility',
      [
        `"compatibility" is ${characterCount(compatibility)} characters long; the Agent Skills format allows ${COMPATIBILITY_MAX}.${refused ? ' Its validator (skills-ref) refuses it.' : ''}`,
      ],
      refused ? 'error' : 'warning',
    );
  }
  if (metadata !== undefined && !isStringMap(metadata)) {
    add('metadata', ['"metadata" should map keys to text values, such as "metadata:" then "  author: me".'], 'warning');
  }
  for (const key of Object.keys(data)) {
    const problem = unknownKeyProblem(key, targets);
    if (problem) add(key, [problem.message], problem.severity);
  }
  return problems;
}

function isStringMap(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${String(value)}`;
}
