// The emulator enforces the server's rules of skills-api.md; the client is used as a plain sender here.
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
  const good = { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01', 'anthropic-beta': 'skills-2025-10-02' };

  it('401 without an x-api-key, with a request id in header and body', async () => {
    const { 'x-api-key': _, ...noKey } = good;
    const res = await raw('/v1/skills?beta=true', noKey);
    assert.equal(res.status, 401);
    assert.equal(res.body.error.type, 'authentication_error');
    assert.equal(res.headers.get('request-id'), res.body.request_id);
  });

  it('400 without the beta header or the version header', async () => {
    const { 'anthropic-beta': _b, ...noBeta } = good;
    const { 'anthropic-version': _v, ...noVersion } = good;
    assert.equal((await raw('/v1/skills?beta=true', noBeta)).status, 400);
    assert.match((await raw('/v1/skills?beta=true', noVersion)).body.error.message, /anthropic-version/);
  });

  it('limit ranges: 1–100 for skills, 1–1000 for versions', async () => {
    const [skill] = (api.seed(customSkills(1)), api.emulator.store.all());
    assert.equal((await raw('/v1/skills?beta=true&limit=0', good)).status, 400);
    assert.equal((await raw('/v1/skills?beta=true&limit=101', good)).status, 400);
    assert.equal((await raw('/v1/skills?beta=true&limit=100', good)).status, 200);
    assert.equal((await raw(`/v1/skills/${skill.id}/versions?beta=true&limit=1000`, good)).status, 200);
    assert.equal((await raw(`/v1/skills/${skill.id}/versions?beta=true&limit=1001`, good)).status, 400);
    assert.equal((await raw('/v1/skills?beta=true&source=plugin', good)).status, 400);
  });

  it('page tokens are opaque, tied to their list, and refused when forged', async () => {
    api.seed(customSkills(3));
    const first = await api.client.listSkills({ limit: 1 });
    assert.match(first.nextPage ?? '', /^page_/);
    assert.equal((await raw('/v1/skills?beta=true&page=page_garbage', good)).status, 400);
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
    await api.client.deleteVersion(last.id, last.latestVersion!);
    await api.client.deleteSkill(last.id);
    const second = await api.client.listSkills({ limit: 2, page: first.nextPage! });
    const seen = [...first.data, ...second.data].map((s) => s.id);
    assert.equal(new Set(seen).size, 4);
    assert.ok(second.nextPage);
  });

  const uploadRules: [string, UploadFile[], RegExp][] = [
    ['SKILL.md at the root', [text('SKILL.md', skillMd('rooted', 'd'))], /top-level folder/],
    [
      'SKILL.md nested deeper',
      [text('deep/inner/SKILL.md', skillMd('deep', 'd'))],
      /SKILL.md file must be exactly in the top-level folder/,
    ],
    ['two top-level folders', [...skillFiles('one-a'), text('other/x.txt', 'x')], /same top-level folder/],
    [
      'folder named differently from name',
      skillFiles('the-name', { folder: 'my-folder' }),
      /folder name 'my-folder' must match the skill name 'the-name'/,
    ],
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
      '/v1/skills?beta=true',
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
    const version = await api.client.getVersion(skill.id, skill.latestVersion!);
    assert.deepEqual(
      [version.name, version.directory, version.description],
      ['zipped-skill', 'zipped-skill', 'From a zip.'],
    );
  });

  it('refuses to delete a skill that has versions', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('kept') });
    await assert.rejects(api.client.deleteSkill(skill.id), {
      kind: 'invalidRequest',
      message: 'Cannot delete skill with existing versions. Delete all versions first.',
    });
  });

  it('keeps version strings epoch microseconds, increasing within one millisecond', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('quick') });
    const versions = [skill.latestVersion!];
    for (let i = 0; i < 3; i++) versions.push((await api.client.createVersion(skill.id, skillFiles('quick'))).version);
    for (const v of versions) assert.match(v, /^\d{16}$/);
    const sorted = [...versions].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    assert.deepEqual(sorted, versions);
    assert.equal(new Set(versions).size, 4);
  });
});
