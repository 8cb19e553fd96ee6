// What a valid skill folder uploads: the files after the excludes, under `<name>/`, on every OS.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { toRelativePath } from '../../../src/skill/files';
import { buildZip, inspectSkillFolder, readUploadFiles } from '../../../src/skill/skillFolder';
import { ApiError } from '../../../src/api/errors';
import { hasErrors } from '../../../src/skill/problems';
import { publishFiles } from '../../../src/operations/publish';
import { unpackVersionZip } from '../../../src/skill/versionArchive';
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
    // The structured result a command line reports: rule, who it is a problem for, where, and its fix.
    assert.deepEqual(skill.problems, [
      {
        rule: 'unknown-key',
        severity: 'warning',
        file: 'SKILL.md',
        line: 4,
        region: { line: 4, column: 1, endLine: 4, endColumn: 11 },
        targets: ['api'],
        message:
          'Unknown frontmatter key "version": the Skills API may ignore or refuse it. Known keys: name, description, license, compatibility, metadata, allowed-tools. It is a key of Claude Code.',
        fixes: [
          {
            title: 'Remove "version"',
            edits: [{ region: { line: 4, column: 1, endLine: 5, endColumn: 1 }, newText: '' }],
          },
        ],
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

  it("never uploads evals/ at the root, whatever the excludes say; an evals/ deeper down is the skill's own", async () => {
    const dir = copyOf('excluded-secret', {
      'evals/evals.json': '{"skill_name": "my-skill", "evals": []}\n',
      // The expected answers may quote a key: not a problem, since they never leave the machine.
      'evals/files/expected.md': `ANTHROPIC_API_KEY=sk-ant-api03-${'Q'.repeat(93)}AA\n`,
      'scripts/evals/case.py': 'print("kept")\n',
      '.skillignore': '.env\n!evals/\n!/evals/\n',
    });
    for (const exclude of [undefined, []]) {
      const skill = await inspectSkillFolder(dir, { exclude });
      assert.deepEqual(skill.problems, []);
      const kept = skill.files.map((f) => f.relativePath).filter((p) => p.includes('evals'));
      assert.deepEqual(kept, ['scripts/evals/case.py']);
      const zip = await JSZip.loadAsync(await buildZip(skill));
      assert.deepEqual(
        Object.keys(zip.files).filter((name) => name.includes('evals/') && !zip.files[name].dir),
        ['my-skill/scripts/evals/case.py'],
      );
    }
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

  /** Publishes `dir` as a new skill after `change` ran between the check and the upload; what it threw. */
  async function publishChanged(dir: string, change: () => void, when: 'afterCheck' | 'afterRead') {
    const skill = await inspectSkillFolder(dir);
    assert.equal(hasErrors(skill.problems), false);
    if (when === 'afterCheck') change();
    const before = api.emulator.store.all().length;
    const err = await (async () => {
      const files = await readUploadFiles(skill);
      if (when === 'afterRead') change();
      return api.client.createSkill({ files });
    })().then(
      () => assert.fail('the upload went through'),
      (e: unknown) => e,
    );
    assert.equal(api.emulator.store.all().length, before, 'nothing is published');
    // The file's own failure, not a network one: nothing to retry, nothing that may have been published.
    assert.ok(!(err instanceof ApiError), String(err));
    assert.ok(api.emulator.log.filter((r) => r.method === 'POST').length <= 1);
    return err as Error;
  }

  it('refuses an upload when a small file changed since the check, naming it: nothing is published', async () => {
    const dir = copyOf('excluded-secret');
    const err = await publishChanged(
      dir,
      () => writeFileSync(path.join(dir, 'scripts', 'run.py'), 'print("hello, changed")\n'),
      'afterCheck',
    );
    assert.equal(err.message, 'scripts/run.py changed while it was being published: check it, then publish again.');
  });

  it('fails the upload when a large file (read from disk as it goes) changes after the read began', async () => {
    const big = 'x'.repeat(1_500_000);
    const dir = copyOf('excluded-secret', { 'assets/big.txt': big });
    const err = await publishChanged(
      dir,
      () => {
        writeFileSync(path.join(dir, 'assets', 'big.txt'), big.replace(/^x/, 'y'));
        utimesSync(path.join(dir, 'assets', 'big.txt'), new Date(), new Date(Date.now() + 60_000));
      },
      'afterRead',
    );
    assert.equal(err.message, 'assets/big.txt changed while it was being published: check it, then publish again.');
  });

  it('uploads a folder of many small files whole and in order', async () => {
    const extra = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`data/f${i}.txt`, `${i}\n`.repeat(500)]));
    const files = await readUploadFiles(await inspectSkillFolder(copyOf('excluded-secret', extra)));
    const published = await api.client.createSkill({ files });
    const stored = api.emulator.store.skill(published.id).versions[0].files;
    assert.deepEqual(
      stored.map((f) => `my-skill/${f.path}`),
      files.map((f) => f.path),
    );
    for (const i of [0, 117, 199]) {
      const file = stored.find((f) => f.path === `data/f${i}.txt`)!;
      assert.equal(file.data.toString(), `${i}\n`.repeat(500));
    }
  });
});
