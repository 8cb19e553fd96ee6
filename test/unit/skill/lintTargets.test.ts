// The consumers of a skill folder: which keys each takes, the targets a folder's place implies, the close
// spelling of a mistyped key, and unknown keys judged per target — an error only where a target refuses.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectSkillFolder } from '../../../src/skill/skillFolder';
import { closeKey, keysFor, targetsOf } from '../../../src/skill/lintTargets';
import { unknownKeyProblem } from '../../../src/skill/rules';

describe('lint targets', () => {
  it('infers Claude Code under .claude/skills and VS Code under .github/skills, beside the configured ones', () => {
    assert.deepEqual(targetsOf('/repo/skills/notes'), ['api']);
    assert.deepEqual(targetsOf('/repo/.claude/skills/notes'), ['api', 'claude-code']);
    assert.deepEqual(targetsOf('C:\\repo\\.github\\skills\\notes'), ['api', 'vscode']);
    assert.deepEqual(targetsOf('/repo/.agents/skills/notes', ['agentskills', 'nonsense']), ['agentskills', 'vscode']);
    assert.deepEqual(targetsOf('/repo/skills/notes', ['nonsense']), ['api'], 'unknown names fall back to the API');
  });

  it('offers each target its own keys', () => {
    assert.deepEqual(keysFor(['api']), [
      'allowed-tools',
      'compatibility',
      'description',
      'license',
      'metadata',
      'name',
    ]);
    assert.ok(keysFor(['claude-code']).includes('disable-model-invocation'));
    assert.ok(!keysFor(['agentskills']).includes('argument-hint'));
    assert.ok(keysFor(['vscode']).includes('user-invokable'));
  });

  it('finds the close spelling of a mistyped key, and none for a key far from every known one', () => {
    assert.equal(closeKey('user-invokable', keysFor(['claude-code'])), 'user-invocable');
    assert.equal(closeKey('allowed_tools', keysFor(['api'])), 'allowed-tools');
    assert.equal(closeKey('desciption', keysFor(['api'])), 'description');
    assert.equal(closeKey('licnese', keysFor(['api'])), 'license', 'a swap of neighbours is one edit');
    assert.equal(closeKey('author', keysFor(['api'])), undefined);
    assert.equal(closeKey('nam', keysFor(['api'])), 'name');
    assert.equal(closeKey('nm', keysFor(['api'])), undefined, 'a short key needs a closer match');
  });
});

describe('unknown frontmatter keys, per target', () => {
  it('keeps today’s words for the Skills API, and says who takes the key', () => {
    const problem = unknownKeyProblem('version', ['api']);
    assert.equal(problem?.severity, 'warning');
    assert.match(
      problem!.message,
      /^Unknown frontmatter key "version": the Skills API may ignore or refuse it\. Known keys: name, description, license, compatibility, metadata, allowed-tools\./,
    );
    assert.match(problem!.message, /It is a key of Claude Code\.$/);
  });

  it('says Claude Code takes a key of its own, which the API may still refuse', () => {
    const problem = unknownKeyProblem('argument-hint', ['api', 'claude-code']);
    assert.equal(problem?.severity, 'warning');
    assert.match(problem!.message, /the Skills API may ignore or refuse it\..* Claude Code takes it\.$/);
    assert.equal(
      unknownKeyProblem('argument-hint', ['claude-code']),
      undefined,
      'nothing to say for Claude Code alone',
    );
  });

  it('is an error where skills-ref refuses the key, and names it', () => {
    const problem = unknownKeyProblem('disable-model-invocation', ['agentskills', 'claude-code']);
    assert.equal(problem?.severity, 'error');
    assert.match(
      problem!.message,
      /^Unknown frontmatter key "disable-model-invocation"\. The Agent Skills format's validator \(skills-ref\) refuses it\. Claude Code takes it\.$/,
    );
  });

  it('warns on a misspelling Claude Code would silently ignore, with the key it meant', () => {
    const problem = unknownKeyProblem('user-invokable', ['claude-code']);
    assert.equal(problem?.severity, 'warning');
    assert.match(
      problem!.message,
      /Claude Code ignores it\. It is a key of VS Code's agent skills\. Did you mean "user-invocable"\?$/,
    );
    assert.equal(unknownKeyProblem('user-invokable', ['vscode']), undefined, 'VS Code documents that spelling');
  });

  it('accepts every known key of the active targets', () => {
    for (const key of keysFor(['api'])) assert.equal(unknownKeyProblem(key, ['api']), undefined, key);
  });
});

describe('a folder checked for its consumers', () => {
  let root: string;
  before(() => (root = mkdtempSync(join(tmpdir(), 'lint-targets-'))));
  after(() => rmSync(root, { recursive: true, force: true }));

  function folder(at: string, frontmatter: string): string {
    const dir = join(root, at);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'SKILL.md'),
      `---\nname: notes\ndescription: Writes notes.\n${frontmatter}---\n\n# Notes\n`,
    );
    return dir;
  }

  it('errs only for the consumer that refuses, and not for a publish, which asks the API', async () => {
    const dir = folder('a/notes', 'argument-hint: "[file]"\n');
    const forApi = await inspectSkillFolder(dir);
    assert.deepEqual(
      forApi.problems.map((p) => p.severity),
      ['warning'],
    );
    const forFormat = await inspectSkillFolder(dir, { targets: ['agentskills'] });
    assert.deepEqual(
      forFormat.problems.map((p) => p.severity),
      ['error'],
    );
    assert.match(forFormat.problems[0].message, /skills-ref\) refuses it/);
  });

  it('takes Claude Code from the folder’s place', async () => {
    const dir = folder('.claude/skills/notes', 'argument-hint: "[file]"\n');
    const [problem] = (await inspectSkillFolder(dir)).problems;
    assert.match(problem.message, /the Skills API may ignore or refuse it\..* Claude Code takes it\.$/);
  });

  it('refuses a compatibility over 500 characters for the Agent Skills format, warns for the API', async () => {
    const dir = folder('b/notes', `compatibility: ${'x'.repeat(501)}\n`);
    assert.deepEqual(
      (await inspectSkillFolder(dir)).problems.map((p) => p.severity),
      ['warning'],
    );
    const [refused] = (await inspectSkillFolder(dir, { targets: ['api', 'agentskills'] })).problems;
    assert.equal(refused.severity, 'error');
    assert.match(refused.message, /allows 500\. Its validator \(skills-ref\) refuses it\.$/);
  });
});
