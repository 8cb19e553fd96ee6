import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseQualityEvals } from '../../../src/evals/evalFiles';
import { checkInputFiles } from '../../../src/evals/evalInputs';

describe('eval input files on disk', () => {
  let scratch: string;
  let folder: string;
  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'claude-skills-inputs-'));
    folder = path.join(scratch, 'pdf-tools');
    mkdirSync(path.join(folder, 'evals', 'files'), { recursive: true });
    writeFileSync(path.join(folder, 'evals', 'files', 'people.csv'), 'name\nAda\n');
    writeFileSync(path.join(scratch, 'outside.txt'), "not the skill's");
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  function check(files: string[][]) {
    const text = JSON.stringify({
      evals: files.map((f, i) => ({ id: i + 1, prompt: 'p', files: f, expectations: ['x'] })),
    });
    const parsed = parseQualityEvals(text);
    assert.deepEqual(parsed.problems, []);
    return checkInputFiles(folder, parsed.evals).then((checked) => ({
      ...checked,
      at: checked.problems.map((p) => text.slice(p.span.offset, p.span.offset + p.span.length)),
    }));
  }

  it('takes regular files inside the folder, and says what to fix for the rest, at their place', async () => {
    symlinkSync(path.join(scratch, 'outside.txt'), path.join(folder, 'evals', 'files', 'link.txt'));
    symlinkSync(scratch, path.join(folder, 'evals', 'up'));
    const checked = await check([
      ['evals/files/people.csv'],
      ['evals/files/missing.csv'],
      ['evals/files/link.txt'],
      ['evals/files'],
      ['evals/up/outside.txt'],
      ['evals/files/people.csv', 'evals/nope.txt'],
    ]);
    assert.deepEqual(
      checked.problems.map((p) => p.message),
      [
        '"evals/files/missing.csv" does not exist in the skill folder: add the file, or fix the path.',
        '"evals/files/link.txt" is a link: use the file itself, inside the skill folder.',
        '"evals/files" is a folder: list the files in it one by one.',
        '"evals/up/outside.txt" is reached through a link out of the skill folder: move the file into it.',
        '"evals/nope.txt" does not exist in the skill folder: add the file, or fix the path.',
      ],
    );
    assert.deepEqual(checked.at, [
      '"evals/files/missing.csv"',
      '"evals/files/link.txt"',
      '"evals/files"',
      '"evals/up/outside.txt"',
      '"evals/nope.txt"',
    ]);
    assert.deepEqual([...checked.files.keys()], [1], 'only the eval whose inputs all pass runs');
    assert.deepEqual(
      checked.files.get(1)!.map((f) => [f.relativePath, f.size]),
      [['evals/files/people.csv', 9]],
    );
  });

  it('refuses an input file that holds a secret: it would be uploaded', async () => {
    writeFileSync(
      path.join(folder, 'evals', 'files', 'env.txt'),
      `ANTHROPIC_API_KEY=sk-ant-api03-${'Q'.repeat(93)}AA\n`,
    );
    const checked = await check([['evals/files/env.txt']]);
    assert.equal(checked.problems.length, 1);
    assert.match(checked.problems[0].message, /"evals\/files\/env\.txt" holds what looks like a secret on line 1/);
    assert.ok(!checked.problems[0].message.includes('sk-ant-api03'), 'the secret is not repeated');
    assert.equal(checked.files.size, 0);
  });
});
