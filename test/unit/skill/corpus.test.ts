// A corpus of broken skill folders: each is refused with the exact message that says what to fix, and
// not one request reaches the emulator.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectSkillFolder, readUploadFiles, SkillFolderError } from '../../../src/skill/skillFolder';
import { publishFiles } from '../../../src/operations/publish';
import { unpackVersionZip } from '../../../src/skill/versionArchive';
import { repoRoot } from '../../support/vscodeServer';
import { useEmulator } from '../../support/harness';

const brokenDir = join(repoRoot, 'test', 'fixtures', 'broken');
const SKILL_MD = '---\nname: my-skill\ndescription: Does one thing well. Use when testing.\n---\n\n# Instructions\n';
/** A file in `dir` at `path` (folders made as needed). */
function put(dir: string, path: string, content: string | Buffer): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
}
/** A valid skill with one more file, whose content or name is a secret. */
const withSecret = (path: string, content: string) => (dir: string) => {
  put(dir, 'SKILL.md', SKILL_MD);
  put(dir, path, content);
};
const secretByName = (path: string, what: string) => () =>
  `${path}: "${path}" looks like a secret (${what}) and would be uploaded to your Anthropic workspace. Remove it from the skill folder, or exclude it in .skillignore.`;
const secretByContent = (path: string, what: string, line: number) => () =>
  `${path}:${line}: "${path}" holds what looks like a secret (${what}) on line ${line}, and would be uploaded to your Anthropic workspace. Remove it, or exclude the file in .skillignore.`;
const ANTHROPIC_KEY = `sk-ant-api03-${'Ab3dE'.repeat(18)}xyz-AA`;
const ED25519_KEY =
  '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIFxYo7Yz4aNq5FJ8fJ6C1Jk3oZ2mQx9C0JYk3b1u5x9Q\n-----END PRIVATE KEY-----\n';

/** Folder name under test/fixtures/broken → the exact error text, one problem per line. */
const FIXTURES: Record<string, string> = {
  'missing-skill-md':
    'No SKILL.md at the top of the folder: a skill folder needs one, with "name" and "description" in its frontmatter.',
  'lowercase-skill-md': 'The skill\'s file must be named exactly SKILL.md: rename "skill.md".',
  'no-frontmatter':
    'SKILL.md:1: SKILL.md must start with YAML frontmatter: a first line "---", then "name:" and "description:", then a line "---".',
  'unclosed-frontmatter': 'SKILL.md:1: The frontmatter is never closed: add a line "---" after its last key.',
  'bad-yaml': 'SKILL.md:3: The frontmatter is not valid YAML: Missing closing "quote.',
  'frontmatter-list':
    'SKILL.md:2: The frontmatter must be YAML keys and values, such as "name: my-skill" and "description: …".',
  'duplicate-keys': 'SKILL.md:4: The frontmatter is not valid YAML: Map keys must be unique.',
  'no-name':
    'SKILL.md:1: The frontmatter has no "name": add one such as "name: my-skill" (lowercase letters, digits and hyphens).',
  'name-not-text': 'SKILL.md:2: "name" must be text, such as "name: my-skill", not a list.',
  'name-uppercase':
    'SKILL.md:2: "name" may hold only lowercase letters, digits and hyphens, not "M", "S". Try "my-skill".',
  'name-spaces': 'SKILL.md:2: "name" may hold only lowercase letters, digits and hyphens, not spaces. Try "my-skill".',
  'name-too-long': `SKILL.md:2: "name" is 65 characters long; the limit is 64. Try "${'a'.repeat(64)}".`,
  'name-leading-hyphen': 'SKILL.md:2: "name" cannot start or end with a hyphen. Try "my-skill".',
  'name-trailing-hyphen': 'SKILL.md:2: "name" cannot start or end with a hyphen. Try "my-skill".',
  'name-double-hyphen': 'SKILL.md:2: "name" cannot contain two hyphens in a row. Try "my-skill".',
  'name-reserved-claude': 'SKILL.md:2: "name" cannot contain the reserved word "claude". Try "helper".',
  'name-reserved-anthropic': 'SKILL.md:2: "name" cannot contain the reserved word "anthropic". Try "tools".',
  'name-xml': [
    'SKILL.md:2: "name" cannot contain XML tags (< or >). Try "b-skill-b".',
    'SKILL.md:2: "name" may hold only lowercase letters, digits and hyphens, not "<", ">", "/". Try "b-skill-b".',
  ].join('\n'),
  'no-description':
    'SKILL.md:1: The frontmatter has no "description": add one that says what the skill does and when Claude should use it.',
  'empty-description': 'SKILL.md:3: "description" is empty: say what the skill does and when Claude should use it.',
  'description-too-long': 'SKILL.md:3: "description" is 1025 characters long; the limit is 1024. Shorten it by 1.',
  'description-xml': 'SKILL.md:3: "description" cannot contain XML tags: remove every < and >.',
  'secret-env':
    '.env: ".env" looks like a secret (an environment file) and would be uploaded to your Anthropic workspace. Remove it from the skill folder, or exclude it in .skillignore.',
  'secret-pem':
    'certs/server.pem: "certs/server.pem" looks like a secret (a PEM key or certificate) and would be uploaded to your Anthropic workspace. Remove it from the skill folder, or exclude it in .skillignore.',
  'secret-npmrc':
    '.npmrc: ".npmrc" looks like a secret (.npmrc holding a token or password) and would be uploaded to your Anthropic workspace. Remove it from the skill folder, or exclude it in .skillignore.',
  'secret-ssh-key':
    'keys/id_ed25519: "keys/id_ed25519" looks like a secret (an SSH private key) and would be uploaded to your Anthropic workspace. Remove it from the skill folder, or exclude it in .skillignore.',
  'two-problems': [
    'SKILL.md:2: "name" may hold only lowercase letters, digits and hyphens, not "C", spaces, "H". Try "helper".',
    'SKILL.md:2: "name" cannot contain the reserved word "claude". Try "helper".',
    'SKILL.md:3: "description" cannot contain XML tags: remove every < and >.',
  ].join('\n'),
};

