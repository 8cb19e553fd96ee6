import * as assert from 'node:assert/strict';
import type { Skill, SkillVersion } from '../../../src/api/types';
import { deletePrompt, groupBySkill, refusalPrompt } from '../../../src/commands/plans/versionDeletion';
import { versionLabel } from '../../../src/tree/present';

const skill = (id: string, latestVersionId: string | null = null): Skill => ({
  id,
  displayName: `Title of ${id}`,
  latestVersionId,
  source: 'custom',
  createdAt: '2026-10-01T00:00:00Z',
  updatedAt: '2026-10-01T00:00:00Z',
});
const version = (id: string, skillId = 'skill_a', second = 5): SkillVersion => ({
  id,
  skillId,
  name: 'n',
  description: 'd',
  createdAt: `2026-10-03T14:22:${String(second).padStart(2, '0')}Z`,
});

describe("Delete Version's decisions and wording", () => {
  it('groups the chosen versions by skill, in the order they first appear', () => {
    const [a, b] = [skill('skill_a'), skill('skill_b')];
    const grouped = groupBySkill([
      { skill: b, version: version('v1', 'skill_b') },
      { skill: a, version: version('v2') },
      { skill: b, version: version('v3', 'skill_b') },
    ]);
    assert.deepEqual(
      grouped.map((g) => [g.skill.id, g.versions.map((v) => v.id)]),
      [
        ['skill_b', ['v1', 'v3']],
        ['skill_a', ['v2']],
      ],
    );
  });

  it('refuses the last versions saying what to do instead, for one skill or a selection of several', () => {
    const one = { skill: skill('skill_a'), versions: [version('v1')] };
    assert.equal(
      refusalPrompt(one, true).message,
      'This is the only version of "Title of skill_a": a skill keeps at least one version.',
    );
    assert.match(refusalPrompt(one, true).detail, /publish a new version first; or delete the whole skill/);
    const two = { ...one, versions: [version('v1'), version('v2')] };
    assert.match(refusalPrompt(two, false).message, /^These are all the versions of/);
    assert.match(refusalPrompt(two, false).detail, /Leave one version of that skill out of the selection/);
  });

  it('confirms one version by its date and id, and says when it is the latest', () => {
    const v = version('skver_1');
    const prompt = deletePrompt([{ skill: skill('skill_a', 'skver_1'), versions: [v] }], 'en-US');
    assert.equal(prompt.message, `Delete the version of "Title of skill_a" from ${versionLabel(v, true, 'en-US')}?`);
    assert.equal(
      prompt.detail,
      'skver_1\nIt is the latest version: the one before it becomes the latest.\n\nThis cannot be undone.',
    );
    assert.doesNotMatch(deletePrompt([{ skill: skill('skill_a'), versions: [v] }], 'en-US').detail, /latest/);
  });

  it('lists the first ten of many versions across skills, each with its skill, then how many more', () => {
    const many = Array.from({ length: 12 }, (_, i) => version(`v${i}`, 'skill_a', i));
    const prompt = deletePrompt(
      [
        { skill: skill('skill_a', 'v0'), versions: many },
        { skill: skill('skill_b'), versions: [version('w', 'skill_b')] },
      ],
      'en-US',
    );
    assert.equal(prompt.message, 'Delete 13 versions of 2 skills?');
    const lines = prompt.detail.split('\n');
    assert.equal(lines.length, 13);
    assert.equal(lines[0], `Title of skill_a ${versionLabel(many[0], true, 'en-US')} (the latest)`);
    assert.equal(lines[10], 'and 3 more');
    assert.equal(lines.at(-1), 'This cannot be undone.');
  });
});
