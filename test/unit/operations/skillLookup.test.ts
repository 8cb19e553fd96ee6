import * as assert from 'node:assert/strict';
import { findSkillBySlug, listCustomSkills } from '../../../src/operations/skillLookup';
import { customSkills, useEmulator } from '../../support/harness';

describe('finding the skill a folder publishes to', () => {
  const api = useEmulator();

  it('lists only custom skills, whichever list brought them, 1,000 per request', async () => {
    api.seed([...customSkills(3), { name: 'plugged', description: 'From a plugin.', source: 'plugin' }]);
    const skills = await listCustomSkills(api.client);
    assert.equal(skills.length, 3);
    assert.ok(skills.every((s) => s.source === 'custom'));
    assert.deepEqual(
      api.emulator.log.map((r) => r.query),
      [{ source: 'custom', limit: '1000' }],
    );
  });

  it('finds the custom skill whose slug is the name, asking at most 4 at a time', async () => {
    api.seed([
      ...customSkills(10),
      { id: 'pdf', source: 'anthropic', name: 'pdf', description: 'PDF.', display_name: 'pdf' },
    ]);
    const skills = await listCustomSkills(api.client);
    assert.equal(skills.length, 10);
    api.emulator.resetLog();
    api.emulator.maxInFlight = 0;
    const found = await findSkillBySlug(api.client, skills, 'skill-03');
    assert.equal(found?.latest.name, 'skill-03');
    assert.equal(found?.skill.displayName, 'Skill 3');
    assert.ok(api.emulator.maxInFlight <= 4, `${api.emulator.maxInFlight} in flight`);
    assert.ok(api.emulator.log.length <= skills.length);
  });

  it('finds nothing when no skill has the slug, after asking each skill once', async () => {
    api.seed(customSkills(6));
    const skills = await listCustomSkills(api.client);
    api.emulator.resetLog();
    assert.equal(await findSkillBySlug(api.client, skills, 'not-there'), undefined);
    assert.equal(api.emulator.log.length, 6);
    assert.equal(new Set(api.emulator.log.map((r) => r.path)).size, 6);
  });

  it('passes over a skill whose latest version cannot be read', async () => {
    api.seed(customSkills(3));
    const skills = await listCustomSkills(api.client);
    api.emulator.faults.push({ path: `/v1/skills/${skills[0].id}/versions/${skills[0].latestVersionId}`, status: 404 });
    const found = await findSkillBySlug(api.client, skills, 'skill-02');
    assert.equal(found?.latest.name, 'skill-02');
  });
});
