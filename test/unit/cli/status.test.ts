// `claude-skills status` against the emulator: every state a folder can be in, claude-skills.json settling
// folders without a download, and a folder it does not know compared with its skill's latest version.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeTransport } from '../../../src/api/nodeHttp';
import { SkillsClient } from '../../../src/api/skillsClient';
import { hashFiles } from '../../../src/skill/fileHashes';
import { inspectSkillFolder, readUploadFiles } from '../../../src/skill/skillFolder';
import { seed } from '../../emulator/scenario';
import { startEmulator, type SkillsEmulator } from '../../emulator/server';
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

describe('claude-skills status', () => {
  let emulator: SkillsEmulator;
  let root: string;
  const transport = createNodeTransport();
  let client: SkillsClient;
  const env = () => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: emulator.url });

  const folderOf = (name: string, body = 'Hello.', parent = 'skills') => {
    const folder = join(root, parent, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'SKILL.md'),
      `---\nname: ${name}\ndescription: Says hello. Use to test.\n---\n\n${body}\n`,
    );
    return folder;
  };
  /** Publishes the folder as it is now as a new version of `skillId`, as a colleague's machine would. */
  const publish = async (folder: string, skillId: string) =>
    client.createVersion(skillId, await readUploadFiles(await inspectSkillFolder(folder)));
  const statusOf = async (...argv: string[]) => {
    const result = await runCli(['status', '--json', ...argv], { cwd: root, env: env() });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { manifest: string | null; folders: Status[] };
    assert.deepEqual(schemaErrors('status', report), []);
    return report;
  };
  const byPath = (folders: Status[]) => new Map(folders.map((f) => [f.path, f]));

  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY] });
    client = new SkillsClient({ transport, baseUrl: () => emulator.url, apiKey: () => KEY });
  });
  after(async () => {
    await transport.close();
    await emulator.close();
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'claude-skills-status-'));
    mkdirSync(join(root, '.git'));
    emulator.store.clear();
    seed(emulator.store, {
      skills: [
        { id: 'skill_greet', name: 'greet', description: 'Greets.', versionCount: 1 },
        { id: 'skill_other', name: 'other', description: 'Other.', versionCount: 1 },
      ],
    });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('without claude-skills.json: matched by name and compared with the latest version; never published', async () => {
    const greet = folderOf('greet');
    await publish(greet, 'skill_greet');
    folderOf('other', 'Changed here.');
    folderOf('brand-new');
    emulator.resetLog();
    const folders = byPath((await statusOf()).folders);
    assert.equal(folders.get('skills/greet')?.state, 'inSync');
    assert.equal(folders.get('skills/greet')?.skill_id, 'skill_greet');
    assert.equal(folders.get('skills/other')?.state, 'modified');
    assert.deepEqual(folders.get('skills/other')?.changes, { added: [], removed: [], changed: ['SKILL.md'] });
    assert.equal(folders.get('skills/brand-new')?.state, 'neverPublished');
    assert.equal(folders.get('skills/brand-new')?.skill_id, null);
    const lists = emulator.log.filter((r) => r.path === '/v1/skills');
    const downloads = emulator.log.filter((r) => r.path.endsWith('/content'));
    assert.equal(lists.length, 1, 'one list for every folder');
    assert.equal(downloads.length, 2, 'one download per folder the manifest does not settle');

    const text = await runCli(['status'], { cwd: root, env: env() });
    assert.match(text.stdout, /^skills\/greet {2}in sync with skver_/m);
    assert.match(text.stdout, /^skills\/other {2}modified: SKILL\.md$/m);
    assert.match(text.stdout, /^skills\/brand-new {2}never published$/m);
  });

  it('claude-skills.json settles a folder with no download: in sync, modified, a newer version elsewhere', async () => {
    const greet = folderOf('greet');
    const published = await publish(greet, 'skill_greet');
    const files = Object.fromEntries(await hashFiles((await inspectSkillFolder(greet)).files));
    const manifest = (entries: object) =>
      writeFileSync(join(root, 'claude-skills.json'), JSON.stringify({ version: 1, folders: entries }));
    manifest({ 'skills/greet': { skill_id: 'skill_greet', version_id: published.id, files } });
    emulator.resetLog();
    const report = await statusOf();
    assert.equal(report.manifest, 'claude-skills.json');
    assert.equal(report.folders[0].state, 'inSync');
    assert.equal(report.folders[0].version_id, published.id);
    assert.ok(!emulator.log.some((r) => r.path.endsWith('/content')), 'nothing downloaded');

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
    writeFileSync(join(root, 'claude-skills.json'), '{"version": 1, "folders": {"skills/greet": {"skill_id": 5}}}');
    const result = await runCli(['status'], { cwd: root, env: env() });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /the entry of "skills\/greet" needs skill_id, version_id and files/);
  });
});
