// The Skills API's rules for SKILL.md's frontmatter (skills-api.md, "SKILL.md rules").
import { SKILL_MD, type ParsedSkillMd } from './frontmatter';
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

/** Every rule the API enforces on the frontmatter, plus warnings for what it may not accept. */
export function validateFrontmatter(parsed: ParsedSkillMd): SkillProblem[] {
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
    add(
      'compatibility',
      [
        `"compatibility" is ${characterCount(compatibility)} characters long; the Agent Skills format allows ${COMPATIBILITY_MAX}.`,
      ],
      'warning',
    );
  }
  if (metadata !== undefined && !isStringMap(metadata)) {
    add('metadata', ['"metadata" should map keys to text values, such as "metadata:" then "  author: me".'], 'warning');
  }
  for (const key of Object.keys(data)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      add(
        key,
        [
          `Unknown frontmatter key "${key}": the Skills API may ignore or refuse it. Known keys: ${KNOWN_KEYS.join(', ')}.`,
        ],
        'warning',
      );
    }
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
