// The emulator enforces the GA server's rules of skills-api.md; the client is used as a plain sender here.
import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import type { UploadFile } from '../../../src/api/types';
import { skillMd } from '../../emulator/scenario';
import { TEST_KEY, customSkills, skillFiles, useEmulator } from '../../support/harness';

const text = (path: string, content: string): UploadFile => ({ path, data: new TextEncoder().encode(content) });

describe('emulator: the server rules', () => {
  const api = useEmulator();

  /** A hand-made request, which may break the spec on purpose: it is dropped from the log the spec check reads. */
  async function raw(path: string, headers: Record<string, string>, init: { method?: string; body?: string } = {}) {
    const res = await api.transport.fetch(`${api.emulator.url}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body,
    });
    const answer = {
      status: res.status,
      headers: res.headers,
      body: (await res.json()) as { error: { type: string; message: string }; request_id: string },
    };
    api.emulator.log.pop();
    return answer;
  }
  const good = { 'x-api-key': TEST_KEY, 'anthropic-version': '2026-10-21' };

  it('401 without a key, with a request id in header and body; a Bearer token is a key too', async () => {
    const { 'x-api-key': _, ...noKey } = good;
    const res = await raw('/v1/skills', noKey);
    assert.equal(res.status, 401);
    assert.equal(res.body.error.type, 'authentication_error');
    assert.equal(res.headers.get('request-id'), res.body.request_id);
    assert.equal((await raw('/v1/skills', { ...noKey, authorization: `Bearer ${TEST_KEY}` })).status, 200);
  });

  it('400 with the legacy beta header, without the version header, or with an unknown version', async () => {
    const legacy = await raw('/v1/skills', { ...good, 'anthropic-beta': 'files-api-2025-04-14,skills-2025-10-02' });
    assert.equal(legacy.status, 400);
    assert.match(legacy.body.error.message, /skills-2025-10-02/);
    const { 'anthropic-version': _v, ...noVersion } = good;
    assert.match((await raw('/v1/skills', noVersion)).body.error.message, /anthropic-version/);
    assert.equal((await raw('/v1/skills', { ...good, 'anthropic-version': '2099-01-01' })).status, 400);
    assert.equal((await raw('/v1/skills', { ...good, 'anthropic-version': '2023-06-01' })).status, 200);
  });

  it('limit ranges: 1–1000 for both lists; sources custom and anthropic', async () => {
    const [skill] = (api.seed(customSkills(1)), api.emulator.store.all());
    assert.equal((await raw('/v1/skills?limit=0', good)).status, 400);
    assert.equal((await raw('/v1/skills?limit=1000', good)).status, 200);
    assert.equal((await raw('/v1/skills?limit=1001', good)).status, 400);
    assert.equal((await raw(`/v1/skills/${skill.id}/versions?limit=1000`, good)).status, 200);
    assert.equal((await raw(`/v1/skills/${skill.id}/versions?limit=1001`, good)).status, 400);
    assert.equal((await raw('/v1/skills?source=plugin', good)).status, 400);
  });

  it('the workspace knob: a key of several workspaces needs the header; another workspace is refused', async () => {
    api.emulator.workspace = { id: 'wrkspc_01Mine', required: true };
    try {
      assert.equal((await raw('/v1/skills', good)).status, 400);
      assert.equal((await raw('/v1/skills', { ...good, 'anthropic-workspace-id': 'wrkspc_01Mine' })).status, 200);
      assert.equal((await raw('/v1/skills', { ...good, 'anthropic-workspace-id': 'wrkspc_01Else' })).status, 403);
      api.emulator.workspace = { id: 'wrkspc_01Mine', required: false };
      assert.equal((await raw('/v1/skills', good)).status, 200);
    } finally {
      api.emulator.workspace = undefined;
    }
  });

  it('page tokens are opaque, tied to their list, and refused when forged', async () => {
    api.seed(customSkills(3));
    const first = await api.client.listSkills({ limit: 1 });
    assert.match(first.nextPage ?? '', /^page_/);
    assert.equal((await raw('/v1/skills?page=page_garbage', good)).status, 400);
    const other = await api.client.listSkills({ limit: 1, source: 'custom' });
    await assert.rejects(api.client.listSkills({ page: first.nextPage!, source: 'custom' }), {
      kind: 'invalidRequest',
    });
    assert.ok(other.nextPage);
  });

  it('a cursor stays right when the item it points after is deleted', async () => {
    api.seed(customSkills(5));
    const first = await api.client.listSkills({ limit: 2 });
    const last = first.data[1];
    await api.client.deleteSkill(last.id);
    const second = await api.client.listSkills({ limit: 2, page: first.nextPage! });
    const seen = [...first.data, ...second.data].map((s) => s.id);
    assert.equal(new Set(seen).size, 4);
    assert.ok(second.nextPage);
  });

  const uploadRules: [string, UploadFile[], RegExp][] = [
    [
      'SKILL.md nested deeper',
      [text('deep/inner/SKILL.md', skillMd('deep', 'd'))],
      /SKILL.md file must be exactly in the top-level folder/,
    ],
    ['two top-level folders', [...skillFiles('one-a'), text('other/x.txt', 'x')], /one top-level folder/],
    ['no frontmatter', [text('plain/SKILL.md', '# no frontmatter')], /frontmatter/],
    ['bad YAML', [text('bad/SKILL.md', '---\nname: [unclosed\n---\n')], /not valid YAML/],
    ['uppercase name', [text('Upper/SKILL.md', skillMd('Upper', 'd'))], /lowercase/],
    ['doubled hyphen', [text('a--b/SKILL.md', skillMd('a--b', 'd'))], /single hyphens/],
    ['reserved word claude', [text('claude-helper/SKILL.md', skillMd('claude-helper', 'd'))], /reserved word 'claude'/],
    [
      'reserved word anthropic',
      [text('anthropic-x/SKILL.md', skillMd('anthropic-x', 'd'))],
      /reserved word 'anthropic'/,
    ],
    ['name over 64 characters', [text(`${'a'.repeat(65)}/SKILL.md`, skillMd('a'.repeat(65), 'd'))], /64 characters/],
    [
      'empty description',
      [text('nodesc/SKILL.md', '---\nname: nodesc\ndescription: ""\n---\n')],
      /non-empty 'description'/,
    ],
    ['description over 1024 characters', [text('long/SKILL.md', skillMd('long', 'x'.repeat(1025)))], /1024 characters/],
    ['XML tags in the description', [text('xml/SKILL.md', skillMd('xml', 'Use <b>bold</b>'))], /XML tags/],
  ];
  for (const [rule, files, message] of uploadRules) {
    it(`400 for an upload with ${rule}`, async () => {
      await assert.rejects(api.client.createSkill({ files }), (err: { kind: string; message: string }) => {
        assert.equal(err.kind, 'invalidRequest');
        assert.match(err.message, message);
        return true;
      });
      assert.equal(api.emulator.store.all().length, 0);
    });
  }

  it('400 for a body that is not multipart', async () => {
    const res = await raw(
      '/v1/skills',
      { ...good, 'content-type': 'application/json' },
      { method: 'POST', body: '{}' },
    );
    assert.equal(res.status, 400);
  });

  it('accepts a single .zip part wrapping <name>/…', async () => {
    const zip = new JSZip();
    zip.file('zipped-skill/SKILL.md', skillMd('zipped-skill', 'From a zip.'));
    zip.file('zipped-skill/ref.md', 'ref');
    const data = await zip.generateAsync({ type: 'uint8array' });
    const skill = await api.client.createSkill({ files: [{ path: 'zipped-skill.zip', data }] });
    const version = await api.client.getVersion(skill.id, skill.latestVersionId!);
    assert.deepEqual([version.name, version.description], ['zipped-skill', 'From a zip.']);
  });

  it('takes SKILL.md at the root, or in a folder of any name; the archive is under the slug', async () => {
    const rooted = await api.client.createSkill({ files: [text('SKILL.md', skillMd('rooted', 'd'))] });
    const named = await api.client.createSkill({ files: skillFiles('the-name', { folder: 'my-folder' }) });
    assert.equal((await api.client.getVersion(named.id, 'latest')).name, 'the-name');
    const archive = await JSZip.loadAsync(await api.client.downloadVersion(rooted.id, rooted.latestVersionId!));
    assert.deepEqual(
      Object.keys(archive.files).filter((n) => !n.endsWith('/')),
      ['rooted/SKILL.md'],
    );
  });

  it('derives display_name from the name when omitted, and lets two skills share one', async () => {
    const first = await api.client.createSkill({ files: skillFiles('first-one'), displayName: 'Same' });
    const second = await api.client.createSkill({ files: skillFiles('second-one'), displayName: 'Same' });
    assert.notEqual(first.id, second.id);
    assert.equal(second.displayName, 'Same');
    assert.equal((await api.client.createSkill({ files: skillFiles('no-title') })).displayName, 'no-title');
  });

  it("refuses a new version whose name is not the skill's slug", async () => {
    const skill = await api.client.createSkill({ files: skillFiles('the-slug') });
    await assert.rejects(api.client.createVersion(skill.id, skillFiles('another-name')), {
      kind: 'invalidRequest',
      status: 400,
    });
    assert.equal(api.emulator.store.skill(skill.id).versions.length, 1);
  });

  it('deletes a skill with its versions, and refuses to delete the only version', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('kept') });
    await assert.rejects(api.client.deleteVersion(skill.id, skill.latestVersionId!), {
      kind: 'invalidRequest',
      message: /only version/,
    });
    await api.client.createVersion(skill.id, skillFiles('kept'));
    await api.client.deleteVersion(skill.id, skill.latestVersionId!);
    await api.client.createVersion(skill.id, skillFiles('kept'));
    await api.client.deleteSkill(skill.id);
    assert.equal(api.emulator.store.all().length, 0);
  });

  it('lists versions newest first with skver_ ids, the latest first; the old skill_version_ prefix is taken', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('quick') });
    const made = [skill.latestVersionId!];
    for (let i = 0; i < 3; i++) made.push((await api.client.createVersion(skill.id, skillFiles('quick'))).id);
    for (const id of made) assert.match(id, /^skver_/);
    const listed = (await api.client.listVersions(skill.id)).data.map((v) => v.id);
    assert.deepEqual(listed, [...made].reverse());
    assert.equal((await api.client.getSkill(skill.id)).latestVersionId, made[3]);
    const old = made[0].replace(/^skver_/, 'skill_version_');
    assert.equal((await api.client.getVersion(skill.id, old)).id, made[0]);
  });

  it("places examples in the anthropic list and plugins' skills in the custom one (the client must not care)", async () => {
    api.seed([
      { name: 'mine', description: 'Mine.' },
      { name: 'a-plugin', description: 'Plugged in.', source: 'plugin' },
      { name: 'an-example', description: 'Example.', source: 'anthropic_example' },
    ]);
    const custom = (await api.client.listSkills({ source: 'custom' })).data.map((s) => s.source).sort();
    const anthropic = (await api.client.listSkills({ source: 'anthropic' })).data.map((s) => s.source);
    assert.deepEqual(custom, ['custom', 'plugin']);
    assert.deepEqual(anthropic, ['anthropic_example']);
    const plugin = api.emulator.store.all().find((s) => s.source === 'plugin')!;
    await assert.rejects(api.client.deleteSkill(plugin.id), { kind: 'permission' });
  });
});
