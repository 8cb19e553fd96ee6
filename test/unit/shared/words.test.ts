import * as assert from 'node:assert/strict';
import { firstLines, plural } from '../../../src/shared/words';

describe('words for messages', () => {
  it('counts in words', () => {
    assert.equal(plural(1, 'version'), '1 version');
    assert.equal(plural(45, 'version'), '45 versions');
    assert.equal(plural(1000, 'version'), '1,000 versions');
    assert.equal(plural(0, 'file'), '0 files');
  });

  it('lists the first lines of a long list, then how many more', () => {
    const lines = Array.from({ length: 13 }, (_, i) => `line ${i + 1}`);
    assert.deepEqual(firstLines(lines), [...lines.slice(0, 10), 'and 3 more']);
    assert.deepEqual(firstLines(lines, 12), [...lines.slice(0, 12), 'and 1 more']);
    assert.deepEqual(firstLines(lines.slice(0, 10)), lines.slice(0, 10));
    assert.deepEqual(firstLines([]), []);
  });
});
