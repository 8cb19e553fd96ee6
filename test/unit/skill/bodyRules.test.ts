// SKILL.md's body on its text alone: the size budget (lines counted exactly, tokens estimated and said to
// be about), and the files it points to — links and backticked paths, with URLs, anchors, `%20`, `../`,
// absolute paths and code blocks each handled as the specification's advice means them.
import * as assert from 'node:assert/strict';
import { countTokens } from '@anthropic-ai/tokenizer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BODY_MAX_LINES, bodyProblems, estimateTokens } from '../../../src/skill/bodyRules';
import { repoRoot } from '../../support/vscodeServer';

const FILES = new Set([
  'SKILL.md',
  'reference.md',
  'scripts/run.py',
  'docs/my guide.md',
  'docs/deep/notes.md',
  'scripts/office/tool.py',
]);
const skillMd = (body: string) => `---\nname: x\ndescription: y\n---\n${body}`;
const found = (body: string, files = FILES) => bodyProblems(skillMd(body), files).map((p) => `${p.rule} ${p.line}`);

describe('the body of SKILL.md', () => {
  it('counts the body’s lines exactly: 500 is fine, 501 is over', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n') + '\n';
    assert.deepEqual(found(lines(BODY_MAX_LINES)), []);
    const [over] = bodyProblems(skillMd(lines(BODY_MAX_LINES + 1)), FILES);
    assert.equal(over.rule, 'body-budget');
    assert.equal(over.line, 5, 'at the body’s first line');
    assert.match(
      over.message,
      /^SKILL\.md's body is 501 lines, about [\d,]+ tokens: the Agent Skills specification advises under 500 lines/,
    );
  });

  it('estimates tokens as a quarter of the characters, and says "about"', () => {
    assert.equal(estimateTokens('a'.repeat(400)), 100);
    assert.equal(estimateTokens('The quick brown fox jumps over the lazy dog.'), 11);
    const [over] = bodyProblems(skillMd(`${'word '.repeat(4100)}\n`), FILES);
    assert.match(over.message, /is 1 line, about 5,126 tokens/);
  });

  it('estimates within 30% of a tokenizer’s count on prose, Markdown and code', () => {
    // Anthropic's published tokenizer is the one of its older models: a measure, not Claude's own count,
    // which is why the messages say "about".
    for (const file of [
      'README.md',
      'CHANGELOG.md',
      'src/skill/rules.ts',
      'samples/workspace/skills/commit-message/SKILL.md',
    ]) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      const ratio = estimateTokens(text) / countTokens(text);
      assert.ok(ratio > 0.7 && ratio < 1.3, `${file}: estimated ÷ counted = ${ratio.toFixed(2)}`);
    }
  });

  it('says "at least" when only the head of a long SKILL.md was read', () => {
    const text = skillMd(Array.from({ length: 600 }, () => 'x').join('\n'));
    assert.match(bodyProblems(text, FILES, false)[0].message, /is at least 600 lines/);
  });

  it('resolves links inside the folder, and leaves URLs and anchors alone', () => {
    assert.deepEqual(
      found(
        'See [the reference](reference.md#usage), [guide](docs/my%20guide.md), [site](https://x.dev/a.md), [top](#top), `scripts/run.py`.\n',
      ),
      [],
    );
  });

  it('flags links that resolve to nothing, go outside the folder, or are absolute', () => {
    assert.deepEqual(
      found('[a](missing.md)\n[b](../other/SKILL.md)\n[c](/etc/notes.md)\n[d](./scripts/../reference.md)\n'),
      ['reference-missing 5', 'reference-outside 6', 'reference-outside 7'],
    );
  });

  it('takes a backticked path for a reference only in the skill’s own folders', () => {
    assert.deepEqual(found('Run `scripts/missing.py`; the docx holds `word/document.xml`; see `./nope.md`.\n'), [
      'reference-missing 5',
      'reference-missing 5',
    ]);
  });

  it('advises one folder deep for documents, not for scripts', () => {
    assert.deepEqual(found('[notes](docs/deep/notes.md) and [tool](scripts/office/tool.py)\n'), ['reference-deep 5']);
  });

  it('reads no code block', () => {
    assert.deepEqual(found('```bash\ncat [x](missing.md) `scripts/missing.py`\n```\n~~~\n[y](gone.md)\n~~~\n'), []);
  });
});
