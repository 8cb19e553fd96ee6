import * as assert from 'node:assert/strict';
import { groupRows } from '../../../src/tree/rowGroups';

describe('rows grouped by workspace folder', () => {
  it('keeps the roots in their order, leaves out a root with no row, and keeps each root rows in order', () => {
    const rows = ['b/two', 'a/one', 'b/one', 'elsewhere/x', 'a/two'];
    const groups = groupRows(rows, ['a', 'empty', 'b'], (row) => {
      const root = row.split('/')[0];
      return root === 'elsewhere' ? undefined : root;
    });
    assert.deepEqual(groups, [
      { root: 'a', rows: ['a/one', 'a/two'] },
      { root: 'b', rows: ['b/two', 'b/one'] },
    ]);
  });
});
