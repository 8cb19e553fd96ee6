// Trigger collisions: the content words compared, the Jaccard measure at the threshold's edges, and the
// same-slug exception.
import * as assert from 'node:assert/strict';
import { COLLISION_THRESHOLD, contentWords, findCollisions, jaccard } from '../../../src/skill/collisions';

describe('trigger collisions', () => {
  it('compares content words, cut to five letters, without function words', () => {
    assert.deepEqual([...contentWords('Reviews SQL migrations. Use when reviewing a migration.')].sort(), [
      'migra',
      'revie',
      'sql',
    ]);
  });

  it('measures |A ∩ B| ÷ |A ∪ B|', () => {
    assert.equal(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd'])), 0.5);
    assert.equal(jaccard(new Set(), new Set()), 0);
  });

  it('collides at the threshold and not below it', () => {
    // 3 shared of 5 in all: 0.6, the threshold itself.
    const at = findCollisions([
      { key: 'a', slug: 'a', description: 'alpha bravo charlie delta' },
      { key: 'b', slug: 'b', description: 'alpha bravo charlie echo' },
    ]);
    assert.equal(COLLISION_THRESHOLD, 0.6);
    assert.deepEqual(at, [{ a: 'a', b: 'b', similarity: 0.6 }]);
    // 3 shared of 6: 0.5.
    const below = findCollisions([
      { key: 'a', slug: 'a', description: 'alpha bravo charlie delta' },
      { key: 'b', slug: 'b', description: 'alpha bravo charlie echo foxtrot' },
    ]);
    assert.deepEqual(below, []);
  });

  it('finds near-duplicate real descriptions, and leaves a skill and its copy of the same slug alone', () => {
    const notes = 'Writes release notes from merged pull requests, grouped by Added, Changed and Fixed.';
    const skills = [
      { key: 'skills/release-notes', slug: 'release-notes', description: notes },
      { key: '.claude/skills/release-notes', slug: 'release-notes', description: notes },
      { key: 'skills/changelog', slug: 'changelog', description: `${notes} Use when preparing a release.` },
      { key: 'skills/sql', slug: 'sql-review', description: 'Reviews SQL migrations for locking.' },
    ];
    const pairs = findCollisions(skills).map((c) => `${c.a} ~ ${c.b}`);
    assert.deepEqual(pairs, [
      'skills/release-notes ~ skills/changelog',
      '.claude/skills/release-notes ~ skills/changelog',
    ]);
  });
});
