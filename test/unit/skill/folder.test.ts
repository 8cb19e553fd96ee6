// What a valid skill folder uploads: the files after the excludes, under `<name>/`, on every OS.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { toRelativePath } from '../../../src/skill/files';
import { buildZip, inspectSkillFolder, readUploadFiles } from '../../../src/skill/folder';
import { hasErrors } from '../../../src/skill/problems';
import { publishFiles } from '../../../src/skill/publish';
import { unpackVersionZip } from '../../../src/skill/versionFiles';
import { useEmulator } from '../../support/harness';
import { repoRoot } from '../../support/vscodeServer';

const goodDir = path.join(repoRoot, 'test', 'fixtures', 'good');

describe('a valid skill folder', () => {
  const api = useEmulator();
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'claude-skills-folder-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  /** A copy of a fixture in a scratch folder, with extra files (which git could not carry) added. */
  function copyOf(fixture: string, extra: Record<string, string> = {}): string {
    const dir = path.join(scratch, fixture);
    cpSync(path.join(goodDir, fixture), dir, { recursive: true });
    for (const [file, content] of Object.entries(extra)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    return dir;
  }

  it('maps Windows paths to forward slashes', () => {
    assert.equal(
      toRelativePath('C:\\skills\\my-skill', 'C:\\skills\\my-skill\\scripts\\run.py', path.win32),
      'scripts/run.py',
    );
    assert.equal(toRelativePath('C:\\skills\\my-skill', 'C:\\skills\\my-skill\\SKILL.md', path.win32), 'SKILL.md');
    assert.equal(toRelativePath('/home/me/my-skill', '/home/me/my-skill/a/b/c.md', path.posix), 'a/b/c.md');
  });

  it('leaves out the default excludes and warns about unknown frontmatter keys without blocking', async () => {
    const dir = copyOf('unknown-key', {
      'node_modules/dep/index.js': 'module.exports = 1;\n',
      '.git/HEAD': 'ref: main\n',
      '.DS_Store': 'x',
    });
    const skill = await inspectSkillFolder(dir);
    assert.deepEqual(
      skill.files.map((f) => f.relativePath),
      ['SKILL.md', 'docs/guide.md'],
    );
    assert.equal(skill.name, 'my-skill');
    assert.equal(hasErrors(skill.problems), false);
    assert.deepEqual(skill.problems, [
      {
        severity: 'warning',
        file: 'SKILL.md',
        line: 4,
        message:
          'Unknown frontmatter key "version": the Skills API may ignore or refuse it. Known keys: name, description, license, compatibility, metadata, allowed-tools.',
      },
    ]);
  });

  it('takes patterns from the exclude setting instead of the defaults', async () => {
    const dir = copyOf('unknown-key', { 'node_modules/dep/index.js': 'x' });
    const skill = await inspectSkillFolder(dir, { exclude: ['docs/'] });
    assert.deepEqual(
      skill.files.map((f) => f.relativePath),
      ['SKILL.md', '__pycache__/x.pyc', 'node_modules/dep/index.js'],
    );
  });

  it('accepts a secret excluded in .skillignore, and does not upload .skillignore itself', async () => {
    const skill = await inspectSkillFolder(copyOf('excluded-secret'));
    assert.deepEqual(skill.problems, []);
    assert.deepEqual(
      skill.files.map((f) => f.relativePath),
      ['SKILL.md', 'scripts/run.py'],
    );
  });

  it('accepts an .npmrc that holds no token', async () => {
    const skill = await inspectSkillFolder(copyOf('harmless-npmrc'));
    assert.deepEqual(skill.problems, []);
    assert.deepEqual(
      skill.files.map((f) => f.relativePath),
      ['.npmrc', 'SKILL.md'],
    );
  });

  it('follows a symlink that stays inside the folder', async () => {
    const dir = copyOf('harmless-npmrc', { 'docs/guide.md': '# Guide\n' });
    symlinkSync('docs', path.join(dir, 'manual'));
    const skill = await inspectSkillFolder(dir);
    assert.deepEqual(skill.problems, []);
    assert.deepEqual(
      skill.files.map((f) => f.relativePath),
      ['.npmrc', 'SKILL.md', 'docs/guide.md', 'manual/guide.md'],
    );
  });

  it('checks unsaved SKILL.md text instead of the file when given', async () => {
    const skill = await inspectSkillFolder(copyOf('harmless-npmrc'), {
      skillMdText: '---\nname: Bad Name\ndescription: x\n---\n',
    });
    assert.equal(skill.name, undefined);
    assert.match(skill.problems[0].message, /may hold only lowercase letters/);
  });

  it('uploads every file as <name>/<path>: the emulator accepts the multipart body and it matches the spec', async () => {
    const dir = copyOf('excluded-secret', { 'scripts/lib/util.py': 'def f(): pass\n' });
    const skill = await inspectSkillFolder(dir);
    const files = await readUploadFiles(skill);
    assert.deepEqual(
      files.map((f) => f.path),
      ['my-skill/SKILL.md', 'my-skill/scripts/lib/util.py', 'my-skill/scripts/run.py'],
    );
    const published = await publishFiles(
      api.client,
      await readUploadFiles(skill),
      { kind: 'skill', displayName: 'My Skill' },
      { settle: { readArchive: unpackVersionZip } },
    );
    assert.equal(published.settled, false);
    // The titles already taken are read first: an identical namesake is never taken for this upload.
    assert.deepEqual(
      api.emulator.log.map((r) => `${r.method} ${r.path}`),
      ['GET /v1/skills', 'POST /v1/skills'],
    );
    const post = api.emulator.log[1];
    assert.deepEqual(
      post.files.map((f) => [f.field, f.filename]),
      files.map((f) => ['files[]', f.path]),
    );
    assert.equal(post.status, 200);
    // (the harness checks the request and the answer against the OpenAPI document after each test)
  });

  it('packages <name>.zip with <name>/… inside', async () => {
    const skill = await inspectSkillFolder(copyOf('excluded-secret'));
    const zip = await JSZip.loadAsync(await buildZip(skill));
    const entries = Object.values(zip.files)
      .filter((e) => !e.dir)
      .map((e) => e.name)
      .sort();
    assert.deepEqual(entries, ['my-skill/SKILL.md', 'my-skill/scripts/run.py']);
    assert.equal(await zip.file('my-skill/scripts/run.py')!.async('string'), 'print("hi")\n');
  });
});
