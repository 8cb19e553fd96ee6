import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesHashed, hashFiles, sha256Hex } from '../../../src/skill/fileHashes';
import { collectFiles } from '../../../src/skill/files';
import { makeRecord, primeFromRecord, publishState, type PublishRecord } from '../../../src/skill/publishState';

const record = (files: Record<string, string>, versionId = 'skver_1'): PublishRecord => ({
  skillId: 'skill_1',
  versionId,
  origin: 'published',
  files,
  local: {},
});
const current = (files: Record<string, string>) => new Map(Object.entries(files));

describe("a folder's publish state", () => {
  it('is never published without a target, and not checked with a target but no record', () => {
    assert.deepEqual(publishState({ errors: 0, current: new Map() }).kinds, ['neverPublished']);
    assert.deepEqual(publishState({ errors: 0, targetId: 'skill_1', current: new Map() }).kinds, ['notChecked']);
    // A record of another skill (the target changed since) says nothing of this one.
    const other = { ...record({ 'SKILL.md': 'a' }), skillId: 'skill_2' };
    assert.deepEqual(publishState({ errors: 0, targetId: 'skill_1', record: other, current: new Map() }).kinds, [
      'notChecked',
    ]);
  });

  it('is in sync when the files hash as published and no newer version is known', () => {
    const state = publishState({
      errors: 0,
      targetId: 'skill_1',
      record: record({ 'SKILL.md': 'a', 'x.md': 'b' }),
      current: current({ 'SKILL.md': 'a', 'x.md': 'b' }),
      latestVersionId: 'skver_1',
    });
    assert.deepEqual(state.kinds, ['inSync']);
  });

  it('names the files added, removed and changed since the publish', () => {
    const state = publishState({
      errors: 0,
      targetId: 'skill_1',
      record: record({ 'SKILL.md': 'a', 'gone.md': 'g', 'same.md': 's' }),
      current: current({ 'SKILL.md': 'A', 'new.md': 'n', 'same.md': 's' }),
    });
    assert.deepEqual(state.kinds, ['modified']);
    assert.deepEqual(state.changes, { added: ['new.md'], removed: ['gone.md'], changed: ['SKILL.md'] });
  });

  it('puts problems first, then diverged (modified here and newer elsewhere), then each part', () => {
    const input = {
      targetId: 'skill_1',
      record: record({ 'SKILL.md': 'a' }),
      current: current({ 'SKILL.md': 'b' }),
      latestVersionId: 'skver_2',
    };
    assert.deepEqual(publishState({ ...input, errors: 2 }).kinds, [
      'problems',
      'diverged',
      'newerElsewhere',
      'modified',
    ]);
    assert.deepEqual(publishState({ ...input, errors: 0, current: current({ 'SKILL.md': 'a' }) }).kinds, [
      'newerElsewhere',
    ]);
    assert.deepEqual(publishState({ ...input, errors: 0, latestVersionId: null }).kinds, ['modified']);
  });
});

describe('file hashes, remembered by path, size and mtime', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claude-skills-hashes-'));
    writeFileSync(join(dir, 'SKILL.md'), '---\nname: x\n---\n');
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(3 * 1024 * 1024 + 7, 1));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes each file once, large ones in pieces, and again only when it changes', async () => {
    const before = filesHashed();
    const { files } = await collectFiles(dir);
    const digests = await hashFiles(files);
    assert.equal(digests.get('big.bin'), sha256Hex(Buffer.alloc(3 * 1024 * 1024 + 7, 1)));
    assert.equal(digests.get('SKILL.md'), sha256Hex(Buffer.from('---\nname: x\n---\n')));
    assert.equal(filesHashed() - before, 2);
    await hashFiles((await collectFiles(dir)).files);
    assert.equal(filesHashed() - before, 2, 'nothing changed: nothing read');
    writeFileSync(join(dir, 'SKILL.md'), '---\nname: y\n---\n');
    utimesSync(join(dir, 'SKILL.md'), new Date(), new Date(Date.now() + 5_000));
    const again = await hashFiles((await collectFiles(dir)).files);
    assert.equal(filesHashed() - before, 3, 'only the changed file is read');
    assert.equal(again.get('SKILL.md'), sha256Hex(Buffer.from('---\nname: y\n---\n')));
  });

  it("takes a record's digests for files still as they were, so nothing is read", async () => {
    writeFileSync(join(dir, 'notes.md'), 'published');
    const { files } = await collectFiles(dir);
    const published = new Map(files.map((f) => [f.relativePath, `digest-of-${f.relativePath}`]));
    const made = makeRecord('skill_1', 'skver_1', 'published', published, files, published);
    const before = filesHashed();
    primeFromRecord(made, files);
    const digests = await hashFiles(files);
    assert.equal(filesHashed(), before);
    assert.equal(digests.get('notes.md'), 'digest-of-notes.md');
  });

  it('takes files named constructor, toString and __proto__ for files, in the state and in the record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claude-skills-proto-'));
    try {
      writeFileSync(join(dir, 'SKILL.md'), 'x');
      const { files: before } = await collectFiles(dir);
      const published = await hashFiles(before);
      const made = makeRecord('skill_1', 'skver_1', 'published', published, before, published);
      for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
        writeFileSync(join(dir, name), name);
      const { files } = await collectFiles(dir);
      primeFromRecord(made, files);
      const state = publishState({ errors: 0, targetId: 'skill_1', record: made, current: await hashFiles(files) });
      assert.deepEqual(state.kinds, ['modified']);
      assert.deepEqual(state.changes?.added, ['__proto__', 'constructor', 'hasOwnProperty', 'toString']);

      const all = await hashFiles(files);
      const withThem = makeRecord('skill_1', 'skver_2', 'published', all, files, all);
      assert.equal(Object.getPrototypeOf(withThem.local), Object.prototype, 'a file named __proto__ sets no prototype');
      assert.ok(Object.hasOwn(withThem.local, '__proto__') && Object.hasOwn(withThem.files, '__proto__'));
      const again = publishState({ errors: 0, targetId: 'skill_1', record: withThem, current: all });
      assert.deepEqual(again.kinds, ['inSync']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
