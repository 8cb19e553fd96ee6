// `claude-skills status` and `diff` against the emulator: every state a folder can be in, claude-skills.json
// settling folders without a download, a folder it does not know compared with its skill's latest version,
// and the diff of a folder against that version (a hostile version's text shown harmless).
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFiles } from '../../../src/skill/fileHashes';
import { inspectSkillFolder } from '../../../src/skill/skillFolder';
import { useCliCheckout } from './cliEmulator';
import { runCli, schemaErrors } from './cliRun';

const KEY = 'sk-ant-api03-status-test-key-abcdefgh';

interface Status {
  path: string;
  state: string;
  states: string[];
  skill_id: string | null;
  version_id: string | null;
  changes: { added: string[]; removed: string[]; changed: string[] } | null;
  reason?: string;
}

describe('claude-skills status and diff', () => {
  const checkout = useCliCheckout(KEY, [
    { id: 'skill_greet', name: 'greet', description: 'Greets.', versionCount: 1 },
    { id: 'skill_other', name: 'other', description: 'Other.', versionCount: 1 },
  ]);
  const { env, folderOf, publishAs: publish } = checkout;
  const statusOf = async (...argv: string[]) => {
    const result = await runCli(['status', '--json', ...argv], { cwd: checkout.root, env: env() });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { manifest: string | null; folders: Status[] };
    assert.deepEqual(schemaErrors('status', report), []);
    return report;
  };
  const byPath = (folders: Status[]) => new Map(folders.map((f) => [f.path, f]));

  it('without claude-skills.json: matched by name and compared with the latest version; never published', async () => {
    const greet = folderOf('greet');
    await publish(greet, 'skill_greet');
    folderOf('other', 'Changed here.');
    folderOf('brand-new');
    checkout.emulator.resetLog();
    const folders = byPath((await statusOf()).folders);
    assert.equal(folders.get('skills/greet')?.state, 'inSync');
    assert.equal(folders.get('skills/greet')?.skill_id, 'skill_greet');
    assert.equal(folders.get('skills/other')?.state, 'modified');
    assert.deepEqual(folders.get('skills/other')?.changes, { added: [], removed: [], changed: ['SKILL.md'] });
    assert.equal(folders.get('skills/brand-new')?.state, 'neverPublished');
    assert.equal(folders.get('skills/brand-new')?.skill_id, null);
    const lists = checkout.emulator.log.filter((r) => r.path === '/v1/skills');
    const downloads = checkout.emulator.log.filter((r) => r.path.endsWith('/content'));
    assert.equal(lists.length, 1, 'one list for every folder');
    assert.equal(downloads.length, 2, 'one download per folder the manifest does not settle');

    const text = await runCli(['status'], { cwd: checkout.root, env: env() });
    assert.match(text.stdout, /^skills\/greet {2}in sync with skver_/m);
    assert.match(text.stdout, /^skills\/other {2}modified: SKILL\.md$/m);
    assert.match(text.stdout, /^skills\/brand-new {2}never published$/m);
  });

  it('claude-skills.json settles a folder with no download: in sync, modified, a newer version elsewhere', async () => {
    const greet = folderOf('greet');
    const published = await publish(greet, 'skill_greet');
    const files = Object.fromEntries(await hashFiles((await inspectSkillFolder(greet)).files));
    const manifest = (entries: object) =>
      writeFileSync(join(checkout.root, 'claude-skills.json'), JSON.stringify({ version: 1, folders: entries }));
    manifest({ 'skills/greet': { skill_id: 'skill_greet', version_id: published.id, files } });
    checkout.emulator.resetLog();
    const report = await statusOf();
    assert.equal(report.manifest, 'claude-skills.json');
    assert.equal(report.folders[0].state, 'inSync');
    assert.equal(report.folders[0].version_id, published.id);
    assert.ok(!checkout.emulator.log.some((r) => r.path.endsWith('/content')), 'nothing downloaded');

    writeFileSync(join(greet, 'notes.md'), 'more\n');
    assert.deepEqual((await statusOf()).folders[0].changes, { added: ['notes.md'], removed: [], changed: [] });

    rmSync(join(greet, 'notes.md'));
    // A colleague's checkout publishes other files since.
    await publish(folderOf('greet', 'Hello from elsewhere.', 'colleague'), 'skill_greet');
    const newer = (await statusOf('skills/greet')).folders[0];
    assert.equal(newer.state, 'newerElsewhere');

    manifest({ 'skills/greet': { skill_id: 'skill_gone', version_id: published.id, files } });
    const gone = (await statusOf('skills/greet')).folders[0];
    assert.equal(gone.state, 'unknown');
    assert.match(gone.reason ?? '', /claude-skills\.json names skill_gone/);
  });

  it('a claude-skills.json that is not one says what to fix, with exit 1', async () => {
    folderOf('greet');
    writeFileSync(
      join(checkout.root, 'claude-skills.json'),
      '{"version": 1, "folders": {"skills/greet": {"skill_id": 5}}}',
    );
    const result = await runCli(['status'], { cwd: checkout.root, env: env() });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /the entry of "skills\/greet" needs skill_id, version_id and files/);
  });

  it('diff: the files added, removed and changed, a unified diff of text, exit 1 when they differ and 0 when not', async () => {
    const greet = folderOf('greet', 'Line one.\nLine two.');
    writeFileSync(join(greet, 'old.md'), 'going\n');
    writeFileSync(join(greet, 'logo.bin'), Buffer.from([0, 1, 2, 3]));
    await publish(greet, 'skill_greet');
    const same = await runCli(['diff', 'skills/greet'], { cwd: checkout.root, env: env() });
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stdout, /^skills\/greet holds the same files as skver_/);

    writeFileSync(
      join(greet, 'SKILL.md'),
      readFileSync(join(greet, 'SKILL.md'), 'utf8').replace('Line two.', 'Line 2.'),
    );
    rmSync(join(greet, 'old.md'));
    writeFileSync(join(greet, 'new.md'), 'coming\n');
    writeFileSync(join(greet, 'logo.bin'), Buffer.from([0, 1, 2, 4]));
    const text = await runCli(['diff', 'skills/greet'], { cwd: checkout.root, env: env() });
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^skills\/greet against skver_\w+: 1 added, 1 removed, 2 changed\.$/m);
    assert.match(
      text.stdout,
      /^--- a\/SKILL\.md\n\+\+\+ b\/SKILL\.md\n@@ [^\n]+\n(?: [^\n]*\n)*-Line two\.\n\+Line 2\.$/m,
    );
    assert.match(text.stdout, /^--- \/dev\/null\n\+\+\+ b\/new\.md$/m);
    assert.match(text.stdout, /^logo\.bin \(changed, binary\)$/m);

    const json = await runCli(['diff', '--json', 'skills/greet'], { cwd: checkout.root, env: env() });
    const report = JSON.parse(json.stdout) as {
      added: string[];
      removed: string[];
      changed: string[];
      patches: { file: string; patch?: string; note?: string }[];
    };
    assert.deepEqual(schemaErrors('diff', report), []);
    assert.deepEqual(
      [report.added, report.removed, report.changed],
      [['new.md'], ['old.md'], ['SKILL.md', 'logo.bin']],
    );
    assert.ok(report.patches.find((p) => p.file === 'old.md')?.patch?.startsWith('--- a/old.md\n+++ /dev/null\n'));
    assert.equal(report.patches.find((p) => p.file === 'logo.bin')?.note, 'binary');
  });

  it("diff shows a version's escape sequences and line tricks as harmless text; a folder never published is a usage error", async () => {
    folderOf('greet', 'Plain.');
    // What the server holds: a line that would recolour the terminal, and one that would be a workflow command.
    const hostile = folderOf('greet', 'Plain.\n\u001b]0;owned\u0007\u001b[31mred\n::error::forged', 'colleague');
    await publish(hostile, 'skill_greet');
    const result = await runCli(['diff', 'skills/greet'], {
      cwd: checkout.root,
      env: { ...env(), GITHUB_ACTIONS: 'true' },
    });
    assert.equal(result.code, 1);
    assert.ok(!result.stdout.includes('\u001b'), JSON.stringify(result.stdout));
    assert.ok(!result.stdout.split('\n').some((l) => l.startsWith('::')), result.stdout);
    assert.match(result.stdout, /^-::error::forged$/m);

    folderOf('brand-new');
    const never = await runCli(['diff', 'skills/brand-new'], { cwd: checkout.root, env: env() });
    assert.equal(never.code, 2);
    assert.match(never.stderr, /skills\/brand-new has not been published: no skill of yours is named brand-new/);
  });
});
