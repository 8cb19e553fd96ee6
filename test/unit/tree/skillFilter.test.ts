import * as assert from 'node:assert/strict';
import { normalizeFilter, skillMatchesFilter } from '../../../src/tree/skillFilter';

describe('the Skills view filter', () => {
  const skill = { id: 'skill_01AbCdEf', displayName: 'Release Notes Writer' };

  it('treats blank text as no filter and trims the rest', () => {
    assert.equal(normalizeFilter(undefined), undefined);
    assert.equal(normalizeFilter('   '), undefined);
    assert.equal(normalizeFilter('  notes '), 'notes');
  });

  it('matches the title, case-insensitively', () => {
    assert.equal(skillMatchesFilter('NOTES', skill, []), true);
    assert.equal(skillMatchesFilter('changelog', skill, []), false);
  });

  it('matches the id', () => {
    assert.equal(skillMatchesFilter('abcdef', skill, []), true);
  });

  it('matches the id when there is no display title', () => {
    const untitled = { id: 'skill_0123', displayName: null };
    assert.equal(skillMatchesFilter('0123', untitled, []), true);
    assert.equal(skillMatchesFilter('release', untitled, []), false);
  });

  it('matches the name of a version already fetched', () => {
    assert.equal(skillMatchesFilter('release-notes', skill, []), false);
    assert.equal(skillMatchesFilter('release-notes', skill, ['old-name', 'release-notes-v2']), true);
  });
});
