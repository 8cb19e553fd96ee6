import * as assert from 'node:assert/strict';
import { republishVersion } from '../../../src/operations/restore';
import { unpackVersionZip } from '../../../src/skill/versionArchive';
import { useEmulator } from '../../support/harness';

describe('restoring a version as the newest, against the emulator', () => {
  const api = useEmulator();

  it("publishes the old version's files again under the skill's name, and the versions between stay", async () => {
    api.seed([
      {
        id: 'skill_notes',
        name: 'release-notes',
        display_name: 'Release Notes',
        description: 'Writes notes.',
        files: { 'guide.md': 'old guide\n' },
      },
    ]);
    const record = api.emulator.store.skill('skill_notes');
    api.emulator.store.addVersion(record, {
      name: 'release-notes',
      description: 'Writes notes.',
      files: [
        ...record.versions[0].files.filter((f) => f.path !== 'guide.md'),
        { path: 'guide.md', data: Buffer.from('new guide\n') },
      ],
    });
    const [newest, oldest] = api.emulator.store.listVersions('skill_notes');
    const skill = await api.client.getSkill('skill_notes');
    const files = await unpackVersionZip(await api.client.downloadVersion('skill_notes', oldest.id));
    const published = await republishVersion(api.client, skill, oldest, files, {
      settle: { readArchive: unpackVersionZip },
    });

    const versions = api.emulator.store.listVersions('skill_notes');
    assert.equal(versions.length, 3, 'the versions between stay');
    assert.equal(published.version?.id, versions[0].id);
    assert.equal(published.skill.latestVersionId, versions[0].id);
    assert.notEqual(versions[0].id, newest.id);
    const restored = new Map(versions[0].files.map((f) => [f.path, f.data.toString()]));
    assert.equal(restored.get('guide.md'), 'old guide\n');
    assert.deepEqual([...restored.keys()].sort(), oldest.files.map((f) => f.path).sort());
  });
});
