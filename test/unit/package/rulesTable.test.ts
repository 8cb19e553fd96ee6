// The README's rules table, which every Problem's code links to: one row per rule the checks have, in
// their order, and no row for a rule they do not have.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS } from '../../../src/skill/problems';
import { repoRoot } from '../../support/vscodeServer';

describe('the README’s rules table', () => {
  it('has a row for each rule id, and only those', () => {
    const rows = readFileSync(join(repoRoot, 'README.md'), 'utf8')
      .split('\n')
      .flatMap((line) => /^\| `([a-z-]+)` \| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \|$/.exec(line)?.[1] ?? []);
    assert.deepEqual(rows, [...RULE_IDS]);
  });
});
