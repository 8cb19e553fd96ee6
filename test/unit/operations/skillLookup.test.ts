import * as assert from 'node:assert/strict';
import { listCustomSkills, matchSlugs, slugOf } from '../../../src/operations/skillLookup';
import { MAX_SLUG_READS, SkillNameMatches } from '../../../src/operations/skillNameMatches';
import { customSkills, slugMemory as memory, useEmulator } from '../../support/harness';

describe('finding the skill a folder publishes to', () => {
  const api = useEmulator();
  const versionReads = () => api.emulator.log.filter((r) => r.path.includes('/versions/'));

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

  it('finds the custom skill whose slug is the name, asking at most 4 at a time, and remembers what it read', async () => {
    api.seed([
      ...customSkills(10),
      { id: 'pdf', source: 'anthropic', name: 'pdf', description: 'PDF.', display_name: 'pdf' },
    ]);
    const skills = await listCustomSkills(api.client);
    assert.equal(skills.length, 10);
    api.emulator.resetLog();
    api.emulator.maxInFlight = 0;
    const slugs = memory();
    const { matches, unread } = await matchSlugs(api.client, skills, ['skill-03'], slugs);
    assert.equal(matches.get('skill-03')?.displayName, 'Skill 3');
    assert.equal(unread, 0);
    assert.ok(api.emulator.maxInFlight <= 4, `${api.emulator.maxInFlight} in flight`);
    const index = skills.findIndex((s) => s.displayName === 'Skill 3');
    assert.ok(versionReads().length <= Math.ceil((index + 1) / 4) * 4, 'reading stops once the name is found');
    for (const skill of skills.slice(0, index + 1)) assert.ok(slugs.get(skill.id)?.startsWith('skill-'));

    api.emulator.resetLog();
    const again = await matchSlugs(api.client, skills, ['skill-03'], slugs);
    assert.equal(again.matches.get('skill-03')?.id, matches.get('skill-03')?.id);
    assert.deepEqual(api.emulator.log, [], 'a slug once read is never read again');
  });

  it('finds every name in one pass, the first skill of the list winning a shared slug', async () => {
    api.seed([
      { id: 'skill_a', name: 'twin', display_name: 'A', description: 'A.' },
      { id: 'skill_b', name: 'twin', display_name: 'B', description: 'B.' },
      ...customSkills(5),
    ]);
    const skills = await listCustomSkills(api.client);
    const first = skills.find((s) => s.id === 'skill_a' || s.id === 'skill_b')!;
    api.emulator.resetLog();
    const { matches } = await matchSlugs(api.client, skills, ['twin', 'skill-05', 'skill-01'], memory());
    assert.equal(matches.get('twin')?.id, first.id);
    assert.equal(matches.get('skill-05')?.displayName, 'Skill 5');
    assert.equal(matches.get('skill-01')?.displayName, 'Skill 1');
    assert.ok(versionReads().length <= skills.length);
  });

  it('finds nothing when no skill has the slug, after asking each skill once, and is sure of it', async () => {
    api.seed(customSkills(6));
    const skills = await listCustomSkills(api.client);
    api.emulator.resetLog();
    const { matches, unread, read } = await matchSlugs(api.client, skills, ['not-there'], memory());
    assert.equal(matches.size, 0);
    assert.equal(unread, 0);
    assert.equal(read, 6);
    assert.equal(new Set(versionReads().map((r) => r.path)).size, 6);
  });

  it('stops at its bound of reads, and counts what it did not read', async () => {
    api.seed(customSkills(9));
    const skills = await listCustomSkills(api.client);
    api.emulator.resetLog();
    const { matches, unread, read } = await matchSlugs(api.client, skills, ['not-there'], memory(), { maxReads: 5 });
    assert.equal(matches.size, 0);
    assert.equal(read, 5);
    assert.equal(versionReads().length, 5);
    assert.equal(unread, 4);
  });

  it('passes over a skill whose latest version cannot be read, and is then not sure a name has no skill', async () => {
    api.seed(customSkills(3));
    const skills = await listCustomSkills(api.client);
    api.emulator.faults.push({ path: `/v1/skills/${skills[0].id}/versions/${skills[0].latestVersionId}`, status: 404 });
    const slugs = memory();
    const found = await matchSlugs(api.client, skills, ['skill-02', 'not-there'], slugs);
    assert.equal(found.matches.get('skill-02')?.displayName, 'Skill 2');
    assert.equal(found.unread, 1);
    assert.equal(slugs.get(skills[0].id), undefined, 'what could not be read is not remembered');
  });

  it("keeps no server's slug longer than a name may be: it is read again next time", async () => {
    api.seed(customSkills(1));
    const [skill] = await listCustomSkills(api.client);
    let reads = 0;
    const hostile = {
      getVersion: async (skillId: string, versionId: string) => {
        reads++;
        return { ...(await api.client.getVersion(skillId, versionId)), name: 'x'.repeat(65) };
      },
    };
    const slugs = memory();
    assert.equal(await slugOf(hostile, skill, slugs), 'x'.repeat(65));
    assert.equal((await matchSlugs(hostile, [skill], ['x'.repeat(65)], slugs)).unread, 1);
    assert.equal(slugs.slugs.size, 0);
    assert.equal(reads, 2);
    assert.equal(await slugOf(api.client, skill, slugs), 'skill-01');
    assert.equal(slugs.get(skill.id), 'skill-01');
  });
});

