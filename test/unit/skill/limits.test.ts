// Limits a real workspace meets: thousands of files with few file handles, descriptions in emoji.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { collectFiles } from '../../../src/skill/files';
import { parseSkillMd } from '../../../src/skill/frontmatter';
import { scanForSecrets } from '../../../src/skill/secrets';
import { validateFrontmatter } from '../../../src/skill/rules';
import { repoRoot } from '../../support/vscodeServer';

describe('limits of a skill folder', () => {
  it('reads 3,000 files for an upload with only 128 file handles to go round', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'claude-skills-many-'));
    try {
      writeFileSync(join(dir, 'SKILL.md'), '---\nname: many-files\ndescription: Many small files.\n---\n');
      mkdirSync(join(dir, 'data'));
      for (let i = 0; i < 3000; i++) writeFileSync(join(dir, 'data', `f${i}.txt`), `file ${i}\n`);
      const script = `
        const { inspectSkillFolder, readUploadFiles } = require(${JSON.stringify(join(repoRoot, 'out/src/skill/skillFolder.js'))});
        inspectSkillFolder(${JSON.stringify(dir)}).then(readUploadFiles).then(
          (files) => console.log(files.length),
          (err) => { console.log(String(err)); process.exit(1); });`;
      // A process of its own, with a low file-handle limit: reading every file at once would fail (EMFILE).
      const out = execFileSync(
        'sh',
        ['-c', `ulimit -n 128 && exec "${process.execPath}" -e '${script.replace(/'/g, "'\\''")}'`],
        {
          encoding: 'utf8',
        },
      );
      assert.equal(out.trim(), '3001');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scans for secrets without leaving a trace in the process: no performance mark piles up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claude-skills-scan-'));
    try {
      const filesNamed = async (prefix: string) => {
        for (let i = 0; i < 50; i++) writeFileSync(join(dir, `${prefix}${i}.txt`), `file ${i}\n`);
        return (await collectFiles(dir)).files.filter((f) => f.relativePath.startsWith(prefix));
      };
      const marks = () => performance.getEntriesByType('mark').length;
      await scanForSecrets(await filesNamed('warm')); // the detector loads on first use
      const before = marks();
      assert.deepEqual(await scanForSecrets(await filesNamed('new')), []); // new files: scanned, not remembered
      assert.equal(marks(), before, "secretlint's profiler would add marks for every file, for good");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scans a file again once it changed, and remembers what unchanged files held', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claude-skills-rescan-'));
    try {
      const file = join(dir, 'config.json');
      writeFileSync(file, '{"key": "none yet"}\n');
      assert.deepEqual(await scanForSecrets((await collectFiles(dir)).files), []);
      writeFileSync(file, `{"key": "sk-ant-api03-${'Ab3dE'.repeat(18)}xyz-AA"}\n`); // another size: changed
      const [found] = await scanForSecrets((await collectFiles(dir)).files);
      assert.match(found.message, /Anthropic Claude API key/);
      const again = await scanForSecrets((await collectFiles(dir)).files);
      assert.deepEqual(again, [found], 'the same finding, from what was remembered');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts a description in characters as the API does, not UTF-16 units: 600 emoji are 600', () => {
    const skillMd = (description: string) => parseSkillMd(`---\nname: emoji\ndescription: "${description}"\n---\n`);
    assert.deepEqual(validateFrontmatter(skillMd('🎉'.repeat(600))), []);
    const [tooLong] = validateFrontmatter(skillMd('🎉'.repeat(1025)));
    assert.match(tooLong.message, /"description" is 1025 characters long; the limit is 1024\. Shorten it by 1\./);
  });
});
