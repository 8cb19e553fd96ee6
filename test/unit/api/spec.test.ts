// The client's requests against the spec's beta operations, and the checker itself: a request with a wrong
// header, without ?beta=true or with a `file` field instead of `files[]` must be caught.
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
    init: { method?: string; headers?: Record<string, string>; body?: UndiciFormData },
  ) {
    await api.transport.fetch(`${api.emulator.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'x-api-key': TEST_KEY,
        'anthropic-version': '2023-06-01',
        'anthropic-beta': 'skills-2025-10-02',
        ...init.headers,
      },
      body: init.body as unknown as FormData,
    });
    const [logged] = api.emulator.log.splice(0) as LoggedRequest[];
    return requestProblems(logged);
  }

  it('every request the client makes for the nine operations matches a beta operation', async () => {
    const skill = await api.client.createSkill({ files: skillFiles('spec-check'), displayTitle: 'Spec' });
    const version = await api.client.createVersion(skill.id, skillFiles('spec-check'));
    await api.client.listSkills({ limit: 100, source: 'custom' });
    await api.client.getSkill(skill.id);
    await api.client.listVersions(skill.id, { limit: 1000 });
    await api.client.getVersion(skill.id, version.version);
    await api.client.downloadVersion(skill.id, version.version);
    await api.client.deleteVersion(skill.id, version.version);
    await api.client.deleteVersion(skill.id, skill.latestVersion!);
    await api.client.deleteSkill(skill.id);
    assert.equal(api.emulator.log.length, 10);
    for (const request of api.emulator.log)
      assert.deepEqual(requestProblems(request), [], `${request.method} ${request.path}`);
    // The afterEach hook checks the emulator's answers against the Beta* response schemas.
  });

  it('the checker catches a missing ?beta=true', async () => {
    assert.deepEqual(await problemsOf('/v1/skills', {}), ['the query lacks beta=true']);
  });

  it('the checker catches a wrong or missing beta header, and a missing version header', async () => {
    assert.deepEqual(
      await problemsOf('/v1/skills?beta=true', { headers: { 'anthropic-beta': 'files-api-2025-04-14' } }),
      ['anthropic-beta does not include skills-2025-10-02'],
    );
    const problems = await problemsOf('/v1/skills?beta=true', { headers: { 'anthropic-version': '' } });
    assert.deepEqual(problems, ['the anthropic-version header is missing']);
  });

  it('the checker catches a `file` field instead of `files[]`', async () => {
    const body = new UndiciFormData();
    body.append('file', new Blob(['---\nname: x\ndescription: y\n---\n']), 'x/SKILL.md');
    const problems = await problemsOf('/v1/skills?beta=true', { method: 'POST', body });
    assert.deepEqual(problems, ["body must have required property 'files'"]);
  });

  it('the checker catches limits out of range and unknown query parameters', async () => {
    assert.deepEqual(await problemsOf('/v1/skills?beta=true&limit=101', {}), ['limit 101 is outside 1–100']);
    assert.deepEqual(await problemsOf('/v1/skills/s/versions?beta=true&limit=1001', {}), [
      'limit 1001 is outside 1–1000',
    ]);
    assert.deepEqual(await problemsOf('/v1/skills?beta=true&order=asc', {}), ['unknown query parameter order']);
  });
});

describe('parsing answers in beta and GA shapes', () => {
  const ga = {
    id: 'skill_01abc',
    type: 'skill',
    display_name: 'GA Skill',
    latest_version_id: 'skillver_01xyz',
    source: { type: 'anthropic_example' },
    created_at: '2026-08-19T10:00:00.000000Z',
    updated_at: '2026-08-20T10:00:00.000000Z',
  };

  it('reads a GA skill: display_name, latest_version_id, source object', () => {
    assert.deepEqual(toSkill(ga), {
      id: 'skill_01abc',
      displayTitle: 'GA Skill',
      latestVersion: 'skillver_01xyz',
      source: 'anthropic_example',
      createdAt: ga.created_at,
      updatedAt: ga.updated_at,
    });
  });

  it('addresses a GA version (no version field) by its id', () => {
    const version = toSkillVersion({
      id: 'skillver_01xyz',
      skill_id: 'skill_01abc',
      name: 'n',
      description: 'd',
      created_at: ga.created_at,
    });
    assert.equal(version.version, 'skillver_01xyz');
    assert.equal(version.directory, null);
  });

  it('pages a GA list on next_page alone, and stops a beta list whose has_more is false', () => {
    assert.equal(toPage({ data: [ga], next_page: 'page_2' }, toSkill).nextPage, 'page_2');
    assert.equal(toPage({ data: [], has_more: false, next_page: 'stray' }, toSkill).nextPage, null);
  });

  it('refuses an answer that is not a skill, naming the request', () => {
    assert.throws(() => toSkill({ type: 'skill' }, 'req_1'), { kind: 'server', requestId: 'req_1' });
    assert.throws(() => toPage({ items: [] }, toSkill), { kind: 'server' });
  });
});
