// `claude-skills publish` against the emulator: what it publishes and what it leaves (unchanged, never
// published without --create, newer elsewhere without --force, refused by the checks), --dry-run and the
// need for --yes off a terminal sending nothing, a lost answer settled, claude-skills.json written.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestVersion } from '../../emulator/store';
import { useCliCheckout } from './cliEmulator';
import { runCli, schemaErrors } from './cliRun';

const KEY = 'sk-ant-api03-publish-test-key-abcdefg';

interface Row {
  path: string;
  action: string;
  reason?: string;
  skill_id: string | null;
  version_id?: string;
  settled?: boolean;
}

describe('claude-skills publish', () => {
  const checkout = useCliCheckout(KEY, [
    { id: 'skill_greet', name: 'greet', description: 'Greets.', versionCount: 1 },
    { id: 'skill_same', name: 'same', description: 'Same.', versionCount: 1 },
  ]);
  const { env, folderOf, publishAs } = checkout;
  const writes = () => checkout.emulator.log.filter((r) => r.method !== 'GET');
  const publishJson = async (...argv: string[]) => {
    const result = await runCli(['publish', '--json', ...argv], { cwd: checkout.root, env: env() });
    const report = JSON.parse(result.stdout) as { folders: Row[]; published: string[]; dry_run: boolean };
    assert.deepEqual(schemaErrors('publish', report), []);
    return { code: result.code, report, rows: new Map(report.folders.map((r) => [r.path, r])) };
  };

  it('off a terminal it needs --yes; --dry-run prints the plan and sends no write', async () => {
    folderOf('greet', 'Changed.');
    checkout.emulator.resetLog();
    const refused = await runCli(['publish'], { cwd: checkout.root, env: env() });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /needs --yes \(or --dry-run to see the plan\)/);
    const dry = await runCli(['publish', '--dry-run'], { cwd: checkout.root, env: env() });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Dry run: nothing is sent\.$/m);
    assert.match(dry.stdout, /^skills\/greet {2}a new version of skill_greet$/m);
    assert.deepEqual(writes(), []);
  });

  it('publishes what changed, leaves what did not, a new skill only with --create; writes claude-skills.json', async () => {
    folderOf('greet', 'Changed.');
    const same = folderOf('same');
    await publishAs(same, 'skill_same');
    folderOf('fresh');
    checkout.emulator.resetLog();
    const first = await publishJson('--yes');
    assert.equal(first.code, 1, 'a folder was held back');
    assert.equal(first.rows.get('skills/greet')?.action, 'version');
    assert.equal(first.rows.get('skills/same')?.action, 'unchanged');
    assert.equal(first.rows.get('skills/fresh')?.action, 'skipped');
    assert.match(first.rows.get('skills/fresh')?.reason ?? '', /--create makes it a new skill/);
    assert.deepEqual(first.report.published, [first.rows.get('skills/greet')?.version_id]);
    assert.deepEqual(
      writes().map((r) => `${r.method} ${r.path}`),
      ['POST /v1/skills/skill_greet/versions'],
    );

    const created = await publishJson('--yes', '--create', 'skills/fresh');
    assert.equal(created.code, 0);
    const fresh = created.rows.get('skills/fresh')!;
    assert.equal(fresh.action, 'create');
    assert.ok(checkout.emulator.store.all().some((s) => s.id === fresh.skill_id));

    const manifest = JSON.parse(readFileSync(join(checkout.root, 'claude-skills.json'), 'utf8')) as {
      version: number;
      folders: Record<string, { skill_id: string; version_id: string; files: Record<string, string> }>;
    };
    assert.equal(manifest.version, 1);
    assert.deepEqual(Object.keys(manifest.folders), ['skills/fresh', 'skills/greet']);
    assert.equal(manifest.folders['skills/greet'].version_id, first.rows.get('skills/greet')?.version_id);
    assert.match(manifest.folders['skills/greet'].files['SKILL.md'], /^[0-9a-f]{64}$/);

    // The manifest now settles them: all in sync, nothing downloaded.
    checkout.emulator.resetLog();
    const status = await runCli(['status', '--json', 'skills/greet', 'skills/fresh'], {
      cwd: checkout.root,
      env: env(),
    });
    const states = (JSON.parse(status.stdout) as { folders: { state: string }[] }).folders.map((f) => f.state);
    assert.deepEqual(states, ['inSync', 'inSync']);
    assert.ok(!checkout.emulator.log.some((r) => r.path.endsWith('/content')));
  });

  it('does not publish over a newer version published elsewhere without --force', async () => {
    const greet = folderOf('greet', 'Mine.');
    assert.equal((await publishJson('--yes')).code, 0);
    await publishAs(folderOf('greet', 'A colleague’s.', 'colleague'), 'skill_greet');
    writeFileSync(join(greet, 'notes.md'), 'more\n');
    checkout.emulator.resetLog();
    const held = await publishJson('--yes', 'skills/greet');
    assert.equal(held.code, 1);
    assert.match(held.rows.get('skills/greet')?.reason ?? '', /a newer version \(skver_\w+\) was published elsewhere/);
    assert.deepEqual(writes(), []);
    const forced = await publishJson('--yes', '--force', 'skills/greet');
    assert.equal(forced.code, 0);
    assert.equal(forced.report.published.length, 1);
  });

  it('refuses a folder the checks refuse, and sends nothing for it', async () => {
    const bad = folderOf('greet');
    writeFileSync(join(bad, 'SKILL.md'), '---\nname: Greet Me\ndescription: x\n---\n');
    checkout.emulator.resetLog();
    const result = await publishJson('--yes');
    assert.equal(result.code, 1);
    assert.equal(result.rows.get('skills/greet')?.action, 'refused');
    assert.match(result.rows.get('skills/greet')?.reason ?? '', /run claude-skills validate/);
    assert.deepEqual(writes(), []);
  });

  it('settles a lost answer: published once, and says so', async () => {
    folderOf('greet', 'Changed.');
    checkout.emulator.faults.push({
      method: 'POST',
      path: '/v1/skills/skill_greet/versions',
      reset: 'afterProcessing',
    });
    const result = await publishJson('--yes');
    assert.equal(result.code, 0);
    const row = result.rows.get('skills/greet')!;
    assert.equal(row.settled, true);
    assert.equal(
      checkout.emulator.store.all().find((s) => s.id === 'skill_greet')?.versions.length,
      2,
      'one new version',
    );
    assert.equal(row.version_id, latestVersion(checkout.emulator.store.all().find((s) => s.id === 'skill_greet')!).id);
  });

  it('on a terminal, asks first (in colour unless NO_COLOR): no publishes nothing, yes publishes', async () => {
    folderOf('greet', 'Changed.');
    const asked: string[] = [];
    const run = (answer: string, colour = false) =>
      runCli(['publish'], {
        cwd: checkout.root,
        env: colour ? env() : { ...env(), NO_COLOR: '1' },
        isTTY: true,
        ask: async (question) => (asked.push(question), answer),
      });
    const no = await run('n', true);
    assert.equal(no.code, 1);
    assert.ok(no.stdout.includes('\u001b[1mskills/greet\u001b[0m'), 'colours on a terminal');
    assert.match(asked[0], /^Publish 1 skill folder\? \[y\/N\] $/);
    assert.equal(checkout.emulator.store.all().find((s) => s.id === 'skill_greet')?.versions.length, 1);
    const yes = await run('y');
    assert.equal(yes.code, 0, yes.stderr);
    assert.match(yes.stdout, /^skills\/greet: published skver_\w+$/m);
  });

  it('leaves the folders claude-lock.json lists to ant apply unless --include-managed, and status says so', async () => {
    folderOf('greet', 'Changed.');
    folderOf('same', 'Changed too.');
    // The lock's format is not documented: a folder counts as listed wherever its path appears.
    writeFileSync(
      join(checkout.root, 'claude-lock.json'),
      JSON.stringify({ skills: [{ path: './skills/greet/', skill_id: 'skill_greet' }] }),
    );
    checkout.emulator.resetLog();
    const held = await publishJson('--yes');
    assert.equal(held.rows.get('skills/greet')?.action, 'skipped');
    assert.match(held.rows.get('skills/greet')?.reason ?? '', /managed by ant apply/);
    assert.equal(held.rows.get('skills/same')?.action, 'version', 'a folder the lock does not list is ours');
    assert.deepEqual(
      writes().map((r) => r.path),
      ['/v1/skills/skill_same/versions'],
    );
    const status = await runCli(['status', '--json', 'skills/greet'], { cwd: checkout.root, env: env() });
    assert.equal(
      (JSON.parse(status.stdout) as { folders: { managed_by?: string }[] }).folders[0].managed_by,
      'ant apply',
    );
    const included = await publishJson('--yes', '--include-managed', 'skills/greet');
    assert.equal(included.rows.get('skills/greet')?.action, 'version');

    writeFileSync(join(checkout.root, 'claude-lock.json'), '{ not json');
    const broken = await runCli(['publish', '--yes'], { cwd: checkout.root, env: env() });
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /claude-lock\.json is not valid JSON \(.*\): the folders it manages cannot be told/);
  });
});
