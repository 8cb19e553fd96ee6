// The SKILL.md New Skill… writes: frontmatter the API accepts (the values quoted as YAML needs), then the
// sections a skill's instructions usually have, for the author to fill in.
import { stringify } from 'yaml';

export function skillMdTemplate(name: string, description: string): string {
  const frontmatter = stringify({ name, description }, { lineWidth: 0 }).trimEnd();
  return [
    '---',
    frontmatter,
    '---',
    '',
    `# ${name}`,
    '',
    '## When to use this skill',
    '',
    'Say when Claude should reach for it: the requests, files or situations it is for.',
    '',
    '## Instructions',
    '',
    '1. The steps Claude follows, in order.',
    '2. Point to any file of this folder it needs (scripts, references, templates) by its relative path.',
    '',
  ].join('\n');
}
