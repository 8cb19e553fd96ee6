import * as assert from 'node:assert/strict';
import type { SkillVersion } from '../../../src/api/types';
import {
  compareVersionsNewestFirst,
  messagesApiSnippet,
  plural,
  relativeAge,
  skillTitle,
  versionDescription,
} from '../../../src/tree/present';

const version = (v: string, createdAt = '2026-01-01T00:00:00Z'): SkillVersion => ({
  id: `skillver_${v}`,
  skillId: 'skill_1',
  version: v,
  name: 'n',
  description: 'd',
  directory: null,
  createdAt,
});

describe('presenting skills and versions', () => {
  it('titles a skill by display_title, else by id', () => {
    assert.equal(skillTitle({ id: 'skill_1', displayTitle: 'Nice' }), 'Nice');
    assert.equal(skillTitle({ id: 'skill_1', displayTitle: null }), 'skill_1');
    assert.equal(skillTitle({ id: 'skill_1', displayTitle: '  ' }), 'skill_1');
  });

  it('orders epoch-microsecond versions newest first by BigInt, beyond Number precision', () => {
    // These differ past 2^53: as Numbers they would compare equal.
    const older = version('9007199254740992');
    const newer = version('9007199254740993');
    assert.equal(Number(older.version), Number(newer.version));
    assert.deepEqual(
      [older, newer].sort(compareVersionsNewestFirst).map((v) => v.version),
      [newer.version, older.version],
    );
    const mixed = ['1759178010641129', '1759178010641130', '1700000000000000'].map((v) => version(v));
    assert.deepEqual(
      mixed.sort(compareVersionsNewestFirst).map((v) => v.version),
      ['1759178010641130', '1759178010641129', '1700000000000000'],
    );
  });

  it("orders Anthropic's date versions newest first", () => {
    const dates = ['20251013', '20260101', '20251201'].map((v) => version(v));
    assert.deepEqual(
      dates.sort(compareVersionsNewestFirst).map((v) => v.version),
      ['20260101', '20251201', '20251013'],
    );
  });

  it('falls back to created_at for GA ids', () => {
    const a = version('skillver_a', '2026-01-01T00:00:00Z');
    const b = version('skillver_b', '2026-02-01T00:00:00Z');
    assert.deepEqual([a, b].sort(compareVersionsNewestFirst), [b, a]);
  });

  it('tells an age in words', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    assert.equal(relativeAge('2026-11-21T11:59:50.123456Z', now, 'en'), 'now');
    assert.equal(relativeAge('2026-11-21T11:55:00Z', now, 'en'), '5 minutes ago');
    assert.equal(relativeAge('2026-11-20T12:00:00Z', now, 'en'), 'yesterday');
    assert.equal(relativeAge('2026-11-18T12:00:00Z', now, 'en'), '3 days ago');
    assert.equal(relativeAge('2026-09-21T12:00:00Z', now, 'en'), '2 months ago');
    assert.equal(relativeAge('not a date', now, 'en'), '');
  });

  it('writes the container.skills entry: latest on a skill, the version on a version', () => {
    const custom = { id: 'skill_01X', source: 'custom' };
    assert.deepEqual(JSON.parse(messagesApiSnippet(custom)), {
      type: 'custom',
      skill_id: 'skill_01X',
      version: 'latest',
    });
    assert.deepEqual(JSON.parse(messagesApiSnippet(custom, version('1759178010641129'))), {
      type: 'custom',
      skill_id: 'skill_01X',
      version: '1759178010641129',
    });
    assert.equal(
      messagesApiSnippet({ id: 'pdf', source: 'anthropic' }, version('20251013')),
      '{"type":"anthropic","skill_id":"pdf","version":"20251013"}',
    );
  });

  it('describes a version: latest first, then its age; and counts nouns', () => {
    const v = version('1759178010641129', new Date(Date.now() - 3 * 86_400_000).toISOString());
    assert.equal(versionDescription({ latestVersion: '1759178010641129' }, v), 'latest · 3 days ago');
    assert.equal(versionDescription({ latestVersion: '1' }, v), '3 days ago');
    assert.deepEqual([plural(1, 'version'), plural(45, 'version')], ['1 version', '45 versions']);
  });
});
