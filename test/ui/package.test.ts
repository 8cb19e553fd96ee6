// The package the other UI tests install, measured as the Marketplace receives it: the budget holds room for
// the screenshots the README and the walkthrough show.
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { test } from 'node:test';
import { vsixPath } from './session';

const BUDGET_BYTES = 400 * 1024;

test('the VSIX stays within its 400 KB budget', () => {
  const size = statSync(vsixPath()).size;
  assert.ok(size <= BUDGET_BYTES, `the VSIX is ${Math.round(size / 1024)} KB, over its budget of 400 KB`);
});
