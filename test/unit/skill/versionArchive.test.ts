import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { rawZip } from '../../support/rawZip';
import { repoRoot } from '../../support/vscodeServer';
import { compareFiles, unpackVersionZip } from '../../../src/skill/versionArchive';
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

  const SKILL = { name: 'bomb/SKILL.md', data: Buffer.from('---\nname: bomb\ndescription: x\n---\n') };

  it('refuses a zip bomb at 30 MB, with memory bounded whatever it holds: 4 GB from 4 MB, measured apart', async () => {
    // Four hundred entries of 10 MB of zeros each, one deflated body (about 10 KB) written 400 times.
    const bomb = rawZip([SKILL, { name: 'bomb/part#.bin', data: Buffer.alloc(10 * 1024 * 1024), copies: 400 }]);
    assert.ok(bomb.length < 5 * 1024 * 1024, `${bomb.length} bytes`);
    await assert.rejects(unpackVersionZip(bomb), /unpack to more than 30.0 MB/);
    // The memory it cost, in a process of its own: the peak RSS past the baseline.
    const dir = mkdtempSync(join(tmpdir(), 'claude-skills-bomb-'));
    try {
      writeFileSync(join(dir, 'bomb.zip'), bomb);
      const script = `
        const { unpackVersionZip } = require(${JSON.stringify(join(repoRoot, 'out/src/skill/versionArchive.js'))});
        const bytes = require('fs').readFileSync(${JSON.stringify(join(dir, 'bomb.zip'))});
        global.gc?.();
        const before = process.memoryUsage().rss;
        unpackVersionZip(bytes).then(() => process.exit(2), () => {
          console.log(JSON.stringify({ addedMb: (process.resourceUsage().maxRSS * 1024 - before) / 1048576, beforeMb: before / 1048576 }));
        });`;
      const { addedMb, beforeMb } = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
      // Unbounded, it would take 4 GB; bounded, it is the 30 MB cap, the inflater and the GC's slack.
      assert.ok(addedMb < 250, `unpacking added ${addedMb.toFixed(0)} MB to ${beforeMb.toFixed(0)} MB`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses more entries than a skill may hold', async () => {
    const many = rawZip([SKILL, { name: 'bomb/f#.txt', data: Buffer.from('x'), copies: 10_001 }]);
    await assert.rejects(unpackVersionZip(many), /10,002 files, more than the 10,000/);
  });

  it('refuses two entries of one name, and names that differ only in case', async () => {
    await assert.rejects(
      unpackVersionZip(
        rawZip([SKILL, { name: 'bomb/a.md', data: Buffer.from('1') }, { name: 'bomb/a.md', data: Buffer.from('2') }]),
      ),
      /two entries of one name/,
    );
    await assert.rejects(
      unpackVersionZip(
        rawZip([SKILL, { name: 'bomb/A.md', data: Buffer.from('1') }, { name: 'bomb/a.md', data: Buffer.from('2') }]),
      ),
      /two entries of one name: bomb\/a\.md/,
    );
  });

  it('refuses names no system writes alike: NUL, CON, a colon, a trailing dot, and a file beside a folder of its name', async () => {
    for (const [name, why] of [
      ['bomb/a\u0000b.md', /control or reserved characters/],
      ['bomb/CON', /a name Windows reserves/],
      ['bomb/con .txt', /a name Windows reserves/],
      ['bomb/a:b', /control or reserved characters/],
      ['bomb/notes.', /trailing spaces or dots/],
    ] as const) {
      await assert.rejects(unpackVersionZip(rawZip([SKILL, { name, data: Buffer.from('x') }])), why, name);
    }
    await assert.rejects(
      unpackVersionZip(
        rawZip([
          SKILL,
          { name: 'bomb/docs', data: Buffer.from('1') },
          { name: 'bomb/Docs/a.md', data: Buffer.from('2') },
        ]),
      ),
      /a file and a folder of one name: bomb\/docs/,
    );
    await assert.rejects(
      unpackVersionZip(
        rawZip([
          SKILL,
          { name: 'bomb/\u00e9.txt', data: Buffer.from('1') },
          { name: 'bomb/e\u0301.txt', data: Buffer.from('2') },
        ]),
      ),
      /two entries of one name/,
    );
  });

  for (const name of [
    'C:/Windows/evil.bat',
    'c:evil.bat',
    '\\\\server\\share\\evil.bat',
    '//server/share/evil.bat',
    '/etc/evil',
  ]) {
    it(`refuses an entry named ${name}`, async () => {
      await assert.rejects(unpackVersionZip(rawZip([SKILL, { name, data: Buffer.from('x') }])), /leaves its folder/);
    });
  }

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