/** Built at test time: large files, symlinks, empty folders and names git should not carry. */
const GENERATED: Record<string, { build(dir: string): void; message: (dir: string) => string }> = {
  'too-large': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'assets', 'video.mp4'), Buffer.alloc(20 * 1024 * 1024));
      writeFileSync(join(dir, 'assets', 'data.bin'), Buffer.alloc(10 * 1024 * 1024));
      writeFileSync(join(dir, 'assets', 'small.txt'), Buffer.alloc(300 * 1024));
    },
    message: () =>
      'The files total 30.3 MB; the Skills API takes at most 30.0 MB. Largest: assets/video.mp4 (20.0 MB), assets/data.bin (10.0 MB), assets/small.txt (300.0 KB). Exclude what the skill does not need in .skillignore or claudeSkills.exclude.',
  },
  'escaping-symlink': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      symlinkSync('/etc/hostname', join(dir, 'hostname'));
    },
    message: () =>
      'hostname: "hostname" is a symbolic link to /etc/hostname, outside the skill folder: copy what it needs into the folder, or exclude it in .skillignore.',
  },
  'escaping-folder-symlink': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      symlinkSync('..', join(dir, 'parent'));
    },
    message: (dir) =>
      `parent: "parent" is a symbolic link to ${join(dir, '..')}, outside the skill folder: copy what it needs into the folder, or exclude it in .skillignore.`,
  },
  'dangling-symlink': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      symlinkSync('does-not-exist.md', join(dir, 'guide.md'));
    },
    message: () => 'guide.md: "guide.md" is a symbolic link to nothing: delete it, or exclude it in .skillignore.',
  },
  'empty-folder': {
    build() {},
    message: () =>
      'The folder has no files to upload: add a SKILL.md (or check claudeSkills.exclude and .skillignore).',
  },
  'non-ascii-name': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      writeFileSync(join(dir, 'données.csv'), 'a,b\n');
    },
    message: () =>
      'données.csv: "données.csv": file and folder names must use plain ASCII characters without \\ : * ? " < > |, so that they upload and unpack the same everywhere. Rename it, or exclude it in .skillignore.',
  },
  'symlink-to-dev-zero': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      symlinkSync('/dev/zero', join(dir, 'endless.bin')); // never read: it leaves the folder
    },
    message: () =>
      'endless.bin: "endless.bin" is a symbolic link to /dev/zero, outside the skill folder: copy what it needs into the folder, or exclude it in .skillignore.',
  },
  'fifo-inside-the-folder': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD.replace('Does one thing', 'Does <b>one</b> thing'));
      execFileSync('mkfifo', [join(dir, 'pipe')]); // not a file: never opened, never uploaded
    },
    // The folder is refused for its XML tag alone: the pipe beside it neither blocks nor counts.
    message: () => 'SKILL.md:3: "description" cannot contain XML tags: remove every < and >.',
  },
  'skillignore-fifo': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      execFileSync('mkfifo', [join(dir, '.skillignore')]); // reading it would block until a writer comes
    },
    message: () =>
      '.skillignore: .skillignore is not a regular file (a link, a folder or a pipe): replace it with a plain text file of patterns.',
  },
  'skillignore-huge': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      writeFileSync(join(dir, '.skillignore'), '*.tmp\n'.repeat(20_000));
    },
    message: () => '.skillignore: .skillignore is 117.2 KB; a list of patterns is at most 64.0 KB. Shorten it.',
  },
  'skill-md-fifo': {
    build(dir) {
      execFileSync('mkfifo', [join(dir, 'SKILL.md')]);
    },
    message: () => 'SKILL.md is not a regular file (a pipe, a device or a folder): make it a plain text file.',
  },
  'skill-md-huge-sparse': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      truncateSync(join(dir, 'SKILL.md'), 3 * 1024 ** 3); // 3 GB that take no disk: only the head is read
    },
    // A sparse file reads as NUL bytes past its text: said, as is the size, without reading 3 GB.
    message: () =>
      [
        'SKILL.md:1: SKILL.md is saved as UTF-16 (or holds NUL bytes): save it as UTF-8.',
        'The files total 3,072.0 MB; the Skills API takes at most 30.0 MB. Largest: SKILL.md (3,072.0 MB). Exclude what the skill does not need in .skillignore or claudeSkills.exclude.',
      ].join('\n'),
  },
  'yaml-alias-bomb': {
    build(dir) {
      const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        levels.push(
          `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`,
        );
      }
      writeFileSync(join(dir, 'SKILL.md'), `---\nname: my-skill\ndescription: Bomb.\n${levels.join('\n')}\n---\n`);
    },
    message: () =>
      'SKILL.md:2: The frontmatter uses YAML aliases (*name) more than 100 times, as a "billion laughs" attack does: write the values out instead.',
  },
  'utf16-skill-md': {
    build(dir) {
      writeFileSync(
        join(dir, 'SKILL.md'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SKILL_MD, 'utf16le')]),
      );
    },
    message: () => 'SKILL.md:1: SKILL.md is saved as UTF-16 (or holds NUL bytes): save it as UTF-8.',
  },
  'cr-only-line-endings': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD.replace(/\n/g, '\r'));
    },
    message: () => 'SKILL.md:1: SKILL.md uses old Mac line endings (CR alone): save it with LF (or CRLF) line endings.',
  },
  'closing-line-with-comment': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD.replace('\n---\n\n#', '\n--- # end\n\n#'));
    },
    message: () =>
      'SKILL.md:4: The line that closes the frontmatter must be "---" alone: "--- # end" has more on it. Move the rest to a line of its own.',
  },
  'unicode-line-separator': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD.replace('Does one thing well.', 'Does one thing\u2028well.'));
    },
    message: () =>
      'SKILL.md:3: SKILL.md holds a Unicode LINE SEPARATOR (U+2028) on line 3: replace it with a normal line break.',
  },
  'too-many-files': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      mkdirSync(join(dir, 'many'));
      for (let i = 0; i < 10_001; i++) writeFileSync(join(dir, 'many', `f${i}.txt`), '');
    },
    message: () =>
      'The folder holds more than 10,000 files (or 100,000 entries): a skill needs far fewer. Exclude what it does not need in .skillignore or claudeSkills.exclude.',
  },
  'secret-aws-credentials': {
    build: withSecret('.aws/credentials', '[default]\naws_region = eu-west-1\n'),
    message: secretByName('.aws/credentials', 'AWS credentials'),
  },
  'secret-id-ecdsa': {
    build: withSecret('id_ecdsa', 'not even a key, but the name says it is one\n'),
    message: secretByName('id_ecdsa', 'an SSH private key'),
  },
  'secret-git-credentials': {
    build: withSecret('.git-credentials', 'https://example.invalid\n'),
    message: secretByName('.git-credentials', 'stored Git credentials'),
  },
  'secret-envrc': {
    build: withSecret('.envrc', 'export A=1\n'),
    message: secretByName('.envrc', 'a direnv file'),
  },
  'secret-prod-env': {
    build: withSecret('config/prod.env', 'A=1\n'),
    message: secretByName('config/prod.env', 'an environment file'),
  },
  'secret-anthropic-key-in-json': {
    build: withSecret('config.json', `{\n  "model": "x",\n  "key": "${ANTHROPIC_KEY}"\n}\n`),
    message: secretByContent('config.json', 'Anthropic Claude API key', 3),
  },
  'secret-short-private-key-in-notes': {
    build: withSecret('notes.txt', `Keep this safe:\n${ED25519_KEY}`),
    message: secretByContent('notes.txt', 'a private key', 2),
  },
  'secret-anthropic-admin-key': {
    build: withSecret('scripts/admin.py', `# usage report\nADMIN = "sk-ant-admin01-${'Qw7eR'.repeat(6)}"\n`),
    message: secretByContent('scripts/admin.py', 'an Anthropic admin key', 2),
  },
  'secret-anthropic-oauth-token': {
    build: withSecret('notes.md', `token: sk-ant-oat01-${'Zx9cV'.repeat(8)}\n`),
    message: secretByContent('notes.md', 'an Anthropic OAuth token', 1),
  },
  'secret-anthropic-key-cut-short': {
    build: withSecret('fixtures/request.json', `{"key": "sk-ant-api03-${'Ab3dE'.repeat(5)}"}\n`),
    message: secretByContent('fixtures/request.json', 'an Anthropic API key', 1),
  },
  'secret-key-in-utf16-with-bom': {
    build(dir) {
      put(dir, 'SKILL.md', SKILL_MD);
      put(
        dir,
        'config.txt',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`a\nkey=${ANTHROPIC_KEY}\n`, 'utf16le')]),
      );
    },
    message: secretByContent('config.txt', 'Anthropic Claude API key', 2),
  },
  'secret-key-in-utf16-without-bom': {
    build(dir) {
      put(dir, 'SKILL.md', SKILL_MD);
      put(dir, 'settings.ini', Buffer.from(`[api]\nkey=sk-ant-admin01-${'Qw7eR'.repeat(6)}\n`, 'utf16le'));
    },
    message: secretByContent('settings.ini', 'an Anthropic admin key', 2),
  },
  'secret-env-upper-case': {
    build: withSecret('.ENV', 'A=1\n'),
    message: secretByName('.ENV', 'an environment file'),
  },
  'secret-id-rsa-upper-case': {
    build: withSecret('keys/ID_RSA', 'not a key, but the name says it is one\n'),
    message: secretByName('keys/ID_RSA', 'an SSH private key'),
  },
  'deeply-nested': {
    build(dir) {
      writeFileSync(join(dir, 'SKILL.md'), SKILL_MD);
      const deep = join(dir, ...Array.from({ length: 30 }, (_, i) => `level-${String(i).padStart(2, '0')}`));
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(deep, 'notes.md'), '# Deep\n');
    },
    message: () => {
      const path = `my-skill/${Array.from({ length: 30 }, (_, i) => `level-${String(i).padStart(2, '0')}`).join('/')}/notes.md`;
      return `${path.slice('my-skill/'.length)}: "${path}" is ${path.length} characters long; upload paths are limited to 255. Shorten the folder or file names.`;
    },
  },
};

