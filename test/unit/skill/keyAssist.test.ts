// A frontmatter key's hover and the keys completed at a line's start, on SKILL.md's text alone.
import * as assert from 'node:assert/strict';
import { keyAt, keyCompletions, keyHover } from '../../../src/skill/keyAssist';

const TEXT = '---\nname: notes\nallowed-tools: Read\n\n---\n\nname: not a key, the body\n';

describe('frontmatter keys as they are written', () => {
  it('finds the key under the cursor in the frontmatter only', () => {
    assert.equal(keyAt(TEXT, 2, 0), 'allowed-tools');
    assert.equal(keyAt(TEXT, 2, 13), 'allowed-tools');
    assert.equal(keyAt(TEXT, 2, 15), undefined, 'on the value');
    assert.equal(keyAt(TEXT, 6, 1), undefined, 'in the body');
    assert.equal(keyAt('# No frontmatter\nname: x\n', 1, 1), undefined);
  });

  it('hovers with what a key does, who takes it, what the others do, and the consumers checked', () => {
    const hover = keyHover('allowed-tools', ['api', 'vscode']);
    assert.match(hover, /^\*\*allowed-tools\*\* — Tools the skill may use without asking/);
    assert.match(hover, /Taken by the Skills API, the Agent Skills format \(skills-ref\), and Claude Code\./);
    assert.match(hover, /VS Code's agent skills warns on it\./);
    assert.match(hover, /Checked here for the Skills API and VS Code's agent skills/);
    const unknown = keyHover('author', ['api']);
    assert.match(unknown, /a key no consumer documents/);
    assert.match(unknown, /The Agent Skills format \(skills-ref\) refuses it\./);
    assert.match(unknown, /Claude Code ignores it\./);
  });

  it('completes at a line’s start the keys of the consumers checked that are not written yet', () => {
    const keys = (targets: Parameters<typeof keyCompletions>[3], line = 3, character = 0) =>
      keyCompletions(TEXT, line, character, targets)?.map((k) => k.key);
    const forApi = keys(['api']);
    assert.deepEqual(forApi, ['description', 'license', 'compatibility', 'metadata']);
    assert.ok(keys(['claude-code'])?.includes('disable-model-invocation'));
    assert.ok(!keys(['agentskills'])?.includes('context'));
    assert.equal(keys(['api'], 1, 3)?.includes('name'), true, 'the line’s own key is offered while it is typed');
    assert.equal(keys(['api'], 2, 16), undefined, 'after the colon');
    assert.equal(keys(['api'], 6, 0), undefined, 'in the body');
    assert.equal(keyCompletions('---\n  nested', 1, 2, ['api']), undefined, 'an indented line is a value');
  });
});
