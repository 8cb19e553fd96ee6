// One POST per publish, the target read fresh first, and an outcome told only when known: a lost answer is
// settled by finding a version (or skill) made since the upload whose files hash the same as ours.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../../src/api/errors';
import type { Skill, UploadFile } from '../../../src/api/types';
import { inspectSkillFolder, readUploadFiles } from '../../../src/skill/skillFolder';
import {
  publishFiles,
  PublishOutcomeUnknownError,
  type PublishClient,
  type Published,
  type PublishTarget,
} from '../../../src/operations/publish';
import { unpackVersionZip } from '../../../src/skill/versionArchive';
import { skillFiles, useEmulator } from '../../support/harness';

/** A short window for tests: looks at 0, 20, 60, 140 and 300 ms. */
const WINDOW_MS = [20, 40, 80, 160];

describe('publishing a skill folder', () => {
  const api = useEmulator();
  let dir: string;
  let files: UploadFile[];
  let existing: Skill;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claude-skills-publish-'));
    writeFileSync(
      join(dir, 'SKILL.md'),
      '---\nname: release-notes\ndescription: Writes release notes. Use before a release.\n---\n',
    );
    files = await readUploadFiles(await inspectSkillFolder(dir));
    api.seed([{ name: 'release-notes', display_name: 'Release Notes', description: 'Old.' }]);
    [existing] = (await api.client.listSkills()).data;
    api.emulator.resetLog();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const asVersion = (): PublishTarget => ({ kind: 'version', skill: existing });
  const posts = () => api.emulator.log.filter((r) => r.method === 'POST');
  const storedVersions = () => api.emulator.store.skill(existing.id).versions;
  const publish = (target: PublishTarget, client: PublishClient = api.client, delaysMs = WINDOW_MS) =>
    publishFiles(client, files, target, { settle: { readArchive: unpackVersionZip, delaysMs } });
  /** What a user would be told: published, not published (only when certain), or unknown. */
  const outcomeOf = (pending: Promise<Published>) =>
    pending.then(
      (p) => (p.settled ? 'published (settled)' : 'published'),
      (err: unknown) =>
        err instanceof PublishOutcomeUnknownError
          ? 'unknown'
          : err instanceof ApiError && !err.mayHaveBeenProcessed
            ? 'not published'
            : `error: ${String(err)}`,
    );
  /** A colleague's publish, straight into the emulator's store. */
  const colleaguePublishes = () =>
    api.emulator.store.createVersion(existing.id, {
      name: 'release-notes',
      description: "A colleague's.",
      files: [{ path: 'SKILL.md', data: Buffer.from('---\nname: release-notes\ndescription: Theirs.\n---\n') }],
    });

  it('reads the target fresh, then publishes a new version with one POST', async () => {
    const published = await publish(asVersion());
    assert.equal(published.settled, false);
    assert.equal(published.skill.id, existing.id);
    assert.equal(published.skill.latestVersionId, published.version?.id);
    assert.notEqual(published.version?.id, existing.latestVersionId);
    assert.equal(published.version?.name, 'release-notes');
    assert.deepEqual(
      api.emulator.log.map((r) => `${r.method} ${r.path}`),
      [`GET /v1/skills/${existing.id}`, `POST /v1/skills/${existing.id}/versions`],
    );
    assert.equal(storedVersions().length, 2);
  });

  it('a reset after the server made the version: not retried, found by its files', async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'afterProcessing' });
    const published = await publish(asVersion());
    assert.equal(published.settled, true);
    assert.equal(published.version?.id, storedVersions().at(-1)!.id);
    assert.equal(published.skill.latestVersionId, published.version?.id);
    assert.equal(posts().length, 1);
    assert.equal(storedVersions().length, 2, 'exactly one version was made');
    assert.ok(
      api.emulator.log.some((r) => r.path.endsWith('/content')),
      'the candidate was downloaded and hashed',
    );
  });

  for (const delayMs of [0, 30, 150]) {
    it(`a server that creates the version ${delayMs} ms after dropping the answer: published, once`, async () => {
      api.emulator.faults.push({ method: 'POST', reset: 'delayedProcessing', delayMs });
      assert.equal(await outcomeOf(publish(asVersion())), 'published (settled)');
      assert.equal(posts().length, 1);
      assert.equal(storedVersions().length, 2);
    });
  }

  it('a server that creates it after the window: unknown, never "nothing was published"', async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'delayedProcessing', delayMs: 600 });
    const pending = outcomeOf(publish(asVersion(), api.client, [20, 40]));
    assert.equal(await pending, 'unknown');
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(storedVersions().length, 2, 'it was published after all: "nothing was published" would have lied');
    assert.equal(posts().length, 1);
  });

  it("a colleague's publish since the tree loaded is not taken for ours", async () => {
    const theirs = colleaguePublishes(); // after `existing` was read: the tree is stale
    api.emulator.faults.push({ method: 'POST', reset: 'afterProcessing' });
    const published = await publish(asVersion());
    assert.equal(published.settled, true);
    assert.notEqual(published.version?.id, theirs.id);
    assert.equal(published.version?.id, storedVersions().at(-1)!.id);
  });

  it("a colleague's publish while ours was lost is not ours: unknown", async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'afterReading' });
    setTimeout(colleaguePublishes, 10);
    assert.equal(await outcomeOf(publish(asVersion())), 'unknown');
    assert.equal(storedVersions().length, 2, "only the colleague's");
  });

  it('an identical publish of the same folder a moment before is not taken for a lost one', async () => {
    await publish(asVersion()); // the same files, well inside the clock-skew margin
    api.emulator.faults.push({ method: 'POST', reset: 'afterReading' });
    assert.equal(await outcomeOf(publish(asVersion())), 'unknown');
    assert.equal(storedVersions().length, 2);
  });

  it('an identical new skill of the same title made a moment before is not taken for a lost one', async () => {
    await publish({ kind: 'skill', displayName: 'Twin' });
    api.emulator.faults.push({ method: 'POST', reset: 'afterReading' });
    assert.equal(await outcomeOf(publish({ kind: 'skill', displayName: 'Twin' })), 'unknown');
    assert.equal(api.emulator.store.all().filter((s) => s.displayName === 'Twin').length, 1);
  });

  it('a new skill whose answer is lost is found by title, time and files, not by an older namesake', async () => {
    api.seed([
      { id: 'skill_01Older', name: 'release-notes', display_name: 'Release Notes', description: 'Old.', daysAgo: 30 },
    ]);
    api.emulator.resetLog();
    api.emulator.faults.push({ method: 'POST', reset: 'afterProcessing' });
    const published = await publish({ kind: 'skill', displayName: 'Release Notes' });
    assert.equal(published.settled, true);
    const ours = api.emulator.store.all().find((s) => s.id !== 'skill_01Older')!;
    assert.equal(published.skill.id, ours.id);
    assert.equal(api.emulator.store.all().length, 2);
    assert.equal(posts().length, 1);
  });

  it('a new skill that the server never made, with a fresh namesake of other files: unknown', async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'afterReading' });
    api.seed([]);
    setTimeout(() => {
      api.emulator.store.createSkill(
        { name: 'other-skill', description: 'Not ours.', files: [{ path: 'SKILL.md', data: Buffer.from('x') }] },
        'Release Notes',
      );
    }, 5);
    assert.equal(await outcomeOf(publish({ kind: 'skill', displayName: 'Release Notes' })), 'unknown');
  });

  it('a timeout after the body went out is settled against what the server really holds', async () => {
    api.emulator.faults.push({ method: 'POST', latencyMs: 200 });
    const client = api.clientWith({ timeoutMs: () => 80 });
    assert.equal(await outcomeOf(publish(asVersion(), client, [100, 200, 200])), 'published (settled)');
    assert.equal(posts().length, 1);
    assert.equal(storedVersions().length, 2);
  });

  it('when every check fails too, says the outcome is unknown', async () => {
    api.emulator.faults.push(
      { method: 'POST', reset: 'afterProcessing' },
      { method: 'GET', path: /\/versions$/, status: 500, times: 100 },
    );
    await assert.rejects(publish(asVersion()), (err: unknown) => {
      assert.ok(err instanceof PublishOutcomeUnknownError);
      assert.match(err.message, /Whether it was published is not known: checking failed too .*Refresh the Skills view/);
      return true;
    });
  });

  it('a cancel before anything is sent: certainly not published, and nothing goes out', async () => {
    const abort = new AbortController();
    abort.abort();
    const pending = publishFiles(api.client, files, asVersion(), {
      signal: abort.signal,
      settle: { readArchive: unpackVersionZip, delaysMs: WINDOW_MS },
    });
    assert.equal(await outcomeOf(pending), 'not published');
    assert.equal(api.emulator.log.length, 0);
  });

  it('stops checking when asked: unknown', async () => {
    api.emulator.faults.push({ method: 'POST', reset: 'afterReading' });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 30);
    const pending = publishFiles(api.client, files, asVersion(), {
      settle: { readArchive: unpackVersionZip, delaysMs: [5_000], signal: stop.signal },
    });
    await assert.rejects(pending, /the check for it was stopped/);
  });

  it('an error the server certainly did not act on is reported as it is, without a check', async () => {
    await assert.rejects(
      publishFiles(api.client, skillFiles('other-name'), asVersion(), { settle: { readArchive: unpackVersionZip } }),
      {
        kind: 'invalidRequest',
        mayHaveBeenProcessed: false,
      },
    );
    assert.deepEqual(
      api.emulator.log.map((r) => r.method),
      ['GET', 'POST'],
    );
  });
});
