import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { compareFiles, unpackVersionZip } from '../../../src/skill/versionFiles';
import { useEmulator } from '../../support/harness';

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content);
  return zip.generateAsync({ type: 'uint8array' });
}

describe("a published version's files", () => {
  const api = useEmulator();

  it('strips the top-level folder of the zip the emulator serves, SKILL.md and nested files alike', async () => {
    api.seed([{ id: 'skill_zip', name: 'zipped', description: 'Zipped.', files: { 'scripts/run.py': 'print(1)\n' } }]);
    const [version] = (await api.client.listVersions('skill_zip')).data;
    const files = await unpackVersionZip(await api.client.downloadVersion('skill_zip', version.id));
    assert.deepEqual([...files.keys()], ['SKILL.md', 'scripts/run.py']);
    assert.match(decode(files.get('SKILL.md')), /^---\nname: zipped\n/);
    assert.equal(decode(files.get('scripts/run.py')), 'print(1)\n');
  });

  it('takes a flat zip as it is', async () => {
    const files = await unpackVersionZip(await zipOf({ 'SKILL.md': 'x', 'a/b.txt': 'y' }));
    assert.deepEqual([...files.keys()], ['SKILL.md', 'a/b.txt']);
  });

  it('refuses a path that leaves the folder', async () => {
    const zip = new JSZip();
    zip.file('skill/SKILL.md', 'x');
    zip.file('skill/../../evil.sh', 'y', { createFolders: false });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await assert.rejects(unpackVersionZip(bytes), /leaves its folder/);
  });

  it('names the added, removed and changed files', () => {
    const published = new Map([
      ['SKILL.md', text('a')],
      ['old.md', text('o')],
      ['same.md', text('s')],
    ]);
    const local = new Map([
      ['SKILL.md', text('b')],
      ['new.md', text('n')],
      ['same.md', text('s')],
    ]);
    assert.deepEqual(compareFiles(published, local), {
      added: ['new.md'],
      removed: ['old.md'],
      changed: ['SKILL.md'],
      unchanged: ['same.md'],
    });
  });
});
