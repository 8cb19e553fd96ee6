import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { collectAll } from '../../../src/api/paging';
import { customSkills, skillFiles, useEmulator } from '../../support/harness';

describe('SkillsClient: the nine operations against the emulator', () => {
  const api = useEmulator();

  it('creates a skill from files[] parts named <name>/<path>, with a display title', async () => {
    const skill = await api.client.createSkill({
      files: skillFiles('pdf-tools', { files: { 'scripts/run.py': 'print(1)\n' } }),
      displayTitle: 'PDF Tools',
    });
    assert.match(skill.id, /^skill_/);
    assert.equal(skill.displayTitle, 'PDF Tools');
    assert.equal(skill.source, 'custom');
    assert.match(skill.latestVersion ?? '', /^\d{16}$/);
    const [request] = api.emulator.log;
    assert.deepEqual(
      request.files.map((f) => [f.field, f.filename]),
      [
        ['files[]', 'pdf-tools/SKILL.md'],
        ['files[]', 'pdf-tools/scripts/run.py'],
      ],
    );
    assert.deepEqual(request.fields, { display_title: 'PDF Tools' });
  });

  it('creates a skill without a display title (none is sent)', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('untitled-one') });
    assert.equal(skill.displayTitle, null);
    assert.deepEqual(api.emulator.log[0].fields, {});
  });

  it('lists skills a page at a time, by source', async () => {
    api.seed([
      ...customSkills(3),
      { name: 'pdf', id: 'pdf', source: 'anthropic', description: 'PDF.', versions: [{ version: '20251013' }] },
    ]);
    const custom = await api.client.listSkills({ source: 'custom', limit: 2 });
    assert.equal(custom.data.length, 2);
    assert.ok(custom.nextPage);
    const rest = await api.client.listSkills({ source: 'custom', limit: 2, page: custom.nextPage });
    assert.equal(rest.data.length, 1);
    assert.equal(rest.nextPage, null);
    const anthropic = await api.client.listSkills({ source: 'anthropic' });
    assert.deepEqual(
      anthropic.data.map((s) => [s.id, s.source, s.latestVersion]),
      [['pdf', 'anthropic', '20251013']],
    );
    assert.deepEqual(
      api.emulator.log.map((r) => r.query),
      [
        { beta: 'true', limit: '2', source: 'custom' },
        { beta: 'true', limit: '2', source: 'custom', page: custom.nextPage },
        { beta: 'true', source: 'anthropic' },
      ],
    );
  });

  it('gets and deletes a skill', async () => {
    const created = await api.client.createSkill({ files: skillFiles('short-lived') });
    assert.deepEqual(await api.client.getSkill(created.id), created);
    await api.client.deleteVersion(created.id, created.latestVersion!);
    assert.deepEqual(await api.client.deleteSkill(created.id), { id: created.id });
    await assert.rejects(api.client.getSkill(created.id), { kind: 'notFound', status: 404 });
  });

  it('creates, lists, gets and deletes versions, addressed by their version string', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('versioned') });
    const second = await api.client.createVersion(skill.id, skillFiles('versioned', { description: 'Second take.' }));
    assert.equal(second.skillId, skill.id);
    assert.match(second.id, /^skillver_/);
    assert.ok(BigInt(second.version) > BigInt(skill.latestVersion!));
    assert.equal(second.description, 'Second take.');
    assert.equal(second.directory, 'versioned');

    const got = await api.client.getVersion(skill.id, second.version);
    assert.deepEqual(got, second);
    const listed = await api.client.listVersions(skill.id);
    assert.deepEqual(listed.data.map((v) => v.version).sort(), [skill.latestVersion, second.version].sort());

    assert.deepEqual(await api.client.deleteVersion(skill.id, second.version), { id: second.version });
    assert.equal((await api.client.getSkill(skill.id)).latestVersion, skill.latestVersion);
    assert.equal(api.emulator.log.at(-2)?.path, `/v1/skills/${skill.id}/versions/${second.version}`);
  });

  it('downloads a version as the zip of its files under the top-level folder', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('zipped', { files: { 'docs/ü.md': 'unicode' } }) });
    const bytes = await api.client.downloadVersion(skill.id, skill.latestVersion!);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    assert.deepEqual(names, ['zipped/SKILL.md', 'zipped/docs/ü.md']);
    assert.equal(await zip.file('zipped/docs/ü.md')!.async('string'), 'unicode');
  });

  it('pages through every version with the page iterator, one request per page', async () => {
    api.seed([{ name: 'many', display_title: 'Many', description: 'Many versions.', versionCount: 45 }]);
    const [skill] = (await api.client.listSkills()).data;
    api.emulator.resetLog();
    const pages = [];
    for await (const page of api.client.versionPages(skill.id, { limit: 20 })) pages.push(page.data.length);
    assert.deepEqual(pages, [20, 20, 5]);
    assert.equal(api.emulator.log.length, 3);
    assert.equal(api.emulator.log[0].query.page, undefined);
    assert.ok(api.emulator.log[1].query.page && api.emulator.log[2].query.page);
    const all = await collectAll(api.client.versionPages(skill.id, { limit: 100 }));
    assert.equal(new Set(all.map((v) => v.version)).size, 45);
  });

  it('iterates skill pages to the end', async () => {
    api.seed(customSkills(27));
    const all = await collectAll(api.client.skillPages({ limit: 10 }));
    assert.equal(all.length, 27);
    assert.equal(new Set(all.map((s) => s.id)).size, 27);
    assert.equal(api.emulator.log.length, 3);
  });

  it('escapes ids in paths', async () => {
    await assert.rejects(api.client.getSkill('a/b?c'), { kind: 'notFound' });
    assert.equal(api.emulator.log[0].path, '/v1/skills/a%2Fb%3Fc');
  });
});
