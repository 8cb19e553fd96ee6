// One POST per publish, and an outcome that is always known: a lost answer is settled by asking again.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SkillsApiError } from '../../../src/api/errors';
import type { Skill } from '../../../src/api/types';
import { inspectSkillFolder, readUploadFiles, type SkillFolder } from '../../../src/skill/folder';
import {
  NotPublishedError,
  publishFiles,
  PublishOutcomeUnknownError,
  type PublishTarget,
} from '../../../src/skill/publish';
import { useEmulator } from '../../support/harness';

describe('publishing a skill folder', () => {
  const api = useEmulator();
  let dir: string;
  let skill: SkillFolder;
  let existing: Skill;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claude-skills-publish-'));
    writeFileSync(
      join(dir, 'SKILL.md'),
      '---\nname: release-notes\ndescription: Writes release notes. Use before a release.\n---\n',
    );
    skill = await inspectSkillFolder(dir);
    api.seed([{ name: 'release-notes', display_title: 'Release Notes', description: 'Old.' }]);
    [existing] = (await api.client.listSkills()).data;
    api.emulator.resetLog();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const asVersion = (): PublishTarget => ({ kind: 'version', skill: existing });
  const posts = () => api.emulator.log.filter((r) => r.method === 'POST');
  const versionsInStore = () => api.emulator.store.skill(existing.id).versions.length;

  it('publishes a new version with one POST', async () => {
    const published = await publishFiles(api.client, await readUploadFiles(skill), asVersion());
    assert.equal(published.settled, false);
    assert.equal(published.skill.id, existing.id);
    assert.equal(published.skill.latestVersion, published.version?.version);
    assert.notEqual(published.version?.version, existing.latestVersion);
    assert.equal(published.version?.name, 'release-notes');
    assert.equal(posts().length, 1);
    assert.equal(api.emulator.log.length, 1);
    assert.equal(versionsInStore(), 2);
  });

  it('a reset after the server made the version: not retried, settled by asking again', async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'afterProcessing' });
    const published = await publishFiles(api.client, await readUploadFiles(skill), asVersion());
    assert.equal(published.settled, true);
    assert.equal(published.skill.latestVersion, api.emulator.store.skill(existing.id).versions.at(-1)!.version);
    assert.equal(published.version, undefined);
    assert.deepEqual(
      api.emulator.log.map((r) => [r.method, r.path]),
      [
        ['POST', `/v1/skills/${existing.id}/versions`],
        ['GET', `/v1/skills/${existing.id}`],
      ],
    );
    assert.equal(versionsInStore(), 2, 'exactly one version was made');
  });

  it('a reset before the server acted: not retried, and asking again proves nothing was published', async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'beforeProcessing' });
    await assert.rejects(
      async () => publishFiles(api.client, await readUploadFiles(skill), asVersion()),
      (err: unknown) => {
        assert.ok(err instanceof NotPublishedError);
        assert.match(err.message, /Checked again: nothing was published\.$/);
        return true;
      },
    );
    assert.equal(posts().length, 1);
    assert.equal(versionsInStore(), 1);
  });

  it('a new skill whose answer is lost is found by its display title', async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'afterProcessing' });
    const published = await publishFiles(api.client, await readUploadFiles(skill), {
      kind: 'skill',
      displayTitle: 'Release Notes 2',
    });
    assert.equal(published.settled, true);
    const created = api.emulator.store.all().find((s) => s.displayTitle === 'Release Notes 2')!;
    assert.equal(published.skill.id, created.id);
    assert.equal(posts().length, 1);
  });

  it('a timeout is settled against what the server really holds', async () => {
    api.emulator.faults.push({ method: 'POST', latencyMs: 300 });
    const client = api.clientWith({ timeoutMs: () => 100 });
    const outcome = await publishFiles(client, await readUploadFiles(skill), asVersion()).then(
      (published) => (published.settled ? 'published' : 'unexpected'),
      (err: unknown) => (err instanceof NotPublishedError ? 'not published' : String(err)),
    );
    await new Promise((r) => setTimeout(r, 400)); // let the server finish what it started
    assert.equal(outcome, versionsInStore() === 2 ? 'published' : 'not published');
    assert.equal(posts().length, 1);
  });

  it('when the check fails too, says the outcome is unknown', async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'afterProcessing' }, { method: 'GET', status: 500, times: 3 });
    await assert.rejects(
      async () => publishFiles(api.client, await readUploadFiles(skill), asVersion()),
      (err: unknown) => {
        assert.ok(err instanceof PublishOutcomeUnknownError);
        assert.match(err.message, /Whether it was published is unknown: checking failed too .*Refresh the Skills view/);
        return true;
      },
    );
  });

  it('an error the server certainly did not act on is reported as it is, without a check', async () => {
    api.emulator.faults.push({ method: 'POST', status: 400, message: 'Skill cannot reuse an existing display_title.' });
    await assert.rejects(
      async () =>
        publishFiles(api.client, await readUploadFiles(skill), { kind: 'skill', displayTitle: 'Release Notes' }),
      (err: unknown) => {
        assert.ok(err instanceof SkillsApiError);
        assert.equal(err.kind, 'invalidRequest');
        return true;
      },
    );
    assert.equal(api.emulator.log.length, 1);
  });
});
