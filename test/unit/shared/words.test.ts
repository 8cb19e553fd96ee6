import * as assert from 'node:assert/strict';
import { configureLocale } from '../../../src/shared/locale';
import { firstLines, formatBytes, formatList, formatPercent, plural } from '../../../src/shared/words';

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

  it('formats counts, sizes, shares and lists in the display language, and picks a plural by its rules', () => {
    try {
      configureLocale({ language: 'de' });
      assert.equal(plural(1000, 'file'), '1.000 files');
      assert.equal(formatBytes(1536), '1,5 KB');
      assert.equal(formatPercent(0.6), '60\u00a0%');
      assert.equal(formatList(['a', 'b', 'c']), 'a, b und c');
      // French counts 0 as "one" (Intl.PluralRules), not as English's "other": the category decides, not n === 1.
      configureLocale({ language: 'fr' });
      assert.equal(plural(0, 'file'), '0 file');
    } finally {
      configureLocale({ language: 'en-US' });
    }
    assert.equal(formatList(['a', 'b', 'c']), 'a, b, and c');
    assert.equal(formatList(['a', 'b'], 'unit'), 'a, b');
    assert.equal(plural(0, 'file'), '0 files');
  });
});
