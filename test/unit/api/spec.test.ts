// The client's requests against the spec's GA operations, and the checker itself: a request with the
// legacy beta header, a `?beta=true` query, an old anthropic-version or a `file` field instead of
// `files[]` must be caught. Then the parser: GA shapes, and legacy ones a gateway may still answer with.
import * as assert from 'node:assert/strict';
import { FormData as UndiciFormData } from 'undici';
import { toPage, toSkill, toSkillVersion } from '../../../src/api/normalize';
import type { LoggedRequest } from '../../emulator/server';
import { TEST_KEY, skillFiles, useEmulator } from '../../support/harness';
import { requestProblems } from '../../support/openapi';

describe('requests against the OpenAPI document', () => {
  const api = useEmulator();

  /** Sends a hand-made request and returns what the spec checker says of it (then forgets it). */
  async function problemsOf(
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: FormData },
  ) {
    await api.transport.fetch(`${api.emulator.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2026-10-21', ...init.headers },
      // The transport's fetch is undici's: its own FormData, not Node's global one.
      body: init.body as unknown as FormData,
    });
    const [logged] = api.emulator.log.splice(0) as LoggedRequest[];
    return requestProblems(logged);
  }

  it('every request the client makes for the nine operations matches a GA operation', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('spec-check'), displayName: 'Spec' });
    const version = await api.client.createVersion(skill.id, skillFiles('spec-check'));
    await api.client.listSkills({ limit: 1000, source: 'custom' });
    await api.client.getSkill(skill.id);
    await api.client.listVersions(skill.id, { limit: 1000 });
    await api.client.getVersion(skill.id, version.id);
    await api.client.getVersion(skill.id, 'latest');
    await api.client.downloadVersion(skill.id, version.id);
    await api.client.deleteVersion(skill.id, version.id);
    await api.client.deleteSkill(skill.id);
    assert.equal(api.emulator.log.length, 10);
    for (const request of api.emulator.log)
      assert.deepEqual(requestProblems(request), [], `${request.method} ${request.path}`);
    // The afterEach hook checks the emulator's answers against the GA response schemas.
  });

  it('the emulator refuses the legacy beta header, and the checker names it', async () => {
    const res = await api.transport.fetch(`${api.emulator.url}/v1/skills`, {
      headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2026-10-21', 'anthropic-beta': 'skills-2025-10-02' },
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /skills-2025-10-02/);
    const [logged] = api.emulator.log.splice(0);
    assert.deepEqual(requestProblems(logged), [
      'anthropic-beta is sent (skills-2025-10-02): the GA surface takes none',
    ]);
  });

  it('the checker catches ?beta=true, an old anthropic-version and a missing one', async () => {
    assert.deepEqual(await problemsOf('/v1/skills?beta=true', {}), ['unknown query parameter beta']);
    assert.deepEqual(await problemsOf('/v1/skills', { headers: { 'anthropic-version': '2023-06-01' } }), [
      'anthropic-version is 2023-06-01, not 2026-10-21',
    ]);
    assert.deepEqual(await problemsOf('/v1/skills', { headers: { 'anthropic-version': '' } }), [
      'the anthropic-version header is missing',
    ]);
  });

  it('the checker takes the download as a GA operation, with or without the route qualifier', async () => {
    assert.deepEqual(await problemsOf('/v1/skills/s/versions/skver_1/content', {}), []);
    assert.deepEqual(await problemsOf('/v1/skills/s/versions/skver_1/content?beta=true', {}), [
      'unknown query parameter beta',
    ]);
  });

  it('the checker catches a `file` field instead of `files[]`', async () => {
    const body = new UndiciFormData();
    body.append('file', new Blob(['---\nname: x\ndescription: y\n---\n']), 'x/SKILL.md');
    const problems = await problemsOf('/v1/skills', { method: 'POST', body });
    assert.deepEqual(problems, ["body must have required property 'files'"]);
  });

  it('the checker catches limits out of range and unknown query parameters', async () => {
    assert.deepEqual(await problemsOf('/v1/skills?limit=1001', {}), ['limit 1001 is outside 1–1000']);
    assert.deepEqual(await problemsOf('/v1/skills/s/versions?limit=0', {}), ['limit 0 is outside 1–1000']);
    assert.deepEqual(await problemsOf('/v1/skills?order=asc', {}), ['unknown query parameter order']);
  });

  it('reads answers in legacy shapes (a gateway that still sends them) and keeps working on them', async () => {
    api.seed([{ id: 'skill_legacy', name: 'legacy-one', description: 'Old shapes.', versionCount: 2 }]);
    api.emulator.legacyShapes = true;
    try {
      const [skill] = (await api.client.listSkills({ source: 'custom' })).data;
      assert.equal(skill.displayName, 'legacy-one');
      assert.equal(skill.source, 'custom');
      const versions = (await api.client.listVersions(skill.id)).data;
      assert.equal(versions.length, 2);
      // The legacy surface addresses a version by its version string, and names the latest by it too.
      assert.match(versions[0].id, /^\d{16}$/);
      assert.equal(skill.latestVersionId, versions[0].id);
      assert.equal((await api.client.getVersion(skill.id, versions[0].id)).name, 'legacy-one');
      assert.deepEqual(await api.client.deleteVersion(skill.id, versions[1].id), { id: versions[1].id });
      const raw = api.emulator.log[0].response as { has_more: boolean; data: Record<string, unknown>[] };
      assert.equal(raw.has_more, false);
      assert.deepEqual(
        [raw.data[0].display_title, raw.data[0].display_name, raw.data[0].source],
        ['legacy-one', undefined, 'custom'],
      );
    } finally {
      api.emulator.legacyShapes = false;
      api.emulator.resetLog(); // legacy answers are not the GA schemas the hook checks
    }
  });
});

describe('parsing answers in GA and legacy shapes', () => {
  const ga = {
    id: 'skill_01abc',
    type: 'skill',
    display_name: 'GA Skill',
    latest_version_id: 'skver_01xyz',
    source: { type: 'anthropic_example' },
    created_at: '2026-08-19T10:00:00.000000Z',
    updated_at: '2026-08-20T10:00:00.000000Z',
  };

  it('reads a GA skill: display_name, latest_version_id, source object', () => {
    assert.deepEqual(toSkill(ga), {
      id: 'skill_01abc',
      displayName: 'GA Skill',
      latestVersionId: 'skver_01xyz',
      source: 'anthropic_example',
      createdAt: ga.created_at,
      updatedAt: ga.updated_at,
    });
  });

  it('reads a legacy skill: display_title, latest_version, source string', () => {
    const legacy = { ...ga, display_name: undefined, latest_version_id: undefined, source: 'custom' };
    const skill = toSkill({ ...legacy, display_title: 'Old', latest_version: '1759178010641129' });
    assert.equal(skill.displayName, 'Old');
    assert.equal(skill.latestVersionId, '1759178010641129');
    assert.equal(skill.source, 'custom');
  });

  it('addresses a GA version by its id, a legacy one by its version string', () => {
    const base = { id: 'skver_01xyz', skill_id: 'skill_01abc', name: 'n', description: 'd', created_at: ga.created_at };
    assert.equal(toSkillVersion(base).id, 'skver_01xyz');
    assert.equal(toSkillVersion({ ...base, version: '1759178010641129', directory: 'n' }).id, '1759178010641129');
  });

  it('pages a GA list on next_page alone, and stops a legacy list whose has_more is false', () => {
    assert.equal(toPage({ data: [ga], next_page: 'page_2' }, toSkill).nextPage, 'page_2');
    assert.equal(toPage({ data: [ga], next_page: null }, toSkill).nextPage, null);
    assert.equal(toPage({ data: [], has_more: false, next_page: 'stray' }, toSkill).nextPage, null);
  });

  it('refuses an answer that is not a skill, naming the request', () => {
    assert.throws(() => toSkill({ type: 'skill' }, 'req_1'), { kind: 'server', requestId: 'req_1' });
    assert.throws(() => toPage({ items: [] }, toSkill), { kind: 'server' });
  });
});