describe('a corpus of broken skill folders', () => {
  const api = useEmulator();
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'claude-skills-corpus-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('has at least 25 cases', () => {
    assert.ok(Object.keys(FIXTURES).length + Object.keys(GENERATED).length >= 25);
  });

  /** Publishing it must fail with exactly `expected`, and the emulator must see no request at all. */
  async function assertRefused(dir: string, expected: string): Promise<void> {
    const skill = await inspectSkillFolder(dir);
    const skillThere = {
      id: 'skill_01Anything',
      displayName: null,
      latestVersionId: null,
      source: 'custom',
      createdAt: '',
      updatedAt: '',
    };
    const target = { kind: 'version' as const, skill: skillThere };
    await assert.rejects(
      async () =>
        publishFiles(api.client, await readUploadFiles(skill), target, { settle: { readArchive: unpackVersionZip } }),
      (err: unknown) => {
        assert.ok(err instanceof SkillFolderError, String(err));
        assert.equal(err.message, expected);
        return true;
      },
    );
    assert.equal(api.emulator.log.length, 0, 'no byte may reach the API');
  }

  for (const [name, expected] of Object.entries(FIXTURES)) {
    it(`refuses ${name}`, () => assertRefused(join(brokenDir, name), expected));
  }

  it('takes documentation placeholders and lines marked with secretlint comments for what they are', async () => {
    const dir = join(scratch, 'placeholders');
    mkdirSync(dir);
    put(dir, 'SKILL.md', SKILL_MD);
    put(
      dir,
      'README.md',
      [
        'export ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxx...',
        'key: sk-ant-api03-YOUR_KEY_HERE_000000000000',
        'admin: sk-ant-admin01-aaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'oauth: sk-ant-oat01-************************',
        `test: sk-ant-api03-${'Ab3dE'.repeat(5)} # secretlint-disable-line`,
        '<!-- secretlint-disable-next-line -->',
        `fixture: sk-ant-oat01-${'Zx9cV'.repeat(8)}`,
        'short: sk-ant-api03-abc',
      ].join('\n'),
    );
    const skill = await inspectSkillFolder(dir);
    assert.deepEqual(skill.problems, []);
    // The same lines without the comment are refused: the comment is what lets them through.
    put(dir, 'README.md', `fixture: sk-ant-oat01-${'Zx9cV'.repeat(8)}\n`);
    assert.equal((await inspectSkillFolder(dir)).problems.length, 1);
  });

  for (const [name, { build, message }] of Object.entries(GENERATED)) {
    it(`refuses ${name}`, async () => {
      const dir = join(scratch, name);
      mkdirSync(dir);
      build(dir);
      await assertRefused(dir, message(dir));
    });
  }
});
