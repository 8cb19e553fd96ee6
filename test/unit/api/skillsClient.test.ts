import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { collectAll } from '../../../src/api/paging';
import { customSkills, skillFiles, useEmulator } from '../../support/harness';

describe('SkillsClient: the nine GA operations against the emulator', () => {
  const api = useEmulator();

  it('creates a skill from files[] parts named <name>/<path>, with a display_name', async () => {
    const skill = await api.client.createSkill({
      files: skillFiles('pdf-tools', { files: { 'scripts/run.py': 'print(1)\n' } }),
      displayName: 'PDF Tools',
    });
    assert.match(skill.id, /^skill_/);
    assert.equal(skill.displayName, 'PDF Tools');
    assert.equal(skill.source, 'custom');
    assert.match(skill.latestVersionId ?? '', /^skver_/);
    const [request] = api.emulator.log;
    assert.deepEqual(
      request.files.map((f) => [f.field, f.filename]),
      [
        ['files[]', 'pdf-tools/SKILL.md'],
        ['files[]', 'pdf-tools/scripts/run.py'],
      ],
    );
    assert.deepEqual(request.fields, { display_name: 'PDF Tools' });
    // Our own encoder: the length is known up front, so the upload is not chunked.
    assert.ok(Number(request.headers['content-length']) > 0);
    assert.equal(request.headers['transfer-encoding'], undefined);
  });

  it('creates a skill without a display_name: none is sent, and the server derives it from the name', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('untitled-one') });
    assert.equal(skill.displayName, 'untitled-one');
    assert.deepEqual(api.emulator.log[0].fields, {});
  });

  it('sends the GA headers: no anthropic-beta, anthropic-version 2026-10-21, no query of its own', async () => {
    await api.client.listSkills();
    const [request] = api.emulator.log;
    assert.equal(request.headers['anthropic-beta'], undefined);
    assert.equal(request.headers['anthropic-version'], '2026-10-21');
    assert.equal(request.headers['anthropic-workspace-id'], undefined);
    assert.deepEqual(request.query, {});
  });

  it('sends anthropic-workspace-id when a workspace is set', async () => {
    api.emulator.workspace = { id: 'wrkspc_01Team', required: true };
    try {
      await assert.rejects(api.client.listSkills(), { kind: 'invalidRequest', status: 400 });
      const client = api.clientWith({ workspaceId: () => 'wrkspc_01Team' });
      await client.listSkills();
      assert.equal(api.emulator.log[1].headers['anthropic-workspace-id'], 'wrkspc_01Team');
      await assert.rejects(api.clientWith({ workspaceId: () => 'wrkspc_01Other' }).listSkills(), { status: 403 });
    } finally {
      api.emulator.workspace = undefined;
    }
  });

  it('lists skills a page at a time by next_page alone, by source', async () => {
    api.seed([...customSkills(3), { name: 'pdf', id: 'pdf', source: 'anthropic', description: 'PDF.' }]);
    const custom = await api.client.listSkills({ source: 'custom', limit: 2 });
    assert.equal(custom.data.length, 2);
    assert.ok(custom.nextPage);
    const rest = await api.client.listSkills({ source: 'custom', limit: 2, page: custom.nextPage });
    assert.equal(rest.data.length, 1);
    assert.equal(rest.nextPage, null);
    const anthropic = await api.client.listSkills({ source: 'anthropic' });
    assert.deepEqual(
      anthropic.data.map((s) => [s.id, s.source]),
      [['pdf', 'anthropic']],
    );
    assert.match(anthropic.data[0].latestVersionId ?? '', /^skver_/);
    assert.deepEqual(
      api.emulator.log.map((r) => r.query),
      [
        { limit: '2', source: 'custom' },
        { limit: '2', source: 'custom', page: custom.nextPage },
        { source: 'anthropic' },
      ],
    );
  });

  it('gets a skill, and deletes it with every version in one DELETE', async () => {
    const created = await api.client.createSkill({ files: skillFiles('short-lived') });
    await api.client.createVersion(created.id, skillFiles('short-lived', { description: 'Again.' }));
    assert.equal((await api.client.getSkill(created.id)).id, created.id);
    api.emulator.resetLog();
    assert.deepEqual(await api.client.deleteSkill(created.id), { id: created.id });
    assert.deepEqual(
      api.emulator.log.map((r) => `${r.method} ${r.status}`),
      ['DELETE 200'],
    );
    await assert.rejects(api.client.getSkill(created.id), { kind: 'notFound', status: 404 });
  });

  it('creates, lists (newest first), gets and deletes versions, addressed by their ids', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('versioned') });
    const second = await api.client.createVersion(skill.id, skillFiles('versioned', { description: 'Second take.' }));
    assert.equal(second.skillId, skill.id);
    assert.match(second.id, /^skver_/);
    assert.equal(second.name, 'versioned');
    assert.equal(second.description, 'Second take.');

    assert.deepEqual(await api.client.getVersion(skill.id, second.id), second);
    assert.deepEqual(await api.client.getVersion(skill.id, 'latest'), second);
    const listed = await api.client.listVersions(skill.id);
    assert.deepEqual(
      listed.data.map((v) => v.id),
      [second.id, skill.latestVersionId],
    );

    assert.deepEqual(await api.client.deleteVersion(skill.id, second.id), { id: second.id });
    assert.equal((await api.client.getSkill(skill.id)).latestVersionId, skill.latestVersionId);
    assert.equal(api.emulator.log.at(-2)?.path, `/v1/skills/${skill.id}/versions/${second.id}`);
  });

  it('downloads a version as the zip of its files under the slug, asking for binary, with no query', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('zipped', { files: { 'docs/ü.md': 'unicode' } }) });
    const bytes = await api.client.downloadVersion(skill.id, skill.latestVersionId!);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    assert.deepEqual(names, ['zipped/SKILL.md', 'zipped/docs/ü.md']);
    assert.equal(await zip.file('zipped/docs/ü.md')!.async('string'), 'unicode');
    const download = api.emulator.log.at(-1)!;
    assert.equal(download.headers.accept, 'application/binary');
    assert.deepEqual(download.query, {});
  });

  it('pages through every version with the page iterator, one request per page', async () => {
    api.seed([{ name: 'many', display_name: 'Many', description: 'Many versions.', versionCount: 45 }]);
    const [skill] = (await api.client.listSkills()).data;
    api.emulator.resetLog();
    const pages = [];
    for await (const page of api.client.versionPages(skill.id, { limit: 20 })) pages.push(page.data.length);
    assert.deepEqual(pages, [20, 20, 5]);
    assert.equal(api.emulator.log.length, 3);
    assert.equal(api.emulator.log[0].query.page, undefined);
    assert.ok(api.emulator.log[1].query.page && api.emulator.log[2].query.page);
    const all = await collectAll(api.client.versionPages(skill.id, { limit: 1000 }));
    assert.equal(new Set(all.map((v) => v.id)).size, 45);
    assert.equal(all[0].id, skill.latestVersionId, 'newest first');
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