describe('matching folder names to skills', () => {
  const api = useEmulator();

  it('lists the skills once per reset, looks each name up once, and tells none from not known', async () => {
    api.seed(customSkills(6));
    const matches = new SkillNameMatches({ client: api.client, slugs: memory() });
    const [a, b, c] = await Promise.all([matches.match('skill-02'), matches.match('nope'), matches.match('skill-02')]);
    assert.equal(a.kind === 'matched' && a.skill.displayName, 'Skill 2');
    assert.deepEqual(b, { kind: 'none' });
    assert.deepEqual(c, a);
    assert.ok(matches.has('nope'));
    const lists = () => api.emulator.log.filter((r) => r.path === '/v1/skills').length;
    assert.equal(lists(), 1);
    assert.equal(api.emulator.log.length, 1 + 6, 'each skill read once');

    matches.reset();
    assert.equal(matches.has('nope'), false);
    api.emulator.resetLog();
    assert.deepEqual(await matches.match('nope'), { kind: 'none' });
    assert.equal(api.emulator.log.length, 1, 'after a reset: the list again, no slug again');
  });

  it('says why a name is not known when the list fails, and looks again when asked to', async () => {
    api.seed(customSkills(2));
    const matches = new SkillNameMatches({ client: api.client, slugs: memory() });
    api.emulator.faults.push({ path: '/v1/skills', status: 403 });
    const failed = await matches.match('skill-01');
    assert.equal(failed.kind, 'unknown');
    assert.match(failed.kind === 'unknown' ? failed.reason : '', /^your skills could not be listed: /);
    assert.equal((await matches.match('skill-01')).kind, 'unknown', 'a redrawn row does not ask again');
    assert.equal((await matches.match('skill-01', true)).kind, 'matched');
  });

  it(`reads at most ${MAX_SLUG_READS} slugs between resets, and says so`, async () => {
    api.seed(customSkills(MAX_SLUG_READS + 3));
    const matches = new SkillNameMatches({ client: api.client, slugs: memory() });
    const match = await matches.match('nope');
    assert.equal(match.kind, 'unknown');
    assert.match(match.kind === 'unknown' ? match.reason : '', /the names of 3 skills could not be read yet/);
    assert.equal(api.emulator.log.length, 1 + MAX_SLUG_READS);
    matches.reset();
    assert.deepEqual(await matches.match('nope'), { kind: 'none' }, 'a refresh reads on');
  });
});
