import * as assert from 'node:assert/strict';
import { choosePublishTarget, publishedElsewhereSince } from '../../../src/operations/publishTarget';
import type { Skill } from '../../../src/api/types';
import { slugMemory, useEmulator } from '../../support/harness';

describe('the skill a folder publishes to, against the emulator', () => {
  const api = useEmulator();
  /** The folder's remembered target, and whether it was forgotten. */
  function remembered(id: string | undefined) {
    const state = { id, forgotten: false };
    return {
      state,
      remembered: {
        get: () => state.id,
        forget: async () => {
          state.forgotten = true;
          state.id = undefined;
        },
      },
    };
  }
  const requests = () => api.emulator.log.map((r) => `${r.method} ${r.path}`);

  beforeEach(() =>
    api.seed([
      { id: 'skill_mine', name: 'my-skill', display_name: 'Mine', description: 'Mine.' },
      { id: 'skill_other', name: 'other-skill', display_name: 'Other', description: 'Other.' },
      { id: 'pdf', source: 'anthropic', name: 'pdf', display_name: 'pdf', description: 'PDF.' },
    ]),
  );

  it('takes the skill the folder last published to, with one request', async () => {
    const { remembered: r, state } = remembered('skill_other');
    const choice = await choosePublishTarget({ client: api.client, remembered: r, slugs: slugMemory() }, 'my-skill');
    assert.equal(choice.kind === 'found' && choice.skill.id, 'skill_other');
    assert.equal(state.forgotten, false);
    assert.deepEqual(requests(), ['GET /v1/skills/skill_other']);
  });

  it('forgets a remembered skill that is gone, or not writable, and finds the skill by its slug', async () => {
    for (const gone of ['skill_deleted', 'pdf']) {
      api.emulator.resetLog();
      const { remembered: r, state } = remembered(gone);
      const choice = await choosePublishTarget({ client: api.client, remembered: r, slugs: slugMemory() }, 'my-skill');
      assert.equal(state.forgotten, true, gone);
      assert.deepEqual(choice.kind === 'found' && [choice.skill.id, choice.slug], ['skill_mine', 'my-skill'], gone);
      assert.equal(requests()[0], `GET /v1/skills/${gone}`);
    }
  });

  it('reads no slug a second time: the second choice costs the list alone', async () => {
    const slugs = slugMemory();
    const deps = { client: api.client, remembered: remembered(undefined).remembered, slugs };
    const first = await choosePublishTarget(deps, 'other-skill');
    assert.equal(first.kind === 'found' && first.skill.id, 'skill_other');
    api.emulator.resetLog();
    const again = await choosePublishTarget(deps, 'other-skill');
    assert.equal(again.kind === 'found' && again.skill.id, 'skill_other');
    assert.deepEqual(requests(), ['GET /v1/skills']);
  });

  it('asks the user to pick among their own skills when none has the slug', async () => {
    const choice = await choosePublishTarget(
      { client: api.client, remembered: remembered(undefined).remembered, slugs: slugMemory() },
      'new-one',
    );
    assert.equal(choice.kind, 'pick');
    assert.deepEqual(choice.kind === 'pick' && choice.skills.map((s) => s.id).sort(), ['skill_mine', 'skill_other']);
  });

  it('does not forget the target when the API fails for another reason: the failure is told', async () => {
    const { remembered: r, state } = remembered('skill_mine');
    api.emulator.faults.push({ path: '/v1/skills/skill_mine', status: 403, message: 'Not allowed.' });
    await assert.rejects(
      choosePublishTarget({ client: api.client, remembered: r, slugs: slugMemory() }, 'my-skill'),
      /Not allowed\./,
    );
    assert.equal(state.forgotten, false);
  });

  it('tells a latest version this folder did not publish (nor compare with) from its own', () => {
    const skill = (latestVersionId: string | null): Skill => ({
      id: 'skill_mine',
      displayName: 'Mine',
      latestVersionId,
      source: 'custom',
      createdAt: '2026-10-01T00:00:00Z',
      updatedAt: '2026-10-01T00:00:00Z',
    });
    const record = { skillId: 'skill_mine', versionId: 'skver_1', origin: 'published' as const, files: {}, local: {} };
    assert.equal(publishedElsewhereSince(record, skill('skver_1')), false);
    assert.equal(publishedElsewhereSince(record, skill('skver_2')), true);
    assert.equal(publishedElsewhereSince(undefined, skill('skver_2')), false, 'nothing known: nothing to warn of');
    assert.equal(publishedElsewhereSince({ ...record, skillId: 'skill_other' }, skill('skver_2')), false);
    assert.equal(publishedElsewhereSince(record, skill(null)), false);
  });
});
