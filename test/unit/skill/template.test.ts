import * as assert from 'node:assert/strict';
import { parseSkillMd } from '../../../src/skill/frontmatter';
import { validateFrontmatter } from '../../../src/skill/rules';
import { skillMdTemplate } from '../../../src/skill/template';

describe("New Skill…'s SKILL.md", () => {
  it('passes every check, with a description YAML would misread unquoted', () => {
    for (const description of [
      'Drafts release notes.',
      'Reviews SQL: joins, "indexes" and # comments.',
      'key: value',
    ]) {
      const text = skillMdTemplate('release-notes', description);
      const parsed = parseSkillMd(text);
      assert.deepEqual([...parsed.problems, ...validateFrontmatter(parsed)], [], description);
      assert.equal((parsed.data as Record<string, unknown> | undefined)?.description, description);
      assert.equal((parsed.data as Record<string, unknown> | undefined)?.name, 'release-notes');
    }
  });
});
